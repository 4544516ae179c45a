package io.affinity.testkit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone jar, checked from outside: started as its own process on a free loopback port, it answers every
 * operation of the spec with a 2xx and the rate-limit headers, refuses a request without the key, and stops cleanly
 * when asked to terminate. Runs in {@code integration-test}, after {@code package} built the jar.
 */
class StandaloneJarIT {

    /** Set by the failsafe configuration in the module's pom. */
    static final String JAR_PROPERTY = "affinity.testkit.standaloneJar";

    private static final String KEY = "standalone-it-key";
    private static final Pattern LISTENING = Pattern.compile("listening on (http://[^\\s]+:\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final List<String> RATE_LIMIT_HEADERS = List.of(
            "X-Ratelimit-Limit-User",
            "X-Ratelimit-Limit-User-Remaining",
            "X-Ratelimit-Limit-User-Reset",
            "X-Ratelimit-Limit-Org",
            "X-Ratelimit-Limit-Org-Remaining",
            "X-Ratelimit-Limit-Org-Reset");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TempDir
    Path tempDir;

    @Test
    void answersEveryOperationAndStopsCleanly() throws Exception {
        Path jar = Paths.get(System.getProperty(JAR_PROPERTY, ""));
        assertTrue(
                Files.isRegularFile(jar),
                () -> "no standalone jar at '" + jar + "' (system property " + JAR_PROPERTY + ")");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Path output = tempDir.resolve("standalone.log");
        Process process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), "--port", "0", "--api-key", KEY)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            String baseUrl = awaitBaseUrl(process, output);
            List<SampleRequests.Sample> samples = SampleRequests.all();
            assertEquals(59, samples.size());

            assertAll(samples.stream().map(sample -> () -> answers(baseUrl, sample)));

            HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(baseUrl + "/auth/whoami"))
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build());
            assertEquals(401, anonymous.statusCode(), anonymous.body());
            assertTrue(MAPPER.readTree(anonymous.body()).has("errors"), anonymous.body());
            HttpResponse<String> wrongKey =
                    send(request(baseUrl, "/persons", "not-the-key").GET().build());
            assertEquals(401, wrongKey.statusCode(), wrongKey.body());

            process.destroy();
            assertTrue(
                    process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the process stops when terminated");
            assertFalse(process.isAlive());
            String log = Files.readString(output);
            assertTrue(log.contains("Affinity mock server stopped."), () -> "no clean-stop message in: " + log);
            assertFalse(log.contains("SLF4J"), () -> "SLF4J warnings in: " + log);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void listensOnTheGivenHostAndLogsRequests() throws Exception {
        Path output = tempDir.resolve("host.log");
        Process process =
                start(output, "--host", "127.0.0.2", "--port=0", "--api-key=" + KEY, "--request-log", "--dataset", "5");
        try {
            String baseUrl = awaitBaseUrl(process, output);
            assertTrue(baseUrl.startsWith("http://127.0.0.2:"), baseUrl);
            HttpResponse<String> person = send(request(baseUrl, "/persons/" + (Dataset.PERSON_BASE + 5), KEY)
                    .GET()
                    .build());
            assertEquals(200, person.statusCode(), person.body());
            HttpResponse<String> created = send(request(baseUrl, "/notes", KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"person_ids\":[" + (Dataset.PERSON_BASE + 5)
                            + "],\"content\":\"from another language\"}"))
                    .build());
            assertEquals(200, created.statusCode(), created.body());
            long noteId = MAPPER.readTree(created.body()).get("id").asLong();
            assertEquals(
                    200,
                    send(request(baseUrl, "/notes/" + noteId, KEY).GET().build())
                            .statusCode(),
                    "the service is stateful");
            String log = Files.readString(output);
            assertTrue(log.contains("GET /persons/" + (Dataset.PERSON_BASE + 5) + " -> 200"), log);
            assertFalse(log.contains("SLF4J"), log);
        } finally {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aPortInUsePrintsOneLineAndExitsNonZero() throws Exception {
        try (java.net.ServerSocket taken =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Path output = tempDir.resolve("taken.log");
            Process process = start(output, "--port", Integer.toString(taken.getLocalPort()));
            assertTrue(process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the process gives up");
            assertEquals(1, process.exitValue());
            List<String> lines = Files.readAllLines(output);
            assertEquals(1, lines.size(), () -> String.join("\n", lines));
            assertTrue(
                    lines.get(0).startsWith("Error: cannot listen on 127.0.0.1:" + taken.getLocalPort()), lines.get(0));
        }
    }

    @Test
    void aBadOptionPrintsOneLineAndExitsNonZero() throws Exception {
        Path output = tempDir.resolve("bad.log");
        Process process = start(output, "--port", "eighty");
        assertTrue(process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertEquals(List.of("Error: --port needs a number: eighty (see --help)"), Files.readAllLines(output));
    }

    @Test
    void printsItsVersion() throws Exception {
        Path output = tempDir.resolve("version.log");
        Process process = start(output, "--version");
        assertTrue(process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        List<String> lines = Files.readAllLines(output);
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).matches("affinity-testkit \\d+\\.\\d+\\.\\d+.*"), lines.get(0));
    }

    private static Process start(Path output, String... options) throws IOException {
        Path jar = Paths.get(System.getProperty(JAR_PROPERTY, ""));
        assertTrue(Files.isRegularFile(jar), () -> "no standalone jar at '" + jar + "'");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-jar", jar.toString()));
        command.addAll(List.of(options));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }

    private static void answers(String baseUrl, SampleRequests.Sample sample) throws IOException {
        HttpRequest.Builder builder = request(baseUrl, sample.pathAndQuery(), KEY);
        if (sample.body() == null) {
            builder.method(sample.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", sample.contentType())
                    .method(sample.method(), HttpRequest.BodyPublishers.ofString(sample.body()));
        }
        HttpResponse<String> response = send(builder.build());
        String name = sample.operationId();
        assertTrue(
                response.statusCode() >= 200 && response.statusCode() < 300,
                () -> name + ": " + response.statusCode() + " " + response.body());
        for (String header : RATE_LIMIT_HEADERS) {
            assertTrue(response.headers().firstValue(header).isPresent(), name + " lacks " + header);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (sample.responseSchema() != null) {
            assertTrue(contentType.startsWith("application/json"), name + ": " + contentType);
            assertNotNull(MAPPER.readTree(response.body()), name);
        } else {
            assertEquals("downloadEntityFile", name, "the only operation whose success is not JSON");
            assertTrue(contentType.startsWith("application/octet-stream"), name + ": " + contentType);
            assertFalse(response.body().isEmpty(), name + " answers the file's bytes");
        }
    }

    private static HttpRequest.Builder request(String baseUrl, String pathAndQuery, String key) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", Http.basic(key));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls the process's output file (bounded, every 50 ms) for the line that names the base URL. */
    private static String awaitBaseUrl(Process process, Path output) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            String log = Files.readString(output);
            Matcher matcher = LISTENING.matcher(log);
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (!process.isAlive()) {
                throw new AssertionError("the process exited with " + process.exitValue() + ": " + log);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no base URL within " + START_TIMEOUT + ": " + log);
            }
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
    }
}
