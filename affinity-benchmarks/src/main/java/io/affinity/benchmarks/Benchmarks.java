package io.affinity.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Runs the client's measurements and prints one results table. The client-side ones run against
 * {@link StubServer} in a process of its own and compare the SDK with what users would pick instead
 * ({@link Peers}):
 * <ol>
 *   <li>{@code throughput}: 100,000 list entries in pages of 500, items a second, CPU time and bytes allocated
 *       per item, paired ratios SDK / peer;</li>
 *   <li>{@code memory}: the peak live heap while a slow consumer on its own thread streams 100,000 and 1,000,000
 *       entries;</li>
 *   <li>{@code latency}: p50/p99 and bytes allocated of a small GET, SDK against raw Reactor Netty;</li>
 *   <li>{@code concurrency}: 8 and 64 concurrent list walks, SDK against raw Reactor Netty;</li>
 *   <li>{@code limiter}: demand three times the stub's per-minute limit for two windows; share of the limit
 *       achieved and 429s.</li>
 * </ol>
 *
 * <pre>
 * java -Xms512m -Xmx512m -jar affinity-benchmarks/target/benchmarks.jar [throughput] [memory] [latency] [concurrency] [limiter] [redis] [export] [export-lifted] [decode]
 * </pre>
 * Without arguments the first five run. {@code redis} (four clients sharing one limit through
 * {@code RedisRateLimiter}; needs {@code redis-server} on the PATH) runs only when named; so do {@code export} (the
 * list export recipe against the testkit at 900 requests a minute, about seven minutes) and {@code export-lifted}
 * (only its part without the limit), and {@code decode} (CPU time to decode a page, see
 * {@link DecodeBenchmark}).
 */
public final class Benchmarks {

    static final String API_KEY = "benchmark-key";

    /** One measurement: its rows of the results table. */
    private interface Measurement {
        List<String> run() throws Exception;
    }

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        Map<String, Measurement> measurements = new LinkedHashMap<>();
        measurements.put("throughput", () -> new ThroughputBenchmark().run());
        measurements.put("memory", () -> new MemoryBenchmark().run());
        measurements.put("latency", () -> new LatencyBenchmark().run());
        measurements.put("concurrency", () -> new ConcurrencyBenchmark().run());
        measurements.put("limiter", () -> new LimiterBenchmark().run());
        // run only when named:
        measurements.put("redis", () -> new SharedLimiterBenchmark().run());
        measurements.put("export", () -> new ExportBenchmark().run());
        measurements.put("export-lifted", () -> new ExportBenchmark().lifted());
        measurements.put("decode", () -> new DecodeBenchmark().run());
        List<String> selected =
                args.length > 0 ? List.of(args) : List.of("throughput", "memory", "latency", "concurrency", "limiter");
        if (!measurements.keySet().containsAll(selected)) {
            throw new IllegalArgumentException(
                    "unknown benchmarks in " + selected + "; choose from " + measurements.keySet());
        }
        List<String> table = new ArrayList<>();
        for (String name : new LinkedHashSet<>(selected)) {
            table.addAll(measurements.get(name).run());
        }
        System.out.println();
        System.out.println("## Results");
        System.out.println();
        System.out.println(machine());
        System.out.println();
        System.out.println("| measurement | figure | goal | detail |");
        System.out.println("| --- | --- | --- | --- |");
        table.forEach(System.out::println);
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return "Machine: " + runtime.availableProcessors() + " CPUs (nproc), " + System.getProperty("os.name") + ' '
                + System.getProperty("os.arch") + "; JVM: " + System.getProperty("java.vm.name") + ' '
                + System.getProperty("java.runtime.version") + "; GC: "
                + String.join(
                        "+",
                        ManagementFactory.getGarbageCollectorMXBeans().stream()
                                .map(gc -> gc.getName())
                                .toList())
                + "; max heap " + runtime.maxMemory() / (1024 * 1024) + " MiB; JVM flags: "
                + (jvmArgs.isEmpty() ? "(none)" : String.join(" ", jvmArgs));
    }
}
