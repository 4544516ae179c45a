package io.affinity.client;

import static io.affinity.client.RequestAssertions.assertOnlyRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.affinity.client.error.AuthenticationException;
import io.affinity.client.error.ServerException;
import io.affinity.testkit.Failure;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** {@link AffinityClient#whoami()} and {@link AffinityClient#fetchRateLimits()}. */
class AccountTest extends ResourceTest {

    @Test
    void whoamiNamesTheInstanceAndTheUser() {
        StepVerifier.create(client.whoami())
                .assertNext(whoami -> {
                    assertEquals("affinity", whoami.tenant().subdomain());
                    assertEquals(2L, whoami.user().id());
                })
                .expectComplete()
                .verify(TIMEOUT);

        assertEquals("/auth/whoami", assertOnlyRequest(server, "getWhoami", Map.of()).path());
    }

    @Test
    void whoamiWithAWrongKeyFailsWithAuthentication() {
        try (AffinityClient wrongKey = ResourceTestSupport.builder(server).apiKey("not-the-key").build()) {
            StepVerifier.create(wrongKey.whoami()).expectError(AuthenticationException.class).verify(TIMEOUT);
        }
    }

    @Test
    void rateLimitReportsTheServersCounters() {
        client.whoami().block(TIMEOUT);

        StepVerifier.create(client.fetchRateLimits())
                .assertNext(limits -> {
                    assertEquals(900L, limits.rate().apiKeyPerMinute().limit());
                    assertEquals(2L, limits.rate().apiKeyPerMinute().used());
                })
                .expectComplete()
                .verify(TIMEOUT);

        assertEquals("/rate-limit", assertOnlyRequest(server, "getRateLimit", Map.of()).path());
    }

    @Test
    void aServerErrorIsRetriedForTheSafeGet() {
        server.failNext("getRateLimit", 1, Failure.status(503));

        StepVerifier.create(client.fetchRateLimits()).expectNextCount(1).expectComplete().verify(TIMEOUT);

        assertEquals(2, server.journal().count("getRateLimit"));
    }

    @Test
    void aServerErrorThatLastsFailsWithServerException() {
        try (AffinityClient noRetries = ResourceTestSupport.builder(server)
                .retryOptions(io.affinity.client.retry.RetryOptions.disabled()).build()) {
            server.failNext("getWhoami", 1, Failure.status(500));

            StepVerifier.create(noRetries.whoami()).expectError(ServerException.class).verify(TIMEOUT);
        }
    }
}
