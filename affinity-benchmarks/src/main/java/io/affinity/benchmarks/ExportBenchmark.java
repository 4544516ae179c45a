package io.affinity.benchmarks;

import io.affinity.client.AffinityClient;
import io.affinity.client.query.FieldValueQuery;
import io.affinity.client.recipes.ExportOptions;
import io.affinity.client.recipes.ExportProgress;
import io.affinity.model.ListEntry;
import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.Dataset;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The list export recipe against the testkit's fake API: (1) 5,000 entries with the fake enforcing 900 requests a
 * minute, measuring the share of the limit used and the 429s; (2) with the limit lifted, rows/s and requests/s of
 * the export beside a plain sequential loop (entries, then one field-values call at a time), and the peak live heap
 * sampled during exports of 1,000 and 5,000 entries.
 */
final class ExportBenchmark {

    private static final int ENTRIES = 5_000;

    List<String> run() {
        List<String> rows = new ArrayList<>();
        rows.add(limited());
        rows.addAll(lifted());
        return rows;
    }

    private static AffinityMockServer server(int perMinute, int entries) {
        AffinityMockServer server = AffinityMockServer.builder()
                .perMinuteLimit(perMinute)
                .validateRequests(false)
                .start();
        server.seed(Dataset.builder()
                .organizations(entries)
                .lists(2, entries)
                .fieldValues(entries * 2)
                .build());
        return server;
    }

    private static AffinityClient client(AffinityMockServer server) {
        return AffinityClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.apiKey())
                .build();
    }

    private String limited() {
        try (AffinityMockServer server = server(900, ENTRIES);
                AffinityClient client = client(server)) {
            long listId = server.state().lists().get(1).id();
            client.fetchRateLimits().block();
            long start = System.nanoTime();
            AtomicReference<ExportProgress> last = new AtomicReference<>();
            long rows = client.lists()
                    .export(ExportOptions.list(listId).withOnProgress(last::set))
                    .count()
                    .block();
            double minutes = (System.nanoTime() - start) / 6e10;
            long requests = server.journal().size();
            long tooMany = refusedCount(server);
            double share = requests / (900 * minutes);
            System.out.printf(
                    Locale.ROOT,
                    "export at 900/min: %d rows, %d requests in %.2f min, %.1f%% of the limit,"
                            + " %d 429s, limiter waits %s%n",
                    rows,
                    requests,
                    minutes,
                    share * 100,
                    tooMany,
                    last.get().limiterWait());
            return String.format(
                    Locale.ROOT,
                    "| export %,d entries at 900 req/min | %.1f%% of the limit, %d 429s | "
                            + "≥95%%, no 429 | %d requests in %.2f min, limiter waits %ds |",
                    rows,
                    share * 100,
                    tooMany,
                    requests,
                    minutes,
                    last.get().limiterWait().toSeconds());
        }
    }

    /** Requests sent twice: every request of an export is distinct, so a repeat is a retry (after a 429). */
    private static long refusedCount(AffinityMockServer server) {
        List<String> sent = server.journal().requests().stream()
                .filter(request -> !"getRateLimit".equals(request.operationId()))
                .map(Object::toString)
                .toList();
        return sent.size() - sent.stream().distinct().count();
    }

    List<String> lifted() {
        List<String> rows = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            try (AffinityMockServer server = server(1_000_000, ENTRIES);
                    AffinityClient client = client(server)) {
                long listId = server.state().lists().get(1).id();
                client.fetchRateLimits().block();
                long before = server.journal().size();
                long start = System.nanoTime();
                long exported = client.lists()
                        .export(ExportOptions.list(listId).withConcurrency(4))
                        .count()
                        .block();
                double seconds = (System.nanoTime() - start) / 1e9;
                long requests = server.journal().size() - before;

                before = server.journal().size();
                start = System.nanoTime();
                long plain = 0;
                for (ListEntry entry : client.listEntries().list(listId).toIterable()) {
                    client.fieldValues()
                            .list(FieldValueQuery.builder()
                                    .listEntryId(entry.id())
                                    .build())
                            .collectList()
                            .block();
                    plain++;
                }
                double plainSeconds = (System.nanoTime() - start) / 1e9;
                long plainRequests = server.journal().size() - before;
                String row = String.format(
                        Locale.ROOT,
                        "| export, limit lifted (round %d) | %.0f rows/s, %.0f req/s"
                                + " | bound by the fake | plain sequential loop: %.0f rows/s, %.0f req/s (%d rows) |",
                        round + 1,
                        exported / seconds,
                        requests / seconds,
                        plain / plainSeconds,
                        plainRequests / plainSeconds,
                        plain);
                System.out.println(row);
                rows.add(row);
            }
        }
        for (int entries : new int[] {1_000, ENTRIES}) {
            try (AffinityMockServer server = server(1_000_000, entries);
                    AffinityClient client = client(server)) {
                long listId = server.state().lists().get(1).id();
                MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                memory.gc();
                long baseline = memory.getHeapMemoryUsage().getUsed();
                AtomicLong peak = new AtomicLong();
                client.lists()
                        .export(ExportOptions.list(listId))
                        .index()
                        .doOnNext(row -> {
                            if (row.getT1() % 250 == 0) {
                                memory.gc();
                                peak.accumulateAndGet(
                                        memory.getHeapMemoryUsage().getUsed(), Math::max);
                            }
                        })
                        .blockLast();
                String row = String.format(
                        Locale.ROOT,
                        "| export live heap above the baseline, %,d entries | %.1f MiB "
                                + "| independent of N | peak of samples after GC every 250 rows, minus the heap after GC before "
                                + "the export (the fake's dataset) |",
                        entries,
                        (peak.get() - baseline) / 1048576.0);
                System.out.println(row);
                rows.add(row);
            }
        }
        return rows;
    }
}
