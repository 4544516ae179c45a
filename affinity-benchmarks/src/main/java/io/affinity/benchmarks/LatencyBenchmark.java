package io.affinity.benchmarks;

import io.affinity.model.Whoami;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Mono;

/**
 * The cost of one small call: {@code GET /auth/whoami} (about 250 bytes) from the {@link StubServer}, one call at a
 * time, with the SDK ({@code client.whoami()}) and with the raw Reactor Netty call decoding the same type with the
 * 01fb521 mapper. Rounds of {@value #CALLS_PER_ROUND} calls alternate between the two (rotating which goes first);
 * per round the latencies go into a histogram, and the bytes allocated by the process are divided by the calls.
 * The overhead is the SDK's p50 minus the raw p50 of the same round, reported as the median over rounds and its
 * range.
 */
final class LatencyBenchmark {

    private static final int CALLS_PER_ROUND = Integer.getInteger("bench.latency.calls", 5_000);
    private static final int WARMUP_ROUNDS = Integer.getInteger("bench.latency.warmup", 6);
    private static final int MEASURED_ROUNDS = Integer.getInteger("bench.latency.rounds", 10);

    private record Variant(String name, Supplier<Mono<Whoami>> call) {}

    private record Round(Histogram latencies, double bytesPerCall) {}

    List<String> run() throws IOException {
        System.out.printf(
                "%n# Latency of GET /auth/whoami, one call at a time: %d warm-up + %d measured rounds of %,d calls%n",
                WARMUP_ROUNDS, MEASURED_ROUNDS, CALLS_PER_ROUND);
        try (StubProcess stub = new StubProcess();
                Peers peers = new Peers(stub.baseUrl())) {
            List<Variant> variants = List.of(
                    new Variant("SDK", () -> peers.sdk().whoami()),
                    new Variant("raw Reactor Netty", () -> peers.raw().whoami()));
            Round[][] rounds = new Round[variants.size()][MEASURED_ROUNDS];
            Histogram[] all = {new Histogram(3), new Histogram(3)};
            for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
                StringBuilder line = new StringBuilder(
                        round < WARMUP_ROUNDS ? "warm-up " + (round + 1) : "round " + (round - WARMUP_ROUNDS + 1));
                line.append(':');
                for (int k = 0; k < variants.size(); k++) {
                    int v = (round + k) % variants.size();
                    Round measured = calls(variants.get(v));
                    if (round >= WARMUP_ROUNDS) {
                        rounds[v][round - WARMUP_ROUNDS] = measured;
                        all[v].add(measured.latencies());
                    }
                    line.append(String.format(
                            "  %s p50 %.1f µs p99 %.1f µs %,.0f B/call",
                            variants.get(v).name(),
                            measured.latencies().getValueAtPercentile(50) / 1000.0,
                            measured.latencies().getValueAtPercentile(99) / 1000.0,
                            measured.bytesPerCall()));
                }
                System.out.println(line);
            }
            List<String> rows = new ArrayList<>();
            for (int v = 0; v < variants.size(); v++) {
                rows.add(ThroughputBenchmark.row(
                        "3. small GET, " + variants.get(v).name(),
                        String.format(
                                "p50 %.1f µs, p99 %.1f µs",
                                all[v].getValueAtPercentile(50) / 1000.0, all[v].getValueAtPercentile(99) / 1000.0),
                        "",
                        String.format("%,d calls; allocated ", all[v].getTotalCount())
                                + Stats.of(bytesPerCall(rounds[v])).spread("%,.0f") + " B/call"));
            }
            double[] p50 = new double[MEASURED_ROUNDS];
            double[] p99 = new double[MEASURED_ROUNDS];
            double[] bytes = new double[MEASURED_ROUNDS];
            for (int i = 0; i < MEASURED_ROUNDS; i++) {
                p50[i] = (rounds[0][i].latencies().getValueAtPercentile(50)
                                - rounds[1][i].latencies().getValueAtPercentile(50))
                        / 1000.0;
                p99[i] = (rounds[0][i].latencies().getValueAtPercentile(99)
                                - rounds[1][i].latencies().getValueAtPercentile(99))
                        / 1000.0;
                bytes[i] = rounds[0][i].bytesPerCall() - rounds[1][i].bytesPerCall();
            }
            rows.add(ThroughputBenchmark.row(
                    "3. small GET, SDK − raw, p50",
                    "**" + String.format("%.1f µs", Stats.of(p50).median()) + "**",
                    "≤ 10 µs",
                    "paired per round: " + Stats.of(p50).spread("%.1f") + " µs; p99: "
                            + Stats.of(p99).spread("%.1f") + " µs"));
            rows.add(ThroughputBenchmark.row(
                    "3. small GET, SDK allocated per call",
                    "**"
                            + String.format(
                                    "%,.0f B", Stats.of(bytesPerCall(rounds[0])).median()) + "**",
                    "≤ 8 KB",
                    "SDK − raw per round: " + Stats.of(bytes).spread("%,.0f") + " B"));
            rows.forEach(System.out::println);
            return rows;
        }
    }

    private static double[] bytesPerCall(Round[] rounds) {
        double[] bytes = new double[rounds.length];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = rounds[i].bytesPerCall();
        }
        return bytes;
    }

    private static Round calls(Variant variant) {
        Histogram latencies = new Histogram(3);
        System.gc();
        Usage start = Usage.now();
        for (int i = 0; i < CALLS_PER_ROUND; i++) {
            long t0 = System.nanoTime();
            Whoami whoami = variant.call().get().block(Duration.ofSeconds(10));
            latencies.recordValue(System.nanoTime() - t0);
            if (whoami == null || whoami.user().id() != 2) {
                throw new IllegalStateException(variant.name() + " answered " + whoami);
            }
        }
        Usage used = Usage.now().since(start);
        return new Round(latencies, (double) used.allocatedBytes() / CALLS_PER_ROUND);
    }
}
