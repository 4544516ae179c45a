package io.affinity.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.affinity.client.error.PaginationException;
import io.affinity.client.error.TransportException;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.query.PersonSearch;
import io.affinity.client.ratelimit.RateLimitException;
import io.affinity.client.ratelimit.RateLimitOptions;
import io.affinity.client.retry.RetryOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The client against a server that misbehaves at the socket level: it trickles bodies, sends headers that would
 * stall a naive client, answers empty pages forever, or never answers. Every case ends within its documented
 * bound with a typed error, and the server-side counts show what was (not) sent.
 */
class HostileServerTest {

    private static final long GRACE_MILLIS = 500;
    /** The longest quiet period of the rate limiter after a cancelled call (TokenBucketRateLimiter.MAX_QUIET_NANOS). */
    private static final long LIMITER_QUIET_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private static AffinityClientBuilder builder(RawHttpServer server) {
        return AffinityClient.builder()
                .apiKey(TestSupport.API_KEY)
                .baseUrl(server.baseUrl())
                .retryOptions(RetryOptions.disabled());
    }

    private static Mono<JsonNode> get(AffinityClient client, String path) {
        return TestSupport.get(client, path);
    }

    private static Mono<JsonNode> post(AffinityClient client, int number) {
        return client.engine()
                .mono(
                        () -> ApiRequest.post("/notes")
                                .jsonBody(Map.of("content", "note " + number))
                                .build(),
                        TestSupport.JSON);
    }

