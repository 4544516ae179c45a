package io.affinity.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.affinity.client.ratelimit.RateLimitSnapshot;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** The limiter fed by real responses: the server's word closes the gate for every caller. */
class RateLimitOverHttpTest {

    @RegisterExtension
    static final WireMockExtension server = TestSupport.newServer();

    private static int requests() {
        return server.findAll(anyRequestedFor(anyUrl())).size();
    }

    @Test
    void a429MakesEveryCallerWaitUntilRetryAfter() throws Exception {
        server.stubFor(get("/a")
                .inScenario("limit")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30"))
                .willSetStateTo("open"));
        server.stubFor(get("/a").inScenario("limit").whenScenarioStateIs("open").willReturn(okJson("{}")));
        server.stubFor(get("/b").willReturn(okJson("{}")));
        SteppingScheduler time = new SteppingScheduler();

        try (AffinityClient client = time.drive(TestSupport.builder(server)).build()) {
            CompletableFuture<JsonNode> refused = TestSupport.get(client, "/a").toFuture();
            time.awaitTimer(); // the refused call waits for its retry
            CompletableFuture<JsonNode> other = TestSupport.get(client, "/b").toFuture();
            time.awaitTimer(); // the other call waits at the closed gate

            time.advanceTimeBy(Duration.ofSeconds(29));
            assertEquals(1, requests());
            assertFalse(other.isDone());

            time.advanceTimeBy(Duration.ofSeconds(1));
            refused.get(10, TimeUnit.SECONDS);
            other.get(10, TimeUnit.SECONDS);
        }
        assertEquals(3, requests());
    }

    @Test
    void noRemainingRequestMakesTheNextCallersWaitForTheReset() {
        server.stubFor(get("/a")
                .willReturn(okJson("{}")
                        .withHeader("X-Ratelimit-Limit-User", "900")
                        .withHeader("X-Ratelimit-Limit-User-Remaining", "0")
                        .withHeader("X-Ratelimit-Limit-User-Reset", "12")));
        server.stubFor(get("/b").willReturn(okJson("{}")));
        SteppingScheduler time = new SteppingScheduler();

        try (AffinityClient client = time.drive(TestSupport.builder(server)).build()) {
            StepVerifier.create(TestSupport.get(client, "/a"))
                    .expectNextCount(1)
                    .verifyComplete();

            time.verifyWaitsThenSucceeds(
                    () -> TestSupport.get(client, "/b"),
                    Duration.ofSeconds(11),
                    () -> assertEquals(1, requests()),
                    Duration.ofSeconds(1));
        }
        assertEquals(2, requests());
    }

    @Test
    void theClientPublishesTheLatestLimits() {
        server.stubFor(get("/rate-limit")
                .willReturn(okJson("{}")
                        .withHeader("X-Ratelimit-Limit-User", "900")
                        .withHeader("X-Ratelimit-Limit-User-Remaining", "850")
                        .withHeader("X-Ratelimit-Limit-User-Reset", "42")
                        .withHeader("X-Ratelimit-Limit-Org", "100000")
                        .withHeader("X-Ratelimit-Limit-Org-Remaining", "99000")
                        .withHeader("X-Ratelimit-Limit-Org-Reset", "1000000")));

        try (AffinityClient client = TestSupport.builder(server).build()) {
            assertEquals(RateLimitSnapshot.empty(), client.rateLimitSnapshot());
            StepVerifier.create(TestSupport.get(client, "/rate-limit"))
                    .expectNextCount(1)
                    .verifyComplete();

            RateLimitSnapshot limits = client.rateLimitSnapshot();
            assertEquals(850, limits.user().orElseThrow().remaining());
            assertEquals(Duration.ofSeconds(42), limits.user().orElseThrow().resetAfter());
            assertEquals(100000, limits.org().orElseThrow().limit());
            assertEquals(99000, limits.org().orElseThrow().remaining());
        }
    }
}
