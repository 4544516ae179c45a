package io.affinity.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.affinity.client.error.ServerException;
import io.affinity.client.error.TransportException;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.ratelimit.RateLimitException;
import io.affinity.client.ratelimit.RateLimitOptions;
import io.affinity.client.ratelimit.RateLimiter;
import io.affinity.client.retry.RetryOptions;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class RetryTest {

    @RegisterExtension
    static final WireMockExtension server = TestSupport.newServer();

    /** The first {@code failures.length} calls get the failures, in order; the next ones succeed. */
    private static void failThenSucceed(String method, ResponseDefinitionBuilder... failures) {
        String state = STARTED;
        for (int i = 0; i < failures.length; i++) {
            String next = "after failure " + (i + 1);
            server.stubFor(request(method, anyUrl())
                    .inScenario("retry")
                    .whenScenarioStateIs(state)
                    .willReturn(failures[i])
                    .willSetStateTo(next));
            state = next;
        }
        server.stubFor(request(method, anyUrl())
                .inScenario("retry")
                .whenScenarioStateIs(state)
                .willReturn(okJson("{\"ok\":true}")));
    }

    private static int requests() {
        return server.findAll(anyRequestedFor(anyUrl())).size();
    }

    private static Mono<JsonNode> call(AffinityClient client, String method) {
        HttpMethod httpMethod = HttpMethod.valueOf(method);
        return client.engine()
                .mono(
                        () -> {
                            ApiRequest.Builder builder = switch (method) {
                                case "GET" -> ApiRequest.get("/things/1");
                                case "PUT" -> ApiRequest.put("/things/1");
                                case "DELETE" -> ApiRequest.delete("/things/1");
                                default -> ApiRequest.post("/things");
                            };
                            return httpMethod.equals(HttpMethod.GET) || httpMethod.equals(HttpMethod.DELETE)
                                    ? builder.build()
                                    : builder.jsonBody(Map.of("name", "x")).build();
                        },
                        TestSupport.JSON);
    }

    private static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status).withBody("{\"error\":\"try later\"}");
    }

    @ParameterizedTest
    @CsvSource({"GET, 500", "GET, 502", "GET, 503", "GET, 504", "PUT, 500", "PUT, 503", "DELETE, 502", "DELETE, 504"})
    void idempotentCallsAreRetriedOnServerErrors(String method, int status) {
        failThenSucceed(method, status(status), status(status));
        try (AffinityClient client = TestSupport.builder(server).build()) {
            StepVerifier.create(call(client, method)).expectNextCount(1).verifyComplete();
        }
        assertEquals(3, requests());
    }

    @ParameterizedTest
    @CsvSource({"500", "502", "503", "504"})
    void postIsNeverRetriedOnServerErrors(int status) {
        failThenSucceed("POST", status(status));
        try (AffinityClient client = TestSupport.builder(server).build()) {
            StepVerifier.create(call(client, "POST"))
                    .expectError(ServerException.class)
                    .verify();
        }
        assertEquals(1, requests());
    }

    @Test
    void otherServerStatusesAreNotRetried() {
        failThenSucceed("GET", status(501));
        try (AffinityClient client = TestSupport.builder(server).build()) {
            StepVerifier.create(call(client, "GET"))
                    .expectError(ServerException.class)
                    .verify();
        }
        assertEquals(1, requests());
    }

    @Test
    void theLastFailureIsReportedWhenAttemptsRunOut() {
        failThenSucceed("GET", status(503), status(503), status(503), status(503), status(503));
        try (AffinityClient client = TestSupport.builder(server)
                .retryOptions(RetryOptions.builder()
                        .maxAttempts(3)
                        .baseDelay(Duration.ZERO)
                        .maxDelay(Duration.ZERO)
                        .build())
                .build()) {
            StepVerifier.create(call(client, "GET"))
                    .expectErrorSatisfies(error -> assertEquals(
                            503,
                            assertInstanceOf(ServerException.class, error)
                                    .statusCode()
                                    .getAsInt()))
                    .verify();
        }
        assertEquals(3, requests());
    }

    @Test
    void disabledRetriesAttemptOnce() {
        failThenSucceed("GET", status(503));
        try (AffinityClient client = TestSupport.builder(server)
                .retryOptions(RetryOptions.disabled())
                .build()) {
            StepVerifier.create(call(client, "GET"))
                    .expectError(ServerException.class)
                    .verify();
        }
        assertEquals(1, requests());
    }

    @Test
    void aResetAfterSendingIsRetriedForGetButNotForPost() {
        failThenSucceed("GET", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        failThenSucceed("POST", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        try (AffinityClient client = TestSupport.builder(server).build()) {
            StepVerifier.create(call(client, "GET")).expectNextCount(1).verifyComplete();
            assertEquals(2, requests());
            server.resetScenarios();
            StepVerifier.create(call(client, "POST"))
                    .expectErrorSatisfies(error -> assertEquals(
                            true,
                            assertInstanceOf(TransportException.class, error).requestMayHaveBeenSent()))
                    .verify();
        }
        assertEquals(3, requests());
    }

    @Test
    void postIsRetriedWhenTheConnectionFailedBeforeSendingAndEachAttemptTakesAPermit() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CountingRateLimiter limiter =
                new CountingRateLimiter(RateLimiter.tokenBucket(RateLimitOptions.defaults(), Schedulers.parallel()));
        try (AffinityClient client = TestSupport.builder(server)
                .baseUrl("http://localhost:" + closedPort)
                .rateLimiter(limiter)
                .build()) {
            StepVerifier.create(call(client, "POST"))
                    .expectErrorSatisfies(error -> assertEquals(
                            TransportException.Kind.CONNECT,
                            assertInstanceOf(TransportException.class, error).kind()))
                    .verify();
        }
        assertEquals(4, limiter.acquired.get());
        assertEquals(4, limiter.released.get());
    }

    @Test
    void a429IsRetriedForPostAfterRetryAfterSeconds() {
        failThenSucceed("POST", status(429).withHeader("Retry-After", "30"));
        SteppingScheduler time = new SteppingScheduler();
        try (AffinityClient client = time.drive(TestSupport.builder(server)).build()) {
            time.verifyWaitsThenSucceeds(
                    () -> call(client, "POST"),
                    Duration.ofSeconds(29),
                    () -> assertEquals(1, requests()),
                    Duration.ofSeconds(1));
        }
        assertEquals(2, requests());
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        String inOneMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
        failThenSucceed("GET", status(429).withHeader("Retry-After", inOneMinute));
        SteppingScheduler time = new SteppingScheduler();
        try (AffinityClient client = time.drive(TestSupport.builder(server)).build()) {
            time.verifyWaitsThenSucceeds(
                    () -> call(client, "GET"),
                    Duration.ofSeconds(55),
                    () -> assertEquals(1, requests()),
                    Duration.ofSeconds(6));
        }
        assertEquals(2, requests());
    }

    @Test
    void withoutRetryAfterTheRateLimitResetIsHonoured() {
        failThenSucceed(
                "GET",
                status(429)
                        .withHeader("X-Ratelimit-Limit-User", "900")
                        .withHeader("X-Ratelimit-Limit-User-Remaining", "0")
                        .withHeader("X-Ratelimit-Limit-User-Reset", "20"));
        SteppingScheduler time = new SteppingScheduler();
        try (AffinityClient client = time.drive(TestSupport.builder(server)).build()) {
            time.verifyWaitsThenSucceeds(
                    () -> call(client, "GET"),
                    Duration.ofSeconds(19),
                    () -> assertEquals(1, requests()),
                    Duration.ofSeconds(1));
        }
        assertEquals(2, requests());
    }

    @Test
    void backoffWaitsOnTheSchedulerWithinTheCap() {
        failThenSucceed("GET", status(503));
        SteppingScheduler time = new SteppingScheduler();
        try (AffinityClient client = time.drive(TestSupport.builder(server))
                .retryOptions(RetryOptions.builder()
                        .baseDelay(Duration.ofSeconds(2))
                        .maxDelay(Duration.ofSeconds(2))
                        .build())
                .build()) {
            time.verifyWaitsThenSucceeds(
                    () -> call(client, "GET"), Duration.ZERO, () -> assertEquals(1, requests()), Duration.ofSeconds(2));
        }
        assertEquals(2, requests());
    }

    @Test
    void a429AskingForMoreThanTheMaximumWaitIsReportedAtOnce() {
        failThenSucceed("GET", status(429).withHeader("Retry-After", "120"));
        try (AffinityClient client = TestSupport.builder(server)
                .rateLimitOptions(RateLimitOptions.builder()
                        .maxWait(Duration.ofSeconds(10))
                        .build())
                .build()) {
            StepVerifier.create(call(client, "GET"))
                    .expectErrorSatisfies(error -> assertEquals(
                            Duration.ofSeconds(120),
                            assertInstanceOf(RateLimitException.class, error)
                                    .retryAfter()
                                    .orElseThrow()))
                    .verify(Duration.ofSeconds(10));
        }
        assertEquals(1, requests());
    }
}
