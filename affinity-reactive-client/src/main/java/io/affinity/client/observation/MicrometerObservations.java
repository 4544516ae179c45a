package io.affinity.client.observation;

import io.affinity.client.ratelimit.Quota;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Micrometer for a client: an {@link Observation} named {@value #CALLS} for every call, with the low-cardinality
 * keys {@code operation} (the path template, never ids), {@code method}, {@code status} and {@code outcome};
 * counters {@value #RETRIES} and {@value #RATE_LIMITED} (429 responses); a timer {@value #RATE_LIMIT_WAIT} of
 * the waits for a rate-limit permit; and, through {@link #bindTo(ClientGauges, MeterRegistry)}, gauges of the
 * calls in flight, the attempts queued for a permit and the last remaining quota the server reported.
 *
 * <pre>{@code
 * AffinityClient client = AffinityClient.builder().apiKey(key)
 *         .listener(new MicrometerObservations(observationRegistry, meterRegistry))
 *         .build();
 * MicrometerObservations.bindTo(client, meterRegistry);
 * }</pre>
 *
 * <p>Needs {@code io.micrometer:micrometer-observation} and {@code micrometer-core}, which the client declares
 * as optional dependencies. With a {@code DefaultMeterObservationHandler} on the observation registry (Spring
 * Boot's actuator has one), each call is also timed as {@value #CALLS}.
 */
public final class MicrometerObservations implements AffinityClientListener {

    /** The name of the observation of one call. */
    public static final String CALLS = "affinity.client.requests";
    /** The counter of retries. */
    public static final String RETRIES = "affinity.client.retries";
    /** The counter of 429 responses. */
    public static final String RATE_LIMITED = "affinity.client.rate-limited";
    /** The timer of the waits for a rate-limit permit. */
    public static final String RATE_LIMIT_WAIT = "affinity.client.rate-limit.wait";

    private final ObservationRegistry observations;
    private final MeterRegistry meters;
    private final Map<AffinityCall, Observation> open = new ConcurrentHashMap<>();

    /**
     * @param observations where the observations of calls go
     * @param meters       where the counters and the wait timer go
     */
    public MicrometerObservations(ObservationRegistry observations, MeterRegistry meters) {
        if (observations == null || meters == null) {
            throw new IllegalArgumentException("observations and meters must not be null");
        }
        this.observations = observations;
        this.meters = meters;
    }

    /**
     * Registers the gauges of a client: {@code affinity.client.calls.in-flight}, {@code affinity.client.calls.queued}
     * and {@code affinity.client.rate-limit.remaining} (tag {@code scope}: {@code user} or {@code org}; NaN until
     * the server reported it or when it is unlimited). The registry holds the client weakly.
     *
     * @param client   the client
     * @param registry the registry
     */
    public static void bindTo(ClientGauges client, MeterRegistry registry) {
        Gauge.builder("affinity.client.calls.in-flight", client, ClientGauges::callsInFlight)
                .description("Calls of the Affinity client started and not yet ended")
                .register(registry);
        Gauge.builder("affinity.client.calls.queued", client, ClientGauges::callsQueued)
                .description("Attempts of the Affinity client waiting for a rate-limit permit")
                .register(registry);
        remaining(client, registry, "user", c -> c.rateLimitSnapshot().user());
        remaining(client, registry, "org", c -> c.rateLimitSnapshot().org());
    }

    private static void remaining(
            ClientGauges client, MeterRegistry registry, String scope, Function<ClientGauges, Optional<Quota>> quota) {
        Gauge.builder(
                        "affinity.client.rate-limit.remaining",
                        client,
                        c -> quota.apply(c)
                                .filter(q -> !q.unlimited())
                                .map(q -> (double) q.remaining())
                                .orElse(Double.NaN))
                .tag("scope", scope)
                .description("The remaining requests the Affinity API last reported")
                .register(registry);
    }

    @Override
    public void requestStarted(AffinityCall call) {
        Observation observation = Observation.createNotStarted(CALLS, observations)
                .contextualName("affinity " + call.method() + " " + call.operation())
                .lowCardinalityKeyValue("operation", call.operation())
                .lowCardinalityKeyValue("method", call.method())
                .start();
        open.put(call, observation);
    }

    @Override
    public void rateLimitWaited(AffinityCall call, Duration waited) {
        Timer.builder(RATE_LIMIT_WAIT)
                .description("Waits of Affinity calls for a rate-limit permit")
                .tags(tags(call))
                .register(meters)
                .record(waited);
    }

    @Override
    public void rateLimited(AffinityCall call) {
        Counter.builder(RATE_LIMITED)
                .description("429 responses of the Affinity API")
                .tags(tags(call))
                .register(meters)
                .increment();
        Observation observation = open.get(call);
        if (observation != null) {
            observation.event(Observation.Event.of("rate-limited"));
        }
    }

    @Override
    public void retrying(AffinityCall call, int attempt, Throwable cause) {
        Counter.builder(RETRIES)
                .description("Retried attempts of Affinity calls")
                .tags(tags(call))
                .register(meters)
                .increment();
        Observation observation = open.get(call);
        if (observation != null) {
            observation.event(Observation.Event.of("retry"));
        }
    }

    @Override
    public void finished(AffinityCall call, CallResult result) {
        Observation observation = open.remove(call);
        if (observation == null) {
            return;
        }
        observation
                .lowCardinalityKeyValue(
                        "status",
                        result.status().isPresent()
                                ? Integer.toString(result.status().getAsInt())
                                : "NONE")
                .lowCardinalityKeyValue("outcome", result.outcome().name());
        result.error().ifPresent(observation::error);
        observation.stop();
    }

    private static Tags tags(AffinityCall call) {
        return Tags.of("operation", call.operation(), "method", call.method());
    }
}
