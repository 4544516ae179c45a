package io.affinity.benchmarks;

import io.affinity.client.AffinityClient;
import io.affinity.client.ratelimit.RateLimitOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demand three times the stub's limit and count what the server accepted and refused.
 *
 * <p>The stub enforces the API's documented per-user limit, {@value #LIMIT_PER_MINUTE} requests a minute, in
 * fixed one-minute windows (the first starting with the first request), and announces it the way the API does:
 * {@code X-Ratelimit-Limit-User} (per minute), {@code -Remaining} and {@code -Reset} (seconds, rounded up).
 * The client's limiter adopts all three: the limit as its refill rate, the remaining count as a cap on its
 * tokens, and the reset as the time its gate stays closed once the remaining count reaches zero.
 *
 * <p>Callers start one single-page request every {@code 60 s / (3 × limit)} (open loop, 45 a second), for
 * exactly two windows. Two is the shortest run that shows every phase: the opening burst, the exhausted
 * window, the closed gate, the reopening at the reset with a backlog, and the second exhaustion. Against fixed
 * windows a rate is only meaningful over whole windows (a fresh window allows a burst of the full limit), so
 * the achieved share is the requests the server accepted in the two windows over twice the limit.
 */
final class LimiterBenchmark {

    static final int LIMIT_PER_MINUTE = 900;
    private static final int DEMAND_FACTOR = 3;
    private static final int WINDOWS = 2;
    private static final long LIST_ID = 1_000;
    private static final int PAGE_SIZE = 10;

    List<String> run() throws InterruptedException {
        System.out.printf(
                "%n# Limiter: limit %d/min in fixed 1-minute windows, demand %d/min, %d windows%n",
                LIMIT_PER_MINUTE, DEMAND_FACTOR * LIMIT_PER_MINUTE, WINDOWS);
        long offered = DEMAND_FACTOR * LIMIT_PER_MINUTE * WINDOWS;
        try (ListEntriesStub stub = new ListEntriesStub(LIMIT_PER_MINUTE, true);
                AffinityClient client = AffinityClient.builder()
                        .apiKey(Benchmarks.API_KEY)
                        .baseUrl(stub.baseUrl())
                        // the backlog of an open-loop demand 3x the limit must fit in the line of waiters
                        .rateLimitOptions(RateLimitOptions.builder()
                                .maxQueuedRequests((int) offered)
                                .build())
                        .build()) {
            LongAdder started = new LongAdder();
            LongAdder succeeded = new LongAdder();
            Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
            Duration interval = Duration.ofNanos(TimeUnit.MINUTES.toNanos(1) / (DEMAND_FACTOR * LIMIT_PER_MINUTE));
            Disposable demand = Flux.interval(Duration.ZERO, interval)
                    .onBackpressureDrop()
                    .flatMap(
                            tick -> {
                                started.increment();
                                return client.listEntries()
                                        .list(LIST_ID, PAGE_SIZE)
                                        .byPage()
                                        .take(1)
                                        .doOnNext(page -> succeeded.increment())
                                        .then()
                                        .onErrorResume(failure -> {
                                            failures.computeIfAbsent(
                                                            failure.getClass().getSimpleName(),
                                                            name -> new AtomicLong())
                                                    .incrementAndGet();
                                            return Mono.empty();
                                        });
                            },
                            Integer.MAX_VALUE)
                    .subscribe();
            long windowNanos = stub.window().windowNanos();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (stub.window().start().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    demand.dispose();
                    throw new IllegalStateException("no request reached the stub");
                }
                Thread.sleep(5);
            }
            long end = stub.window().start().getAsLong() + WINDOWS * windowNanos;
            for (long left; (left = end - System.nanoTime()) > 0; ) {
                Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 10_000));
                System.out.printf(
                        "  %3.0f s: %,d demanded, %,d accepted, %d refused with 429%n",
                        (System.nanoTime() - stub.window().start().getAsLong()) / 1e9,
                        started.sum(),
                        succeeded.sum(),
                        stub.window().rejected());
            }
            demand.dispose(); // the callers still waiting for a permit are cancelled
            List<FixedWindow.WindowStats> windows = stub.window().windows();
            long accepted = windows.stream()
                    .filter(w -> w.index() < WINDOWS)
                    .mapToLong(FixedWindow.WindowStats::accepted)
                    .sum();
            double share = (double) accepted / (LIMIT_PER_MINUTE * (long) WINDOWS);
            long rejected = stub.window().rejected();
            StringBuilder perWindow = new StringBuilder();
            for (FixedWindow.WindowStats w : windows) {
                if (w.index() >= WINDOWS) {
                    continue;
                }
                perWindow.append(String.format(
                        "window %d: %d accepted, first at %.2f s, last at %.2f s; ",
                        w.index() + 1, w.accepted(), w.firstAcceptedNanos() / 1e9, w.lastAcceptedNanos() / 1e9));
            }
            System.out.println(perWindow.toString().trim());
            System.out.printf(
                    "demanded %,d, accepted %,d in %d windows (share %.3f), 429s %d, client failures %s%n",
                    started.sum(), accepted, WINDOWS, share, rejected, failures);
            List<String> rows = new ArrayList<>();
            rows.add(ThroughputBenchmark.row(
                    "5. limiter, achieved share of the limit",
                    String.format("%.3f", share),
                    "≥ 0.95",
                    String.format(
                            "%,d accepted in %d windows of %d/min; demand %,d/min (%,d requests); %s",
                            accepted,
                            WINDOWS,
                            LIMIT_PER_MINUTE,
                            DEMAND_FACTOR * LIMIT_PER_MINUTE,
                            started.sum(),
                            perWindow.toString().trim())));
            rows.add(ThroughputBenchmark.row(
                    "5. limiter, 429 responses",
                    Long.toString(rejected),
                    "0",
                    "client-side failures: " + (failures.isEmpty() ? "none" : failures)));
            return rows;
        }
    }
}
