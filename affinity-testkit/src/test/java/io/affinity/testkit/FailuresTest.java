package io.affinity.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FailuresTest {

    @RegisterExtension
    static final AffinityMockServerExtension AFFINITY = AffinityMockServerExtension.builder()
            .server(AffinityMockServer.builder())
            .build();

    /** Injected by the extension, which also resets it before each test and stops it after the class. */
    private static AffinityMockServer server;

    private static Http http;

    @BeforeAll
    static void connect() {
        http = new Http(server);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504})
    void answersAPlannedStatusForTheNextCallsOfAnOperation(int status) {
        server.failNext("getLists", 2, Failure.status(status));

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> failed = http.get("/lists");
            assertEquals(status, failed.statusCode());
            assertTrue(
                    failed.body().matches("\\{\"errors\":\\[\\{\"code\":\"[a-z_]+\",\"message\":\".+\"}]}"),
                    failed.body());
            assertTrue(failed.headers()
                    .firstValue("X-Ratelimit-Limit-User-Remaining")
                    .isPresent());
            assertEquals(
                    status == 429, failed.headers().firstValue("Retry-After").isPresent());
        }
        assertEquals(200, http.get("/auth/whoami").statusCode());
        assertEquals(200, http.get("/lists").statusCode());
    }

    @Test
    void usesAGivenMessageAndServesPlansInOrder() {
        server.failNextAny(1, Failure.status(503, "Deploy in progress"));
        server.failNext("getWhoami", 1, Failure.status(404));

        HttpResponse<String> first = http.get("/auth/whoami");
        assertEquals(503, first.statusCode());
        assertTrue(first.body().contains("Deploy in progress"));
        assertEquals(404, http.get("/auth/whoami").statusCode());
        assertEquals(200, http.get("/auth/whoami").statusCode());
    }

    @Test
    void refusesUnknownOperationsAndStatuses() {
        assertThrows(IllegalArgumentException.class, () -> server.failNext("getNothing", 1, Failure.status(500)));
        assertThrows(IllegalArgumentException.class, () -> Failure.status(418));
        assertThrows(IllegalArgumentException.class, () -> server.failNextAny(0, Failure.status(500)));
    }

    static Stream<Supplier<Failure>> networkFaults() {
        return Stream.of(
                Failure::connectionReset,
                Failure::emptyResponse,
                Failure::malformedChunk,
                Failure::randomDataThenClose);
    }

    /**
     * Uses a POST: the JDK client silently retries a GET whose connection closes before any response byte, which would
     * hide the fault from the caller.
     */
    @ParameterizedTest
    @MethodSource("networkFaults")
    void breaksTheConnectionReproducibly(Supplier<Failure> fault) {
        server.failNext("createList", 2, fault.get());
        HttpRequest createList = http.request("/lists")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Deals\",\"type\":8,\"is_public\":true}"))
                .build();

        for (int i = 0; i < 2; i++) {
            Object outcome = Http.sendOrFailure(createList);
            assertInstanceOf(IOException.class, outcome, () -> fault.get() + " gave " + outcome);
        }
        assertEquals(2, server.journal().count("createList"));
        assertEquals(200, Http.send(createList).statusCode());
        assertTrue(server.violations().isEmpty(), () -> server.violations().toString());
    }

    @Test
    void truncatesTheJsonBody() {
        server.failNext("getLists", 1, Failure.truncatedJson());
        HttpResponse<String> response = http.get("/lists");
        assertEquals(200, response.statusCode());
        assertThrows(JsonProcessingException.class, () -> new ObjectMapper().readTree(response.body()));
    }

    @Test
    void delaysTheHeaders() {
        server.failNext("getLists", 1, Failure.delayedHeaders(Duration.ofMillis(300)));
        long start = System.nanoTime();
        HttpResponse<String> response = http.get("/lists");
        assertEquals(200, response.statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300);
    }

    @Test
    void tricklesTheBody() throws Exception {
        String normal = http.get("/lists").body();
        server.failNext("getLists", 1, Failure.slowBody(Duration.ofMillis(300)));
        long start = System.nanoTime();
        HttpResponse<String> response = http.get("/lists");
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 250);
        assertEquals(new ObjectMapper().readTree(normal), new ObjectMapper().readTree(response.body()));
    }

    @Test
    void overridesAnOperationAndOneId() {
        server.override(
                "getPerson",
                200,
                "{\"id\":1,\"type\":0,\"first_name\":\"Any\",\"last_name\":\"One\","
                        + "\"primary_email\":\"any@example.com\",\"emails\":[]}");
        server.override("getPerson", 7, 404, "{\"errors\":[{\"message\":\"gone\"}]}");

        assertTrue(http.get("/persons/5").body().contains("\"Any\""));
        HttpResponse<String> seven = http.get("/persons/7");
        assertEquals(404, seven.statusCode());
        assertTrue(seven.body().contains("gone"));
        assertThrows(IllegalArgumentException.class, () -> server.override("getLists", 1, 200, "[]"));
        server.reset();
        assertEquals(200, http.get("/persons/7").statusCode());
    }
}
