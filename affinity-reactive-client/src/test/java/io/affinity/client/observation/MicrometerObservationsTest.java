package io.affinity.client.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.AffinityClient;
import io.affinity.client.AffinityClientBuilder;
import io.affinity.client.error.NotFoundException;
import io.affinity.client.ratelimit.RateLimitException;
import io.affinity.client.ratelimit.RateLimitOptions;
import io.affinity.client.retry.RetryOptions;
import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.Failure;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Calls and downloads over HTTP against the testkit report to the listener and to Micrometer, ids never in tags. */
class MicrometerObservationsTest {

    private AffinityMockServer server;
    private SimpleMeterRegistry meters;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private AffinityClient client;
    private MicrometerObservations micrometer;
    private AffinityClientListener recorder;

    @BeforeEach
    void start() {
        server = AffinityMockServer.builder().start();
        meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        micrometer = new MicrometerObservations(observations, meters);
        recorder = new AffinityClientListener() {
            @Override
            public void requestStarted(AffinityCall call) {
                events.add("started " + call);
            }

            @Override
            public void retrying(AffinityCall call, int attempt, Throwable cause) {
                events.add("retrying " + call + " #" + attempt);
            }

            @Override
            public void rateLimited(AffinityCall call) {
                events.add("429 " + call);
            }

            @Override
            public void finished(AffinityCall call, CallResult result) {
                events.add("finished " + call + " " + result.status() + " " + result.outcome());
            }
        };
        client = builder(RateLimitOptions.defaults()).build();
        MicrometerObservations.bindTo(client, meters);
    }

    private AffinityClientBuilder builder(RateLimitOptions rateLimits) {
        return AffinityClient.builder()
                .apiKey(server.apiKey())
                .baseUrl(server.baseUrl())
                .rateLimitOptions(rateLimits)
                .retryOptions(RetryOptions.builder()
                        .baseDelay(Duration.ofMillis(1))
                        .maxDelay(Duration.ofMillis(5))
                        .build())
                .listener(new AffinityClientListener() {
                    @Override
                    public void requestStarted(AffinityCall call) {
                        recorder.requestStarted(call);
                        micrometer.requestStarted(call);
                    }

                    @Override
                    public void rateLimitWaited(AffinityCall call, Duration waited) {
                        micrometer.rateLimitWaited(call, waited);
                    }

                    @Override
                    public void rateLimited(AffinityCall call) {
                        recorder.rateLimited(call);
                        micrometer.rateLimited(call);
                    }

                    @Override
                    public void retrying(AffinityCall call, int attempt, Throwable cause) {
                        recorder.retrying(call, attempt, cause);
                        micrometer.retrying(call, attempt, cause);
                    }

                    @Override
                    public void finished(AffinityCall call, CallResult result) {
                        recorder.finished(call, result);
                        micrometer.finished(call, result);
                    }
                });
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aCallIsObservedByOperationTemplateMethodStatusAndOutcome() {
        StepVerifier.create(client.persons().get(4242)).expectNextCount(1).verifyComplete();

        assertEquals(
                List.of(
                        "started GET /persons/{person_id}",
                        "finished GET /persons/{person_id} OptionalInt[200] SUCCESS"),
                events);
        Timer timer = meters.get(MicrometerObservations.CALLS)
                .tag("operation", "/persons/{person_id}")
                .tag("method", "GET")
                .tag("status", "200")
                .tag("outcome", "SUCCESS")
                .timer();
        assertEquals(1, timer.count());
        assertEquals(
                1, meters.get(MicrometerObservations.RATE_LIMIT_WAIT).timer().count());
        assertEquals(0.0, meters.get("affinity.client.calls.in-flight").gauge().value());
        assertEquals(0.0, meters.get("affinity.client.calls.queued").gauge().value());
        assertTrue(meters.get("affinity.client.rate-limit.remaining")
                        .tag("scope", "user")
                        .gauge()
                        .value()
                > 0);
        for (Meter meter : meters.getMeters()) {
            meter.getId().getTags().forEach(tag -> assertFalse(tag.getValue().contains("4242"), tag.toString()));
            meter.getId()
                    .getTags()
                    .forEach(tag -> assertFalse(tag.getValue().contains(server.apiKey()), tag.toString()));
        }
    }

    @Test
    void retriesAnd429sAreCountedAndTheFinalStatusTagged() {
        server.failNext("getPerson", 2, Failure.status(503));
        StepVerifier.create(client.persons().get(1)).expectNextCount(1).verifyComplete();

        assertEquals(
                2.0,
                meters.get(MicrometerObservations.RETRIES)
                        .tag("operation", "/persons/{person_id}")
                        .counter()
                        .count());
        assertTrue(events.contains("retrying GET /persons/{person_id} #2"), events.toString());
        assertTrue(events.contains("retrying GET /persons/{person_id} #3"), events.toString());
        assertEquals("finished GET /persons/{person_id} OptionalInt[200] SUCCESS", events.get(events.size() - 1));

        // a 429 whose reset is beyond the client's cap on server waits fails at once: counted, tagged 429
        client.close();
        client = builder(RateLimitOptions.builder()
                        .maxServerWait(Duration.ofMillis(1))
                        .build())
                .build();
        server.failNext("getPerson", 1, Failure.status(429));
        StepVerifier.create(client.persons().get(1))
                .expectError(RateLimitException.class)
                .verify();
        assertEquals(
                1.0, meters.get(MicrometerObservations.RATE_LIMITED).counter().count());
        assertTrue(events.contains("429 GET /persons/{person_id}"), events.toString());
        assertEquals(
                1,
                meters.get(MicrometerObservations.CALLS)
                        .tag("status", "429")
                        .tag("outcome", "CLIENT_ERROR")
                        .timer()
                        .count());
    }

    @Test
    void aFailureIsTaggedWithItsStatusAndOutcome() {
        server.failNext("getPerson", 1, Failure.status(404));
        StepVerifier.create(client.persons().get(7))
                .expectError(NotFoundException.class)
                .verify();

        assertEquals(
                1,
                meters.get(MicrometerObservations.CALLS)
                        .tag("status", "404")
                        .tag("outcome", "CLIENT_ERROR")
                        .timer()
                        .count());
    }

    @Test
    void downloadsGoThroughTheSamePathAndCancellingIsAnOutcome() {
        StepVerifier.create(client.entityFiles()
                        .download(1)
                        .map(ByteBuffer::remaining)
                        .reduce(0, Integer::sum))
                .expectNextMatches(size -> size >= 0)
                .verifyComplete();
        assertTrue(events.contains("started GET /entity-files/download/{entity_file_id}"), events.toString());
        assertEquals(
                1,
                meters.get(MicrometerObservations.CALLS)
                        .tag("operation", "/entity-files/download/{entity_file_id}")
                        .tag("outcome", "SUCCESS")
                        .timer()
                        .count());

        StepVerifier.create(client.persons().get(1).delaySubscription(Duration.ZERO))
                .thenCancel()
                .verify();
        StepVerifier.create(client.persons()
                        .search(io.affinity.client.query.PersonSearch.builder().build())
                        .take(1))
                .expectNextCount(1)
                .verifyComplete();
        assertEquals(0.0, meters.get("affinity.client.calls.in-flight").gauge().value());
    }
}