    @Test
    void aTrickledBodyEndsAtTheAttemptTimeoutAndTheConnectionIsClosed() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, index, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 100_000; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(20); // one byte at a time: the response timeout between reads never fires
            }
        })) {
            SteppingScheduler time = new SteppingScheduler();
            try (AffinityClient client = time.drive(builder(server))
                    .attemptTimeout(Duration.ofSeconds(30))
                    .build()) {
                CompletableFuture<JsonNode> call = get(client, "/slow").toFuture();
                server.awaitRequests(1);
                time.advanceTimeBy(Duration.ofSeconds(30));
                ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(
                        ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
                TransportException timeout = assertInstanceOf(TransportException.class, failure.getCause());
                assertEquals(TransportException.Kind.TIMEOUT, timeout.kind());
                assertTrue(timeout.requestMayHaveBeenSent());
                assertTrue(timeout.getMessage().contains("attempt timeout"), timeout.getMessage());
                server.awaitClosedByClient(1);
            }
        }
    }

    @Test
    void anExhaustedUserWindowWithAnAbsurdResetHoldsCallsForAtMostAMinute() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, index, out) -> out.write(RawHttpServer.response(
                "200 OK",
                "{}",
                "X-Ratelimit-Limit-User: 900",
                "X-Ratelimit-Limit-User-Remaining: 0",
                "X-Ratelimit-Limit-User-Reset: 99999999")))) {
            SteppingScheduler time = new SteppingScheduler();
            try (AffinityClient client = time.drive(builder(server)).build()) {
                StepVerifier.create(get(client, "/a")).expectNextCount(1).verifyComplete();
                time.verifyWaitsThenSucceeds(
                        () -> get(client, "/b"),
                        Duration.ofSeconds(59),
                        () -> assertEquals(1, server.requestCount()),
                        Duration.ofSeconds(1));
            }
            assertEquals(2, server.requestCount());
        }
    }

    @Test
    void anAbsurdRetryAfterFailsTheCallsAtOnceInsteadOfStallingTheClient() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, index, out) -> out.write(
                index == 0
                        ? RawHttpServer.response("429 Too Many Requests", "{}", "Retry-After: 99999999")
                        : RawHttpServer.response("200 OK", "{}")))) {
            SteppingScheduler time = new SteppingScheduler();
            try (AffinityClient client = time.drive(builder(server))
                    .retryOptions(RetryOptions.defaults())
                    .build()) {
                StepVerifier.create(get(client, "/a"))
                        .expectErrorSatisfies(error -> {
                            RateLimitException refused = assertInstanceOf(RateLimitException.class, error);
                            assertEquals(429, refused.statusCode().orElseThrow());
                            assertEquals(
                                    Duration.ofDays(31), refused.retryAfter().orElseThrow());
                        })
                        .verify(Duration.ofSeconds(10));
                // another call fails at once too, without reaching the server
                StepVerifier.create(get(client, "/b"))
                        .expectErrorSatisfies(error -> assertTrue(assertInstanceOf(RateLimitException.class, error)
                                .statusCode()
                                .isEmpty()))
                        .verify(Duration.ofSeconds(10));
                assertEquals(1, server.requestCount());

                time.advanceTimeBy(Duration.ofSeconds(RateLimitOptions.DEFAULT_MAX_SERVER_WAIT_SECONDS));
                StepVerifier.create(get(client, "/c")).expectNextCount(1).verifyComplete();
            }
            assertEquals(2, server.requestCount());
        }
    }

    @Test
    void aNegativeRetryAfterIsIgnoredAndBackoffApplies() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, index, out) -> out.write(
                index == 0
                        ? RawHttpServer.response("429 Too Many Requests", "{}", "Retry-After: -40")
                        : RawHttpServer.response("200 OK", "{}")))) {
            SteppingScheduler time = new SteppingScheduler();
            try (AffinityClient client = time.drive(builder(server))
                    .retryOptions(RetryOptions.builder()
                            .baseDelay(Duration.ofSeconds(1))
                            .maxDelay(Duration.ofSeconds(1))
                            .build())
                    .build()) {
                time.verifyWaitsThenSucceeds(() -> get(client, "/a"), Duration.ZERO, () -> {}, Duration.ofSeconds(1));
            }
            assertEquals(2, server.requestCount());
        }
    }

    @Test
    void aWalkOverEndlessEmptyPagesFailsAfterTheConfiguredNumber() throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, index, out) -> out.write(
                RawHttpServer.response("200 OK", "{\"persons\":[],\"next_page_token\":\"t" + index + "\"}")))) {
            try (AffinityClient client = builder(server).maxEmptyPages(10).build()) {
                StepVerifier.create(client.persons()
                                .search(PersonSearch.builder().term("a").build())
                                .take(1))
                        .expectErrorSatisfies(error -> {
                            PaginationException endless = assertInstanceOf(PaginationException.class, error);
                            assertTrue(endless.getMessage().contains("11 empty pages in a row"), endless.getMessage());
                        })
                        .verify(Duration.ofSeconds(10));
            }
            assertEquals(11, server.requestCount(), "ten empty pages are accepted, the eleventh ends the walk");
        }
    }

    @Test
    void aCallTimeoutWhileWaitingForThePermitSaysNothingWasSent() throws Exception {
        try (RawHttpServer server =
                new RawHttpServer((request, index, out) -> out.write(RawHttpServer.response("200 OK", "{}")))) {
            SteppingScheduler time = new SteppingScheduler();
            try (AffinityClient client = time.drive(builder(server))
                    .callTimeout(Duration.ofSeconds(10))
                    .rateLimitOptions(
                            RateLimitOptions.builder().requestsPerMinute(1).build())
                    .build()) {
                StepVerifier.create(get(client, "/a")).expectNextCount(1).verifyComplete();
                CompletableFuture<JsonNode> waiting = get(client, "/b").toFuture();
                time.awaitTimer();
                time.advanceTimeBy(Duration.ofSeconds(10));
                ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(
                        ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
                TransportException timeout = assertInstanceOf(TransportException.class, failure.getCause());
                assertFalse(timeout.requestMayHaveBeenSent(), timeout.getMessage());
                assertTrue(timeout.getMessage().contains("was not sent"), timeout.getMessage());
            }
            assertEquals(1, server.requestCount());
        }
    }

    @Test
    void queuedPostsCancelledBehindTheInFlightCapAreNeverSent() throws Exception {
        cancelWhileQueued(200, HostileServerTest::post);
    }

    @Test
    void queuedGetsCancelledBehindTheInFlightCapAreNeverSentNorConnected() throws Exception {
        cancelWhileQueued(1_000, (client, number) -> get(client, "/lists/" + number));
    }

    private interface Call {
        Mono<JsonNode> make(AffinityClient client, int number);
    }

    private static void cancelWhileQueued(int calls, Call call) throws Exception {
        try (RawHttpServer server = new RawHttpServer((request, index, out) -> Thread.sleep(60_000))) {
            try (AffinityClient client = builder(server)
                    .callTimeout(null)
                    .rateLimitOptions(
                            RateLimitOptions.builder().maxConcurrentRequests(4).build())
                    .build()) {
                Disposable all = Flux.range(0, calls)
                        .flatMap(number -> call.make(client, number), calls)
                        .subscribe();
                server.awaitRequests(4);
                long disposeStarted = System.nanoTime();
                all.dispose();
                long disposeNanos = System.nanoTime() - disposeStarted;
                Thread.sleep(GRACE_MILLIS); // anything sent after the cancel would arrive by now
                // The limiter's promise is bounded: queued calls get no permit while the batch goes on cancelling,
                // for at most a second. A dispose that itself took longer (the thread descheduled on an overloaded
                // machine) lies outside that promise, so the run is reported as aborted rather than judged.
                assumeTrue(
                        disposeNanos < LIMITER_QUIET_NANOS,
                        "dispose() took " + disposeNanos / 1_000 + " µs, longer than the limiter's quiet period");
                assertEquals(
                        4,
                        server.requestCount(),
                        "requests after the cancel: "
                                + server.requests()
                                        .subList(4, server.requestCount())
                                        .size());
                assertTrue(server.connections() <= 8, "connections opened: " + server.connections());
            }
        }
    }

    @Test
    void aKeyEchoedInAnyLetterCaseOrInItsBasicFormIsRedacted() throws Exception {
        String basic = java.util.Base64.getEncoder()
                .encodeToString((":" + TestSupport.API_KEY).getBytes(StandardCharsets.UTF_8));
        try (RawHttpServer server = new RawHttpServer((request, index, out) -> out.write(RawHttpServer.response(
                "401 Unauthorized",
                "{\"error\":\"bad key " + TestSupport.API_KEY.toLowerCase() + " / " + TestSupport.API_KEY.toUpperCase()
                        + " / " + basic.toLowerCase() + "\"}")))) {
            try (AffinityClient client = builder(server).build()) {
                StepVerifier.create(get(client, "/lists"))
                        .expectErrorSatisfies(error -> {
                            String message = error.getMessage().toLowerCase();
                            for (String secret : List.of(TestSupport.API_KEY, basic)) {
                                assertFalse(message.contains(secret.toLowerCase()), error.getMessage());
                            }
                            assertEquals(
                                    3, error.getMessage().split("\\[REDACTED]", -1).length - 1, error.getMessage());
                        })
                        .verify(Duration.ofSeconds(10));
            }
        }
    }
}
