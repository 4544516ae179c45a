package io.affinity.client;

import static io.affinity.client.RequestAssertions.assertOnlyRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.error.AuthenticationException;
import io.affinity.client.error.ServerException;
import io.affinity.model.value.RateLimitQuota;
import io.affinity.testkit.Failure;
import java.util.Map;
import java.util.OptionalLong;
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

        assertEquals(
                "/auth/whoami", assertOnlyRequest(server, "getWhoami", Map.of()).path());
    }

    @Test
    void whoamiWithAWrongKeyFailsWithAuthentication() {
        try (AffinityClient wrongKey =
                ResourceTestSupport.builder(server).apiKey("not-the-key").build()) {
            StepVerifier.create(wrongKey.whoami())
                    .expectError(AuthenticationException.class)
                    .verify(TIMEOUT);
        }
    }

    @Test
    void rateLimitReportsTheServersCounters() {
        client.whoami().block(TIMEOUT);

        StepVerifier.create(client.fetchRateLimits())
                .assertNext(limits -> {
                    assertEquals(
                            RateLimitQuota.of(900),
                            limits.rate().apiKeyPerMinute().limit());
                    assertEquals(2L, limits.rate().apiKeyPerMinute().used());
                })
                .expectComplete()
                .verify(TIMEOUT);

        assertEquals(
                "/rate-limit",
                assertOnlyRequest(server, "getRateLimit", Map.of()).path());
    }

    @Test
    void rateLimitDecodesAnUnlimitedPlan() {
        server.override("getRateLimit", 200, """
                {"rate": {
                  "org_monthly": {"limit": "unlimited", "remaining": "unlimited", "reset": 2124845, "used": 5120},
                  "api_key_per_minute": {"limit": 900, "remaining": 897, "reset": 41, "used": 3}}}""");

        StepVerifier.create(client.fetchRateLimits())
                .assertNext(limits -> {
                    assertTrue(limits.rate().orgMonthly().limit().isUnlimited());
                    assertTrue(limits.rate().orgMonthly().remaining().isUnlimited());
                    assertEquals(
                            OptionalLong.empty(),
                            limits.rate().orgMonthly().limit().count());
                    assertEquals(5120L, limits.rate().orgMonthly().used());
                    assertEquals(
                            OptionalLong.of(897),
                            limits.rate().apiKeyPerMinute().remaining().count());
                })
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void theFakeWithoutAMonthlyCapReportsUnlimitedAndTheClientReadsItSo() {
        StepVerifier.create(client.fetchRateLimits())
                .assertNext(limits -> {
                    assertTrue(limits.rate().orgMonthly().limit().isUnlimited());
                    assertTrue(limits.rate().orgMonthly().remaining().isUnlimited());
                    assertEquals(
                            OptionalLong.of(900),
                            limits.rate().apiKeyPerMinute().limit().count());
                })
                .expectComplete()
                .verify(TIMEOUT);
        client.lists().list().blockLast(TIMEOUT);

        assertTrue(client.rateLimitSnapshot().org().orElseThrow().unlimited());
        assertEquals(900, client.rateLimitSnapshot().user().orElseThrow().limit());
    }

    @Test
    void aServerErrorIsRetriedForTheSafeGet() {
        server.failNext("getRateLimit", 1, Failure.status(503));

        StepVerifier.create(client.fetchRateLimits())
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);

        assertEquals(2, server.journal().count("getRateLimit"));
    }

    @Test
    void aServerErrorThatLastsFailsWithServerException() {
        try (AffinityClient noRetries = ResourceTestSupport.builder(server)
                .retryOptions(io.affinity.client.retry.RetryOptions.disabled())
                .build()) {
            server.failNext("getWhoami", 1, Failure.status(500));

            StepVerifier.create(noRetries.whoami())
                    .expectError(ServerException.class)
                    .verify(TIMEOUT);
        }
    }
}
