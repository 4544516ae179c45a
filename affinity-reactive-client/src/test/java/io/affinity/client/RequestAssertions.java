package io.affinity.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affinity.model.json.AffinityJson;
import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.RecordedRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.test.StepVerifier;

/** Assertions on what resource calls sent to the testkit, shared by the resource tests. */
final class RequestAssertions {

    private static final ObjectMapper MAPPER = AffinityJson.newObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private RequestAssertions() {}

    /** A named call of a resource method, for table-driven tests. */
    record Call(String description, Function<AffinityClient, Publisher<?>> call, String parameter) {

        @Override
        public String toString() {
            return description + " -> " + parameter;
        }
    }

    /**
     * Asserts that the call fails with an {@link IllegalArgumentException} whose message starts with the parameter
     * name, and that the server received nothing.
     */
    static void assertRejectedBeforeSending(AffinityMockServer server, AffinityClient client, Call call) {
        StepVerifier.create(call.call().apply(client))
                .expectErrorSatisfies(error -> {
                    assertInstanceOf(IllegalArgumentException.class, error);
                    assertTrue(
                            error.getMessage().startsWith(call.parameter() + " "),
                            "the message names " + call.parameter() + ": " + error.getMessage());
                })
                .verify(TIMEOUT);
        assertEquals(List.of(), server.journal().requests(), "nothing is sent");
    }

    /** Asserts that the only request of an operation carried exactly these query parameters. */
    static RecordedRequest assertOnlyRequest(AffinityMockServer server, String operationId, Map<String, String> query) {
        List<RecordedRequest> requests = server.journal().requests(operationId);
        assertEquals(
                1,
                requests.size(),
                "requests of " + operationId + ": " + server.journal().requests());
        assertEquals(asMultiMap(query), requests.get(0).query());
        return requests.get(0);
    }

    /** Asserts that a recorded body is this JSON (compared as trees). */
    static void assertJsonBody(String expectedJson, RecordedRequest request) {
        try {
            assertEquals(MAPPER.readTree(expectedJson), MAPPER.readTree(request.body()), request.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + request.body(), e);
        }
    }

    /**
     * The query parameters of every interaction date filter a person or organization search sends: for each kind of
     * date, {@code min_<kind>_date} and {@code max_<kind>_date} with these values.
     */
    static Map<String, String> interactionDateFilterQuery(String min, String max) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String kind :
                List.of("first_email", "last_email", "last_interaction", "last_event", "first_event", "next_event")) {
            query.put("min_" + kind + "_date", min);
            query.put("max_" + kind + "_date", max);
        }
        return query;
    }

    /** A query with one value per name. */
    static Map<String, List<String>> asMultiMap(Map<String, String> query) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        query.forEach((name, value) -> multi.put(name, List.of(value)));
        return multi;
    }

    /**
     * Asserts that the requests of a walk repeat the first one's query, changing only {@code page_token}, and that
     * the first has none.
     */
    static void assertPagesRepeatTheFirstQuery(List<RecordedRequest> pages) {
        Map<String, List<String>> first = pages.get(0).query();
        assertTrue(!first.containsKey("page_token"), "the first page has no token: " + first);
        for (int i = 1; i < pages.size(); i++) {
            Map<String, List<String>> query = new LinkedHashMap<>(pages.get(i).query());
            assertEquals(1, query.remove("page_token").size(), "page " + i + " has one token");
            assertEquals(first, query, "page " + i + " repeats the first query");
        }
    }
}
