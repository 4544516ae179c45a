package io.affinity.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void configuresTheServerFromOptions() {
        try (AffinityMockServer server = Main.parse(List.of(
                        "--port",
                        "0",
                        "--api-key",
                        "cli-key",
                        "--per-minute-limit",
                        "7",
                        "--monthly-limit",
                        "100",
                        "--dataset-size",
                        "12"))
                .builder()
                .start()) {
            Http http = new Http(server);
            assertEquals("cli-key", server.apiKey());
            var response = http.get("/persons");
            assertEquals(
                    "7", response.headers().firstValue("X-Ratelimit-Limit-User").orElseThrow());
            assertEquals(
                    "100",
                    response.headers().firstValue("X-Ratelimit-Limit-Org").orElseThrow());
            assertEquals(true, response.body().contains("\"id\":" + (Dataset.PERSON_BASE + 12)));
        }
    }

    @Test
    void takesValuesAfterAnEqualsSignAndNamedDatasetSizes() {
        Main.Command command =
                Main.parse(List.of("--port=0", "--api-key=k=v", "--seed=small", "--request-log", "--host=127.0.0.1"));
        assertTrue(command.requestLog());
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AffinityMockServer server =
                command.builder().requestLog(lines::add).start()) {
            assertEquals("k=v", server.apiKey());
            assertEquals(100, server.state().persons().size());
            new Http(server).get("/persons/" + (Dataset.PERSON_BASE + 1));
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).endsWith("GET /persons/" + (Dataset.PERSON_BASE + 1) + " -> 200"), lines.get(0));
        }
    }

    @Test
    void fixturesOnlyKeepsTheDatasetAsGenerated() {
        try (AffinityMockServer server = Main.parse(List.of("--port", "0", "--dataset", "3", "--fixtures-only"))
                .builder()
                .start()) {
            new Http(server).send("DELETE", "/persons/" + (Dataset.PERSON_BASE + 1), null, null);
            assertEquals(3, server.state().persons().size());
        }
    }

    @Test
    void rejectsBadOptionsWithOneLineNamingTheOption() {
        assertTrue(Main.parse(List.of("--help")).help());
        assertTrue(Main.parse(List.of("--version")).version());
        assertEquals("--port needs a value", message("--port"));
        assertEquals("--port needs a number: x", message("--port", "x"));
        assertEquals("--port needs a value", message("--port", "--no-validation"));
        assertEquals("--port: port must be between 0 and 65535: 70000", message("--port=70000"));
        assertEquals("unknown option --frobnicate", message("--frobnicate"));
        assertEquals("option --no-validation takes no value", message("--no-validation=yes"));
        assertEquals("--dataset needs a number: huge", message("--dataset", "huge"));
        assertEquals("option --fixtures-only needs --dataset", message("--fixtures-only"));
    }

    @Test
    void aPortInUseIsOneLineNamingTheAddress() {
        try (AffinityMockServer taken = AffinityMockServer.builder().start()) {
            AffinityMockServer.Builder second = Main.parse(List.of("--port", Integer.toString(taken.port())))
                    .builder();
            RuntimeException failure = assertThrows(RuntimeException.class, second::start);
            String line = Main.startFailure(second, failure);
            assertTrue(line.startsWith("cannot listen on 127.0.0.1:" + taken.port() + ": "), line);
            assertFalse(line.contains("\n"), line);
        }
    }

    @Test
    void knowsItsVersionOrSaysItIsADevelopmentBuild() {
        assertFalse(Main.version().isBlank());
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> Main.parse(List.of(args)))
                .getMessage();
    }
}
