package io.affinity.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the testkit generates for a dataset conforms to the spec, checked page by page and item by item with the
 * Atlassian validator: generated values the spec forbids (a {@code null} where it is not nullable, a missing
 * required property) fail here, even where the Jackson model would tolerate them.
 */
class DatasetResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final AffinityMockServerExtension AFFINITY = AffinityMockServerExtension.builder()
            .server(AffinityMockServer.builder()
                    .perMinuteLimit(100_000)
                    .dataset(Dataset.builder()
                            .persons(12)
                            .organizations(12)
                            .opportunities(12)
                            .lists(2, 12)
                            .notes(12)
                            .reminders(12)
                            .entityFiles(12)
                            .fieldValues(12)
                            .interactions(12)
                            .build()))
            .build();

    private static AffinityMockServer server;
    private static Http http;

    @BeforeAll
    static void connect() {
        http = new Http(server);
    }

    /** A paged listing: the path with its query, and the key of its items. */
    record Listing(String pathAndQuery, String itemsKey, String itemPath) {
        @Override
        public String toString() {
            return pathAndQuery;
        }
    }

    static Stream<Listing> listings() {
        long person = Dataset.PERSON_BASE + 1;
        return Stream.of(
                new Listing(
                        "/persons?page_size=5&with_interaction_dates=true&with_interaction_persons=true",
                        "persons",
                        "/persons/"),
                new Listing(
                        "/organizations?page_size=5&with_interaction_dates=true", "organizations", "/organizations/"),
                new Listing("/opportunities?page_size=5", "opportunities", "/opportunities/"),
                new Listing(
                        "/lists/" + (Dataset.LIST_BASE + 1) + "/list-entries?page_size=5",
                        "list_entries",
                        "/lists/" + (Dataset.LIST_BASE + 1) + "/list-entries/"),
                new Listing("/notes?page_size=5", "notes", "/notes/"),
                new Listing("/reminders?page_size=5", "reminders", "/reminders/"),
                new Listing("/entity-files?page_size=5", "entity_files", "/entity-files/"),
                new Listing("/field-values?organization_id=" + (Dataset.ORGANIZATION_BASE + 1), null, null),
                new Listing(
                        "/interactions?type=0&person_id=" + person
                                + "&start_time=2024-12-01T00:00:00Z&end_time=2025-01-01T00:00:00Z&page_size=5",
                        "events",
                        null),
                new Listing(
                        "/interactions?type=3&person_id=" + person
                                + "&start_time=2024-12-01T00:00:00Z&end_time=2025-01-01T00:00:00Z&page_size=5",
                        "emails",
                        null),
                new Listing(
                        "/interactions?type=2&person_id=" + person
                                + "&start_time=2024-12-01T00:00:00Z&end_time=2025-01-01T00:00:00Z&page_size=5",
                        "chat_messages",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listings")
    void everyPageAndItemConformsToTheSpec(Listing listing) throws Exception {
        List<String> problems = new ArrayList<>();
        String next = listing.pathAndQuery();
        int items = 0;
        for (int page = 0; next != null && page < 10; page++) {
            String current = next;
            HttpResponse<String> response = http.get(current);
            assertEquals(200, response.statusCode(), current + " " + response.body());
            problems.addAll(SpecCheck.get().response("GET", current, response).stream()
                    .map(p -> current + ": " + p)
                    .toList());
            JsonNode body = JSON.readTree(response.body());
            JsonNode list = listing.itemsKey() == null ? body : body.path(listing.itemsKey());
            items += list.size();
            if (listing.itemPath() != null) {
                for (JsonNode item : list) {
                    String one = listing.itemPath() + item.path("id").asLong();
                    HttpResponse<String> got = http.get(one);
                    assertEquals(200, got.statusCode(), one + " " + got.body());
                    problems.addAll(SpecCheck.get().response("GET", one, got).stream()
                            .map(p -> one + ": " + p)
                            .toList());
                }
            }
            String token = body.path("next_page_token").asText(null);
            next = token == null || listing.itemsKey() == null ? null : listing.pathAndQuery() + "&page_token=" + token;
        }
        assertTrue(items > 0, "the dataset serves " + listing);
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
        assertTrue(server.violations().isEmpty(), () -> server.violations().toString());
    }
}
