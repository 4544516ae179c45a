package io.affinity.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaginationTest {

    private static final int N = 1_234;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String YEAR_2024 = "&start_time=2024-01-02T00:00:00Z&end_time=2025-01-01T00:00:00Z";

    @RegisterExtension
    static final AffinityMockServerExtension AFFINITY = AffinityMockServerExtension.builder()
            .server(AffinityMockServer.builder()
                    .dataset(Dataset.builder()
                            .persons(N)
                            .organizations(N)
                            .notes(N)
                            .lists(2, N)
                            .interactions(N)
                            .build()))
            .build();

    /** Injected by the extension, which also resets it before each test and stops it after the class. */
    private static AffinityMockServer server;

    private static Http http;

    @BeforeAll
    static void connect() {
        http = new Http(server);
    }

    @ParameterizedTest(name = "page_size={0}")
    @ValueSource(ints = {7, 100, 500})
    void pagesOutEveryPersonExactlyOnce(int pageSize) {
        assertEquals(N, walk("/persons?page_size=" + pageSize, "persons", pageSize));
    }

    @ParameterizedTest(name = "page_size={0}")
    @ValueSource(ints = {33, 500})
    void pagesOutOrganizationsNotesAndListEntries(int pageSize) {
        assertEquals(N, walk("/organizations?page_size=" + pageSize, "organizations", pageSize));
        assertEquals(N, walk("/notes?page_size=" + pageSize, "notes", pageSize));
        assertEquals(
                N,
                walk(
                        "/lists/" + (Dataset.LIST_BASE + 2) + "/list-entries?page_size=" + pageSize,
                        "list_entries",
                        pageSize));
    }

    @Test
    void defaultsToThe500Maximum() {
        JsonNode first = json(http.get("/persons"));
        assertEquals(500, first.get("persons").size());
        assertEquals(
                Dataset.PERSON_BASE + 1, first.get("persons").get(0).get("id").asLong());
    }

    @Test
    void filtersByTerm() {
        JsonNode page = json(http.get("/persons?term=alice.yen1%40"));
        assertEquals(1, page.get("persons").size(), page.toString());
        assertTrue(page.get("next_page_token").isNull());
    }

    @Test
    void refusesATokenWhenAnotherParameterChanges() {
        JsonNode first = json(http.get("/persons?term=a&page_size=10"));
        String token = URLEncoder.encode(first.get("next_page_token").asText(), StandardCharsets.UTF_8);

        assertEquals(
                200,
                http.get("/persons?term=a&page_size=10&page_token=" + token).statusCode());
        assertEquals(200, http.get("/persons?term=a&page_token=" + token).statusCode());
        for (String changed : new String[] {
            "/persons?term=b&page_size=10",
            "/persons?page_size=10",
            "/persons?term=a&page_size=20",
            "/organizations?term=a&page_size=10"
        }) {
            HttpResponse<String> refused = http.get(changed + "&page_token=" + token);
            assertEquals(422, refused.statusCode(), changed);
            assertTrue(refused.body().contains("Invalid page_token variable"), refused.body());
        }
        assertEquals(422, http.get("/persons?page_token=not-a-token").statusCode());
    }

    @Test
    void answersListEntriesAsABareArrayWithoutPageSize() {
        JsonNode all = json(http.get("/lists/" + (Dataset.LIST_BASE + 1) + "/list-entries"));
        assertTrue(all.isArray());
        assertEquals(N, all.size());
        assertEquals(404, http.get("/lists/1/list-entries").statusCode());
    }

    @Test
    void servesInteractionsUnderTheKeyOfTheirType() {
        // the internal person takes part in every interaction
        String internal = "&person_id=" + Dataset.PERSON_BASE;
        assertEquals(N, walk("/interactions?type=3" + internal + YEAR_2024 + "&page_size=100", "emails", 100));
        assertEquals(N, walk("/interactions?type=0" + internal + YEAR_2024, "events", 100));
        assertEquals(N, walk("/interactions?type=2" + internal + YEAR_2024 + "&page_size=45", "chat_messages", 45));
        JsonNode narrow = json(http.get(
                "/interactions?type=1" + internal + "&start_time=2024-12-31T00:00:00Z&end_time=2025-01-01T00:00:00Z"));
        assertEquals(4, narrow.get("events").size(), narrow.toString());
    }

    @Test
    void narrowsInteractionsToTheirPersonAndOrganization() {
        // N persons and N organizations: the i-th interaction has the i-th person, who belongs to the i-th organization
        JsonNode byPerson = json(http.get("/interactions?type=3&person_id=" + (Dataset.PERSON_BASE + 42) + YEAR_2024));
        assertEquals(1, byPerson.get("emails").size(), byPerson.toString());
        assertEquals(
                Dataset.INTERACTION_BASE + 42,
                byPerson.get("emails").get(0).get("id").asLong());
        JsonNode byOrganization =
                json(http.get("/interactions?type=0&organization_id=" + (Dataset.ORGANIZATION_BASE + 7) + YEAR_2024));
        assertEquals(1, byOrganization.get("events").size(), byOrganization.toString());
        assertEquals(
                Dataset.INTERACTION_BASE + 7,
                byOrganization.get("events").get(0).get("id").asLong());
        assertEquals(
                0,
                json(http.get("/interactions?type=3&person_id=1" + YEAR_2024))
                        .get("emails")
                        .size());
    }

    @Test
    void refusesInteractionRangesOverAYearOrBackwards() {
        HttpResponse<String> tooLong = http.get(
                "/interactions?type=3&person_id=1" + "&start_time=2023-01-01T00:00:00Z&end_time=2024-01-02T00:00:00Z");
        assertEquals(422, tooLong.statusCode());
        assertTrue(tooLong.body().contains("one year"), tooLong.body());
        assertEquals(
                422,
                http.get("/interactions?type=3&person_id=1"
                                + "&start_time=2024-02-01T00:00:00Z&end_time=2024-02-01T00:00:00Z")
                        .statusCode());
        assertEquals(
                422,
                http.get("/interactions?type=3&person_id=1"
                                + "&start_time=2024-03-01T00:00:00Z&end_time=2024-02-01T00:00:00Z")
                        .statusCode());
    }

    @Test
    void getsSeededItemsById() {
        JsonNode person = json(http.get("/persons/" + (Dataset.PERSON_BASE + 42)));
        assertEquals(Dataset.PERSON_BASE + 42, person.get("id").asLong());
        assertEquals(404, http.get("/persons/1").statusCode());
        JsonNode email = json(http.get("/interactions/" + (Dataset.INTERACTION_BASE + 3) + "?type=3"));
        assertEquals("Generated email 3", email.get("subject").asText());
    }

    @Test
    void inFixtureOnlyModeWritesAnswerTheirFixturesAndLeaveTheDatasetUnchanged() {
        try (AffinityMockServer fixed = AffinityMockServer.builder()
                .dataset(Dataset.builder().persons(10).notes(10).stateful(false).build())
                .start()) {
            Http fixedHttp = new Http(fixed);
            SampleRequests.Sample createNote = SampleRequests.all().stream()
                    .filter(sample -> sample.operationId().equals("createNote"))
                    .findFirst()
                    .orElseThrow();
            HttpResponse<String> created =
                    fixedHttp.send("POST", createNote.pathAndQuery(), createNote.contentType(), createNote.body());
            assertEquals(200, created.statusCode(), created.body());
            long fixtureId = json(created).get("id").asLong();
            assertEquals(404, fixedHttp.get("/notes/" + fixtureId).statusCode());
            assertEquals(10, json(fixedHttp.get("/notes")).get("notes").size());

            String person = "/persons/" + (Dataset.PERSON_BASE + 5);
            assertEquals(200, fixedHttp.send("DELETE", person, null, null).statusCode());
            assertEquals(
                    Dataset.PERSON_BASE + 5,
                    json(fixedHttp.get(person)).get("id").asLong());
            assertTrue(fixed.violations().isEmpty(), () -> fixed.violations().toString());
            assertEquals(10, fixed.state().notes().size());
        }
    }

    @Test
    void canEndWithAnEmptyPage() {
        try (AffinityMockServer exact = AffinityMockServer.builder()
                .dataset(Dataset.builder().persons(20).emptyLastPage(true).build())
                .start()) {
            Http exactHttp = new Http(exact);
            JsonNode full = json(exactHttp.get("/persons?page_size=20"));
            assertEquals(20, full.get("persons").size());
            String token = URLEncoder.encode(full.get("next_page_token").asText(), StandardCharsets.UTF_8);
            JsonNode empty = json(exactHttp.get("/persons?page_size=20&page_token=" + token));
            assertEquals(0, empty.get("persons").size());
            assertTrue(empty.get("next_page_token").isNull());
        }
    }

    @Test
    void resetServesTheBuildersDatasetAgain() {
        server.seed(Dataset.builder().persons(3).build());
        assertEquals(3, json(http.get("/persons")).get("persons").size());
        server.reset();
        assertEquals(500, json(http.get("/persons")).get("persons").size());
    }

    /** Walks every page, checks ids are distinct and pages full, and returns the number of items. */
    private static int walk(String firstPage, String key, int pageSize) {
        Set<Long> ids = new HashSet<>();
        String separator = firstPage.contains("?") ? "&" : "?";
        JsonNode page = json(http.get(firstPage));
        int pages = 1;
        while (true) {
            JsonNode items = page.get(key);
            for (JsonNode item : items) {
                assertTrue(ids.add(item.get("id").asLong()), "duplicate " + item.get("id"));
            }
            JsonNode token = page.get("next_page_token");
            if (token == null || token.isNull()) {
                break;
            }
            assertEquals(pageSize, items.size(), "only the last page may be short");
            page = json(http.get(
                    firstPage + separator + "page_token=" + URLEncoder.encode(token.asText(), StandardCharsets.UTF_8)));
            pages++;
        }
        assertEquals((ids.size() + pageSize - 1) / pageSize, pages);
        assertFalse(server.journal().requests().isEmpty());
        return ids.size();
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response::body);
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
