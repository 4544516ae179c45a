package io.affinity.benchmarks;

import io.affinity.client.AffinityClient;
import io.affinity.client.observation.AffinityCall;
import io.affinity.client.observation.AffinityClientListener;
import io.affinity.client.query.FieldValueQuery;
import io.affinity.client.recipes.ExportOptions;
import io.affinity.model.ListEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The list export recipe against the testkit's fake API, which runs in a JVM of its own ({@link ExportFake}) so
 * that only the client's heap and CPU are measured here: (1) 5,000 entries with the fake enforcing 900 requests a
 * minute, measuring the share of the limit used and the 429s; (2) with the limit lifted, rows/s and requests/s of
 * the export beside a plain sequential loop (entries, then one field-values call at a time); (3) the client's live
 * heap above its baseline during exports of 1,000 and 5,000 entries. Each is repeated {@code -Dexport.runs} times
 * (default 3); requests and 429s are counted by the client ({@link AffinityClientListener}).
 */
final class ExportBenchmark {

    private static final int ENTRIES = 5_000;
    private static final int LIMIT = 900;
    private static final int RUNS = Integer.getInteger("export.runs", 3);

    List<String> run() {
        List<String> rows = new ArrayList<>();
        rows.addAll(limited());
        rows.addAll(lifted());
        return rows;
    }

    /** Counts the attempts that got a permit and the 429s. */
    private static final class Counter implements AffinityClientListener {
        final AtomicLong attempts = new AtomicLong();
        final AtomicLong refused = new AtomicLong();

        @Override
        public void rateLimitWaited(AffinityCall call, Duration waited) {
            attempts.incrementAndGet();
        }

        @Override
        public void rateLimited(AffinityCall call) {
            refused.incrementAndGet();
        }

        void reset() {
            attempts.set(0);
            refused.set(0);
        }
    }

    private static AffinityClient client(ExportFake fake, Counter counter) {
        AffinityClient client = AffinityClient.builder()
                .baseUrl(fake.baseUrl)
                .apiKey(fake.apiKey)
                .listener(counter)
                .build();
        client.fetchRateLimits().block(); // connects, and learns the limits from the headers
        counter.reset();
        return client;
    }

