package io.affinity.benchmarks;

import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The testkit's fake with a list of generated entries and field values, in a JVM of its own, so that the export
 * benchmark measures the client's heap and CPU, not the fake's (its request journal grows with every request).
 * The child prints {@code READY <base url> <api key> <list id>} and runs until its standard input closes.
 */
final class ExportFake implements AutoCloseable {

    private final Process process;
    final String baseUrl;
    final String apiKey;
    final long listId;

    private ExportFake(Process process, String baseUrl, String apiKey, long listId) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.listId = listId;
    }

    /**
     * Starts the fake in a child JVM (the same class path, a 1 GiB heap).
     *
     * @param perMinute the fake's per-minute limit
     * @param entries   the entries of the exported list
     */
    static ExportFake start(int perMinute, int entries) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(
                        java,
                        "-Xmx1g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ExportFake.class.getName(),
                        Integer.toString(perMinute),
                        Integer.toString(entries)))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                String[] parts = line.split(" ");
                Thread drain = new Thread(() -> drain(out), "export-fake-stdout");
                drain.setDaemon(true);
                drain.start(); // the fake's logging must never fill the pipe and stall it
                return new ExportFake(process, parts[1], parts[2], Long.parseLong(parts[3]));
            }
        }
        process.destroy();
        throw new IOException("the fake's JVM ended before it was ready (exit " + process.exitValue() + ")");
    }

    /** @return the CPU time the fake's JVM has used so far, in nanoseconds */
    long cpuNanos() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(java.time.Duration::toNanos)
                .orElse(0L);
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // discarded
            }
        } catch (IOException ended) {
            // the child is gone
        }
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }

    /**
     * The child: {@code <per-minute limit> <entries>}.
     *
     * @param args the limit and the list's size
     */
    public static void main(String[] args) throws IOException {
        int perMinute = Integer.parseInt(args[0]);
        int entries = Integer.parseInt(args[1]);
        try (AffinityMockServer server = AffinityMockServer.builder()
                .perMinuteLimit(perMinute)
                .validateRequests(false)
                .start()) {
            server.seed(Dataset.builder()
                    .organizations(entries)
                    .lists(2, entries)
                    .fieldValues(entries * 2)
                    .build());
            System.out.println("READY " + server.baseUrl() + " " + server.apiKey() + " "
                    + server.state().lists().get(1).id());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the parent closes our standard input
            }
        }
    }
}
