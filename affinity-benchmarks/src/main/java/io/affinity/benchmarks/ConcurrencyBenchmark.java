package io.affinity.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Throughput of 8 and 64 list walks at once (each a list of {@code bench.concurrent.items} entries, 10,000 by
 * default, in pages of 500) from the {@link StubServer}, with the SDK and with the raw Reactor Netty loop, both
 * with their default pools of 32 connections. Rounds alternate the two, rotating which goes first; the figure is
 * the median of the paired ratios SDK / raw and their range.
 */
final class ConcurrencyBenchmark {

    private static final long ITEMS_PER_WALK = Long.getLong("bench.concurrent.items", 10_000);
    private static final int WARMUP_ROUNDS = Integer.getInteger("bench.concurrent.warmup", 2);
    private static final int MEASURED_ROUNDS = Integer.getInteger("bench.concurrent.rounds", 7);
    private static final int[] WALKS = {8, 64};

    List<String> run() throws IOException {
        System.out.printf(
                "%n# Concurrent walks: %s walks of %,d entries each (%d warm-up + %d measured rounds)%n",
                java.util.Arrays.toString(WALKS), ITEMS_PER_WALK, WARMUP_ROUNDS, MEASURED_ROUNDS);
        List<String> rows = new ArrayList<>();
        try (StubProcess stub = new StubProcess();
                Peers peers = new Peers(stub.baseUrl())) {
            List<Peers.Peer> variants = peers.all().subList(0, 2); // the SDK and the raw loop
            for (int walks : WALKS) {
                double[][] rates = new double[variants.size()][MEASURED_ROUNDS];
                for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
                    StringBuilder line = new StringBuilder(walks + " walks, "
                            + (round < WARMUP_ROUNDS
                                    ? "warm-up " + (round + 1)
                                    : "round " + (round - WARMUP_ROUNDS + 1))
                            + ':');
                    for (int k = 0; k < variants.size(); k++) {
                        int v = (round + k) % variants.size();
                        double rate = walk(variants.get(v), walks);
                        if (round >= WARMUP_ROUNDS) {
                            rates[v][round - WARMUP_ROUNDS] = rate;
                        }
                        line.append(
                                String.format("  %s %,.0f/s", variants.get(v).name(), rate));
                    }
                    System.out.println(line);
                }
                double[] paired = new double[MEASURED_ROUNDS];
                for (int i = 0; i < MEASURED_ROUNDS; i++) {
                    paired[i] = rates[0][i] / rates[1][i];
                }
                rows.add(ThroughputBenchmark.row(
                        String.format("4. %d concurrent walks, SDK / raw", walks),
                        "**" + String.format("%.2f", Stats.of(paired).median()) + "**",
                        "",
                        "paired per round: " + Stats.of(paired).spread("%.2f") + "; items/s SDK "
                                + Stats.of(rates[0]).spread("%,.0f") + ", raw "
                                + Stats.of(rates[1]).spread("%,.0f")));
            }
        }
        rows.forEach(System.out::println);
        return rows;
    }

    /** @return items a second of {@code walks} walks at once, each checked for its count and id sum */
    private static double walk(Peers.Peer peer, int walks) {
        System.gc();
        long start = System.nanoTime();
        List<long[]> totals = Flux.range(0, walks)
                .flatMap(
                        i -> peer.ids().apply(ITEMS_PER_WALK).reduce(new long[2], (acc, id) -> {
                            acc[0]++;
                            acc[1] += id;
                            return acc;
                        }),
                        walks)
                .collectList()
                .block(Duration.ofMinutes(5));
        long elapsed = System.nanoTime() - start;
        if (totals == null || totals.size() != walks) {
            throw new IllegalStateException(
                    peer.name() + " finished " + (totals == null ? 0 : totals.size()) + " of " + walks + " walks");
        }
        totals.forEach(total -> ThroughputBenchmark.check(peer, ITEMS_PER_WALK, total));
        return walks * ITEMS_PER_WALK * 1e9 / elapsed;
    }
}
