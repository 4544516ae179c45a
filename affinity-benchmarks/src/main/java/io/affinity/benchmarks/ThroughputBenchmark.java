package io.affinity.benchmarks;

import io.affinity.client.AffinityClient;
import io.affinity.model.ListEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import reactor.core.publisher.Flux;

/**
 * Items a second while streaming 100,000 list entries in pages of 500 from the stub, for the SDK and for the
 * plain loop, in the same JVM against the same server. Each round runs every variant once, in a rotating
 * order so that neither always runs first (the machine is shared: drift hits all variants alike); the
 * first rounds warm the JIT up and are not counted.
 */
final class ThroughputBenchmark {

    static final long LIST_ID = 100_000; // the stub's list size is its id
    static final int PAGE_SIZE = 500;
    private static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmup", 10);
    private static final int MEASURED_ROUNDS = Integer.getInteger("bench.rounds", 20);
    /** Sum of the ids of the stub's 100,000 entries, 1,000,000 to 1,099,999: proves every item arrived. */
    private static final long EXPECTED_ID_SUM = LIST_ID * 1_000_000L + LIST_ID * (LIST_ID - 1) / 2;

    private record Variant(String name, LongFunction<Flux<ListEntry>> entries) {}

    List<String> run() {
        System.out.printf(
                "%n# Throughput: %,d list entries in pages of %d (%d warm-up + %d measured rounds)%n",
                LIST_ID, PAGE_SIZE, WARMUP_ROUNDS, MEASURED_ROUNDS);
        try (ListEntriesStub stub = new ListEntriesStub(ListEntriesStub.PLENTY_PER_MINUTE, false);
                AffinityClient client = AffinityClient.builder()
                        .apiKey(Benchmarks.API_KEY)
                        .baseUrl(stub.baseUrl())
                        .build();
                PlainListEntries plain = new PlainListEntries(stub.baseUrl(), Benchmarks.API_KEY, PAGE_SIZE)) {
            List<Variant> variants = List.of(
                    new Variant(
                            "SDK listEntries().list()",
                            listId -> client.listEntries().list(listId)),
                    new Variant("plain Reactor Netty + Jackson", plain::entries),
                    new Variant("plain fetch + SDK PagedFlux (diagnostic)", plain::pagedEntries));
            double[][] rates = new double[variants.size()][MEASURED_ROUNDS];
            for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
                boolean measured = round >= WARMUP_ROUNDS;
                StringBuilder line = new StringBuilder(
                                measured ? "round " + (round - WARMUP_ROUNDS + 1) : "warm-up " + (round + 1))
                        .append(':');
                for (int k = 0; k < variants.size(); k++) {
                    int v = (round + k) % variants.size();
                    double rate = itemsPerSecond(variants.get(v));
                    if (measured) {
                        rates[v][round - WARMUP_ROUNDS] = rate;
                    }
                    line.append(String.format("  %s %,.0f/s", shortName(variants.get(v)), rate));
                }
                System.out.println(line);
            }
            List<String> rows = new ArrayList<>();
            Stats sdk = Stats.of(rates[0]);
            Stats baseline = Stats.of(rates[1]);
            Stats paging = Stats.of(rates[2]);
            double[] paired = new double[MEASURED_ROUNDS];
            for (int i = 0; i < MEASURED_ROUNDS; i++) {
                paired[i] = rates[0][i] / rates[1][i];
            }
            Stats ratio = Stats.of(paired);
            System.out.println("SDK items/s:      " + sdk.whole());
            System.out.println("plain items/s:    " + baseline.whole());
            System.out.println("PagedFlux over plain fetch items/s: " + paging.whole());
            System.out.println("SDK / plain, per round: " + ratio.ratio() + "; ratio of means "
                    + String.format("%.3f", sdk.mean() / baseline.mean()));
            rows.add(row("1. throughput, SDK", sdk.whole() + " items/s", "", "100,000 entries, pages of 500"));
            rows.add(row("1. throughput, plain loop", baseline.whole() + " items/s", "", "same server, same JVM"));
            rows.add(row(
                    "1. throughput, SDK / plain",
                    String.format("%.3f", sdk.mean() / baseline.mean()),
                    "≥ 0.9",
                    "paired per round: " + ratio.ratio()));
            rows.add(row(
                    "1. diagnostic: plain fetch + SDK PagedFlux",
                    paging.whole() + " items/s",
                    "",
                    String.format("%.3f of plain", paging.mean() / baseline.mean())));
            return rows;
        }
    }

    private static String shortName(Variant variant) {
        return variant.name().startsWith("plain fetch")
                ? "paged"
                : variant.name().split(" ")[0];
    }

    private static double itemsPerSecond(Variant variant) {
        System.gc(); // the previous run's garbage is not charged to this one
        long start = System.nanoTime();
        long[] totals = variant.entries()
                .apply(LIST_ID)
                .reduce(new long[2], (acc, entry) -> {
                    acc[0]++;
                    acc[1] += entry.id();
                    return acc;
                })
                .block(Duration.ofMinutes(2));
        long elapsed = System.nanoTime() - start;
        if (totals == null || totals[0] != LIST_ID || totals[1] != EXPECTED_ID_SUM) {
            throw new IllegalStateException(variant.name() + " streamed " + (totals == null ? 0 : totals[0])
                    + " entries with id sum " + (totals == null ? 0 : totals[1]) + ", expected " + LIST_ID);
        }
        return totals[0] * 1e9 / elapsed;
    }

    static String row(String measurement, String figure, String goal, String detail) {
        return "| " + measurement + " | " + figure + " | " + goal + " | " + detail + " |";
    }
}
