package io.affinity.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the client's three measurements against local stub servers and prints one results table:
 * <ol>
 *   <li>throughput: 100,000 list entries in pages of 500, SDK against a plain Reactor Netty + Jackson loop;</li>
 *   <li>memory: the peak live heap while a one-item-at-a-time subscriber streams 100,000 and 1,000,000
 *       entries;</li>
 *   <li>limiter: demand three times the stub's per-minute limit for two windows; share of the limit achieved
 *       and 429s.</li>
 * </ol>
 *
 * <pre>
 * java -Xms512m -Xmx512m -jar affinity-benchmarks/target/benchmarks.jar [throughput] [memory] [limiter] [redis] [export]
 * </pre>
 * Without arguments the first three run (about four minutes on two cores). {@code redis} (four clients sharing one
 * limit through {@code RedisRateLimiter}; needs {@code redis-server} on the PATH) runs only when named; so do
 * {@code export} (the list export recipe against the testkit at 900 requests a minute, about seven minutes) and
 * {@code export-lifted} (only its part without the limit), and {@code decode} (CPU time to decode a page, see
 * {@link DecodeBenchmark}).
 */
public final class Benchmarks {

    static final String API_KEY = "benchmark-key";

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        Set<String> selected = new LinkedHashSet<>(List.of(args));
        if (selected.isEmpty()) {
            selected.addAll(List.of("throughput", "memory", "limiter"));
        }
        List<String> table = new ArrayList<>();
        if (selected.remove("throughput")) {
            table.addAll(new ThroughputBenchmark().run());
        }
        if (selected.remove("memory")) {
            table.addAll(new MemoryBenchmark().run());
        }
        if (selected.remove("limiter")) {
            table.addAll(new LimiterBenchmark().run());
        }
        if (selected.remove("redis")) {
            table.addAll(new SharedLimiterBenchmark().run());
        }
        if (selected.remove("export")) {
            table.addAll(new ExportBenchmark().run());
        }
        if (selected.remove("decode")) {
            table.addAll(new DecodeBenchmark().run());
        }
        if (selected.remove("export-lifted")) {
            table.addAll(new ExportBenchmark().lifted());
        }
        if (!selected.isEmpty()) {
            throw new IllegalArgumentException("unknown benchmarks " + selected
                    + "; choose from throughput, memory, limiter, redis, export, export-lifted, decode");
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
