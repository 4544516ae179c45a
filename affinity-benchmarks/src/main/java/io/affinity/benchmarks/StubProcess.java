package io.affinity.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link StubServer} in a JVM of its own (the same {@code java} and class path as this one, a fixed
 * heap and a single event-loop thread), so that the measured JVM does only the client's work.
 */
final class StubProcess implements AutoCloseable {

    private final Process process;
    private final String baseUrl;

    StubProcess() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(
                        java,
                        "-Xms256m",
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StubServer.class.getName()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("port ")) {
            // the stub's log lines, if any
        }
        if (line == null) {
            close();
            throw new IOException("the stub process ended before it listened (exit " + process.exitValue() + ")");
        }
        baseUrl = "http://127.0.0.1:"
                + Integer.parseInt(line.substring("port ".length()).trim());
    }

    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close(); // the stub exits when its standard input closes
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
