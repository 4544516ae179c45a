package io.affinity.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams 100,000 list entries in pages of 500 from the {@link StubServer} (its own process) with the SDK and
 * with every peer of {@link Peers}. Each round runs every variant once, in an order that rotates from round to
 * round (the machine is shared: drift hits neighbours alike); the first rounds warm the JIT up and are not
 * counted. Per run: items a second, the process's CPU time per item and the bytes allocated per item; per round
 * the ratio SDK / peer of items a second, reported as the median of these paired ratios and their range.
 */
final class ThroughputBenchmark {

    private static final long ITEMS = Long.getLong("bench.items", 100_000);
    private static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmup", 5);
    private static final int MEASURED_ROUNDS = Integer.getInteger("bench.rounds", 15);

    /** One timed stream of one variant. */
    record Run(double itemsPerSecond, double cpuNanosPerItem, double bytesPerItem) {}

    List<String> run() throws IOException {
        System.out.printf(
                "%n# Throughput: %,d list entries in pages of %d, stub in its own process (%d warm-up + %d measured"
                        + " rounds)%n",
                ITEMS, StubServer.PAGE_SIZE, WARMUP_ROUNDS, MEASURED_ROUNDS);
        try (StubProcess stub = new StubProcess();
                Peers peers = new Peers(stub.baseUrl())) {
            List<Peers.Peer> variants = peers.all();
            Run[][] runs = new Run[variants.size()][MEASURED_ROUNDS];
            for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
                boolean measured = round >= WARMUP_ROUNDS;
                StringBuilder line =
                        new StringBuilder(measured ? "round " + (round - WARMUP_ROUNDS + 1) : "warm-up " + (round + 1));
                line.append(':');
                for (int k = 0; k < variants.size(); k++) {
                    int v = (round + k) % variants.size();
                    Run run = stream(variants.get(v), ITEMS);
                    if (measured) {
                        runs[v][round - WARMUP_ROUNDS] = run;
                    }
                    line.append(String.format("  %s %,.0f/s", variants.get(v).name(), run.itemsPerSecond()));
                }
                System.out.println(line);
            }
            List<String> rows = new ArrayList<>();
            for (int v = 0; v < variants.size(); v++) {
                Peers.Peer peer = variants.get(v);
                rows.add(row(
                        "1. throughput, " + peer.name(),
                        stats(runs[v], Run::itemsPerSecond).spread("%,.0f") + " items/s",
                        "",
                        "CPU "
                                + stats(runs[v], run -> run.cpuNanosPerItem() / 1000)
                                        .spread("%.2f")
                                + " µs/item, allocated "
                                + stats(runs[v], Run::bytesPerItem).spread("%,.0f") + " B/item"));
            }
            for (int v = 1; v < variants.size(); v++) {
                double[] paired = new double[MEASURED_ROUNDS];
                for (int i = 0; i < MEASURED_ROUNDS; i++) {
                    paired[i] = runs[0][i].itemsPerSecond() / runs[v][i].itemsPerSecond();
                }
                double[] cpu = new double[MEASURED_ROUNDS];
                for (int i = 0; i < MEASURED_ROUNDS; i++) {
                    cpu[i] = runs[v][i].cpuNanosPerItem() / runs[0][i].cpuNanosPerItem();
                }
                rows.add(row(
                        "1. throughput, SDK / " + variants.get(v).name(),
                        "**" + String.format("%.2f", Stats.of(paired).median()) + "**",
                        variants.get(v).goal(),
                        "paired per round: " + Stats.of(paired).spread("%.2f") + "; CPU per item, peer / SDK: "
                                + Stats.of(cpu).spread("%.2f")));
            }
            rows.forEach(System.out::println);
            return rows;
        }
    }

    private static Stats stats(Run[] runs, java.util.function.ToDoubleFunction<Run> figure) {
        double[] values = new double[runs.length];
        for (int i = 0; i < runs.length; i++) {
            values[i] = figure.applyAsDouble(runs[i]);
        }
        return Stats.of(values);
    }

    /** Streams the list of {@code items} entries once and checks that every entry arrived. */
    static Run stream(Peers.Peer peer, long items) {
        System.gc(); // the previous run's garbage is not charged to this one
        Usage start = Usage.now();
        long[] totals = peer.ids()
                .apply(items)
                .reduce(new long[2], (acc, id) -> {
                    acc[0]++;
                    acc[1] += id;
                    return acc;
                })
                .block(Duration.ofMinutes(5));
        Usage used = Usage.now().since(start);
        check(peer, items, totals);
        return new Run(
                items * 1e9 / used.nanos(), (double) used.cpuNanos() / items, (double) used.allocatedBytes() / items);
    }

    static void check(Peers.Peer peer, long items, long[] totals) {
        if (totals == null || totals[0] != items || totals[1] != StubServer.idSum(items)) {
            throw new IllegalStateException(peer.name() + " streamed " + (totals == null ? 0 : totals[0])
                    + " entries with id sum " + (totals == null ? 0 : totals[1]) + ", expected " + items + " with "
                    + StubServer.idSum(items));
        }
    }

    static String row(String measurement, String figure, String goal, String detail) {
        return "| " + measurement + " | " + figure + " | " + goal + " | " + detail + " |";
    }
}