    private static ExportFake fake(int perMinute, int entries) {
        try {
            return ExportFake.start(perMinute, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> limited() {
        double[] shares = new double[RUNS];
        double[] ofMinimum = new double[RUNS];
        long[] refused = new long[RUNS];
        long[] requests = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            Counter counter = new Counter();
            try (ExportFake fake = fake(LIMIT, ENTRIES);
                    AffinityClient client = client(fake, counter)) {
                long start = System.nanoTime();
                long rows = client.lists()
                        .export(ExportOptions.list(fake.listId))
                        .count()
                        .block();
                double minutes = (System.nanoTime() - start) / 6e10;
                requests[run] = counter.attempts.get();
                refused[run] = counter.refused.get();
                shares[run] = requests[run] / (LIMIT * minutes);
                // fixed windows of LIMIT requests, the first opened by the warm-up call: the last window starts
                // (0-based request number "requests") after floor(requests / LIMIT) whole minutes at the earliest
                double minimum = Math.floor((double) requests[run] / LIMIT);
                ofMinimum[run] = minimum / minutes;
                System.out.printf(
                        Locale.ROOT,
                        "export at %d/min, run %d: %d rows, %d requests in %.3f min (%.1f/min), %d 429s,"
                                + " fixed-window minimum %.0f min = %.1f%% of the time taken%n",
                        LIMIT,
                        run + 1,
                        rows,
                        requests[run],
                        minutes,
                        requests[run] / minutes,
                        refused[run],
                        minimum,
                        ofMinimum[run] * 100);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.of(String.format(
                Locale.ROOT,
                "| export %,d entries, fake at %d req/min | limit used (fixed-window minimum time / time taken) %s;"
                        + " 429s per run %s | ≥95%%, no 429 | requests per run %s; requests per minute over the whole run / the limit %s |",
                ENTRIES,
                LIMIT,
                Stats.of(ofMinimum).ratio(),
                java.util.Arrays.toString(refused),
                java.util.Arrays.toString(requests),
                Stats.of(shares).ratio()));
    }

    List<String> lifted() {
        double[] exportRows = new double[RUNS];
        double[] exportRequests = new double[RUNS];
        double[] plainRows = new double[RUNS];
        double[] plainRequests = new double[RUNS];
        double[] clientCpu = new double[RUNS];
        double[] fakeCpu = new double[RUNS];
        double[] plainClientCpu = new double[RUNS];
        double[] plainFakeCpu = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            Counter counter = new Counter();
            try (ExportFake fake = fake(1_000_000, ENTRIES);
                    AffinityClient client = client(fake, counter)) {
                plainLoop(client, fake.listId); // warm-up of both paths, then measured in turn
                client.lists().export(ExportOptions.list(fake.listId)).count().block();

                counter.reset();
                long clientCpuBefore = processCpuNanos();
                long fakeCpuBefore = fake.cpuNanos();
                long start = System.nanoTime();
                long exported = client.lists()
                        .export(ExportOptions.list(fake.listId))
                        .count()
                        .block();
                double seconds = (System.nanoTime() - start) / 1e9;
                exportRows[run] = exported / seconds;
                exportRequests[run] = counter.attempts.get() / seconds;
                clientCpu[run] = (processCpuNanos() - clientCpuBefore) / 1e3 / counter.attempts.get();
                fakeCpu[run] = (fake.cpuNanos() - fakeCpuBefore) / 1e3 / counter.attempts.get();

                counter.reset();
                clientCpuBefore = processCpuNanos();
                fakeCpuBefore = fake.cpuNanos();
                start = System.nanoTime();
                long plain = plainLoop(client, fake.listId);
                seconds = (System.nanoTime() - start) / 1e9;
                plainRows[run] = plain / seconds;
                plainRequests[run] = counter.attempts.get() / seconds;
                plainClientCpu[run] = (processCpuNanos() - clientCpuBefore) / 1e3 / counter.attempts.get();
                plainFakeCpu[run] = (fake.cpuNanos() - fakeCpuBefore) / 1e3 / counter.attempts.get();
                System.out.printf(
                        Locale.ROOT,
                        "limit lifted, run %d: export %.0f rows/s %.0f req/s (CPU per request: client %.0f µs, fake"
                                + " %.0f µs); plain loop %.0f rows/s %.0f req/s (client %.0f µs, fake %.0f µs)%n",
                        run + 1,
                        exportRows[run],
                        exportRequests[run],
                        clientCpu[run],
                        fakeCpu[run],
                        plainRows[run],
                        plainRequests[run],
                        plainClientCpu[run],
                        plainFakeCpu[run]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> rows = new ArrayList<>();
        rows.add(String.format(
                Locale.ROOT,
                "| export %,d entries, limit lifted (concurrency 4) | %s rows/s, %s req/s | bound by the fake |"
                        + " CPU per request: client %s µs, fake %s µs; plain sequential loop: %s rows/s, %s req/s,"
                        + " CPU per request: client %s µs, fake %s µs |",
                ENTRIES,
                Stats.of(exportRows).whole(),
                Stats.of(exportRequests).whole(),
                Stats.of(clientCpu).whole(),
                Stats.of(fakeCpu).whole(),
                Stats.of(plainRows).whole(),
                Stats.of(plainRequests).whole(),
                Stats.of(plainClientCpu).whole(),
                Stats.of(plainFakeCpu).whole()));
        rows.addAll(memory());
        return rows;
    }

    /** @return the CPU time this JVM has used so far, in nanoseconds */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long plainLoop(AffinityClient client, long listId) {
        long rows = 0;
        for (ListEntry entry : client.listEntries().list(listId).toIterable()) {
            client.fieldValues()
                    .list(FieldValueQuery.builder().listEntryId(entry.id()).build())
                    .collectList()
                    .block();
            rows++;
        }
        return rows;
    }

    private List<String> memory() {
        List<String> rows = new ArrayList<>();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int entries : new int[] {1_000, ENTRIES}) {
            double[] above = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                Counter counter = new Counter();
                try (ExportFake fake = fake(1_000_000, entries);
                        AffinityClient client = client(fake, counter)) {
                    client.lists()
                            .export(ExportOptions.list(fake.listId))
                            .take(10)
                            .blockLast(); // warm-up
                    memory.gc();
                    long baseline = memory.getHeapMemoryUsage().getUsed();
                    AtomicLong peak = new AtomicLong(baseline);
                    client.lists()
                            .export(ExportOptions.list(fake.listId))
                            .index()
                            .doOnNext(row -> {
                                if (row.getT1() % 250 == 0) {
                                    memory.gc();
                                    peak.accumulateAndGet(
                                            memory.getHeapMemoryUsage().getUsed(), Math::max);
                                }
                            })
                            .blockLast();
                    above[run] = (peak.get() - baseline) / 1048576.0;
                    System.out.printf(
                            Locale.ROOT,
                            "export live heap above the baseline, %d entries, run %d: %.2f MiB%n",
                            entries,
                            run + 1,
                            above[run]);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            Stats stats = Stats.of(above);
            rows.add(String.format(
                    Locale.ROOT,
                    "| client live heap above its baseline, export of %,d entries | %.2f ± %.2f MiB (min %.2f, max"
                            + " %.2f, n=%d) | independent of N | the fake in its own JVM; samples after GC every 250"
                            + " rows, minus the heap after GC before the export |",
                    entries,
                    stats.mean(),
                    stats.sd(),
                    stats.min(),
                    stats.max(),
                    stats.n()));
        }
        return rows;
    }
}
