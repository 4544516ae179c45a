package io.affinity.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seeded interactions and field values narrowed by the entity they belong to, with collections of different sizes so
 * that references wrap: 10 persons, 3 organizations, 4 opportunities.
 */
class DatasetFiltersTest {

    private static final int PERSONS = 10;
    private static final int ORGANIZATIONS = 3;
    private static final int OPPORTUNITIES = 4;
    private static final int INTERACTIONS = 100; // 25 days back from 2025-01-01
    private static final int FIELD_VALUES = 30;
    private static final String DECEMBER = "&start_time=2024-12-01T00:00:00Z&end_time=2025-01-01T00:00:00Z";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final AffinityMockServerExtension AFFINITY = AffinityMockServerExtension.builder()
            .server(AffinityMockServer.builder()
                    .dataset(Dataset.builder()
                            .persons(PERSONS)
                            .organizations(ORGANIZATIONS)
                            .opportunities(OPPORTUNITIES)
                            .fieldValues(FIELD_VALUES)
                            .interactions(INTERACTIONS)
                            .build()))
            .build();

    /** Injected by the extension, which also resets it before each test and stops it after the class. */
    private static AffinityMockServer server;

    private static Http http;

    @BeforeAll
    static void connect() {
        http = new Http(server);
    }

    /** Interaction ids (0-based index i) whose person has an index in {@code personIndexes}. */
    private static List<Long> interactionsOfPersons(int... personIndexes) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < INTERACTIONS; i++) {
            for (int p : personIndexes) {
                if (i % PERSONS == p) {
                    ids.add(Dataset.INTERACTION_BASE + 1 + i);
                }
            }
        }
        return ids;
    }

    @ParameterizedTest(name = "type={0}")
    @CsvSource({"0, events", "1, events", "2, chat_messages", "3, emails"})
    void narrowsInteractionsByPersonOrganizationAndOpportunity(int type, String key) {
        String base = "/interactions?type=" + type + DECEMBER + "&page_size=7";
        assertEquals(interactionsOfPersons(2), walk(base + "&person_id=" + (Dataset.PERSON_BASE + 3), key));
        // persons 1, 4 and 7 (indexes) belong to the second organization
        assertEquals(
                interactionsOfPersons(1, 4, 7),
                walk(base + "&organization_id=" + (Dataset.ORGANIZATION_BASE + 2), key));
        // the fourth opportunity's person is the fourth person
        assertEquals(interactionsOfPersons(3), walk(base + "&opportunity_id=" + (Dataset.OPPORTUNITY_BASE + 4), key));
        assertEquals(
                INTERACTIONS,
                walk(base + "&person_id=" + Dataset.PERSON_BASE, key).size(),
                "the internal person");
        assertEquals(List.of(), walk(base + "&opportunity_id=" + (Dataset.OPPORTUNITY_BASE + 5), key), "not seeded");
        assertEquals(List.of(), walk(base + "&person_id=" + (Dataset.PERSON_BASE + 11), key), "not seeded");
    }

    @Test
    void anInteractionNamesThePersonOfItsOpportunity() {
        JsonNode opportunity = json(http.get("/opportunities/" + (Dataset.OPPORTUNITY_BASE + 4)));
        long person = opportunity.get("person_ids").get(0).asLong();
        JsonNode emails = json(http.get(
                        "/interactions?type=3&opportunity_id=" + (Dataset.OPPORTUNITY_BASE + 4) + DECEMBER))
                .get("emails");
        assertEquals(INTERACTIONS / PERSONS, emails.size());
        for (JsonNode email : emails) {
            assertEquals(person, email.get("to").get(0).get("id").asLong(), email.toString());
        }
    }

    @Test
    void aPageTokenIsBoundToItsEntity() {
        String first =
                "/interactions?type=3" + DECEMBER + "&page_size=5&organization_id=" + (Dataset.ORGANIZATION_BASE + 1);
        String token =
                URLEncoder.encode(json(http.get(first)).get("next_page_token").asText(), StandardCharsets.UTF_8);
        assertEquals(200, http.get(first + "&page_token=" + token).statusCode());
        HttpResponse<String> changed = http.get("/interactions?type=3" + DECEMBER + "&page_size=5&organization_id="
                + (Dataset.ORGANIZATION_BASE + 2) + "&page_token=" + token);
        assertEquals(422, changed.statusCode());
        assertTrue(changed.body().contains("Invalid page_token variable"), changed.body());
    }

    @Test
    void fieldValuesBelongToPersonsAndOrganizationsInTurn() {
        // without lists, value i (0-based) belongs to persons (even i) and organizations (odd i) in turn; within each,
        // turn t = i / 2 goes to item t % count
        assertFieldValues("person_id", Dataset.PERSON_BASE + 1, 0, 20);
        assertFieldValues("person_id", Dataset.PERSON_BASE + 10, 18);
        assertFieldValues("organization_id", Dataset.ORGANIZATION_BASE + 1, 1, 7, 13, 19, 25);
        assertFieldValues("organization_id", Dataset.ORGANIZATION_BASE + 3, 5, 11, 17, 23, 29);
        assertFieldValues("opportunity_id", Dataset.OPPORTUNITY_BASE + 2);
        assertFieldValues("organization_id", Dataset.PERSON_BASE + 1);
        assertFieldValues("list_entry_id", Dataset.LIST_ENTRY_BASE + 1);
    }

    @Test
    void everyFieldValueBelongsToExactlyOneSeededEntity() {
        long total = LongStream.rangeClosed(1, PERSONS)
                        .map(k -> fieldValues("person_id", Dataset.PERSON_BASE + k)
                                .size())
                        .sum()
                + LongStream.rangeClosed(1, ORGANIZATIONS)
                        .map(k -> fieldValues("organization_id", Dataset.ORGANIZATION_BASE + k)
                                .size())
                        .sum()
                + LongStream.rangeClosed(1, OPPORTUNITIES)
                        .map(k -> fieldValues("opportunity_id", Dataset.OPPORTUNITY_BASE + k)
                                .size())
                        .sum();
        assertEquals(FIELD_VALUES, total);
    }

    @Test
    void withoutOtherEntitiesFieldValuesBelongToPersons() {
        try (AffinityMockServer personsOnly = AffinityMockServer.builder()
                .dataset(Dataset.builder().persons(2).fieldValues(5).build())
                .start()) {
            JsonNode values = json(new Http(personsOnly).get("/field-values?person_id=" + (Dataset.PERSON_BASE + 1)));
            assertEquals(3, values.size(), values.toString());
            assertEquals(
                    0,
                    json(new Http(personsOnly).get("/field-values?organization_id=" + (Dataset.ORGANIZATION_BASE + 1)))
                            .size());
        }
    }

    @Test
    void listEntriesGetValuesOfTheirListsFields() {
        try (AffinityMockServer withLists = AffinityMockServer.builder()
                .dataset(Dataset.builder()
                        .persons(3)
                        .opportunities(2)
                        .lists(3, 2)
                        .fieldValues(12)
                        .build())
                .start()) {
            Http listHttp = new Http(withLists);
            // targets in turn: persons (i % 2 == 0), list entries (i % 2 == 1): 6 entries, the opportunity list's last
            long opportunityEntry = Dataset.LIST_ENTRY_BASE + 5;
            JsonNode entryValues = json(listHttp.get("/field-values?list_entry_id=" + opportunityEntry));
            assertEquals(1, entryValues.size(), entryValues.toString());
            JsonNode value = entryValues.get(0);
            JsonNode list = json(listHttp.get("/lists/" + (Dataset.LIST_BASE + 3)));
            List<Long> listFields = new ArrayList<>();
            list.get("fields").forEach(f -> listFields.add(f.get("id").asLong()));
            assertTrue(listFields.contains(value.get("field_id").asLong()), value + " / " + list);
            assertEquals(
                    1,
                    json(listHttp.get("/field-values?opportunity_id="
                                    + value.get("entity_id").asLong()))
                            .size());
        }
    }

    private static void assertFieldValues(String param, long entityId, int... indexes) {
        JsonNode values = fieldValues(param, entityId);
        List<Long> expected = new ArrayList<>();
        for (int i : indexes) {
            expected.add(Dataset.FIELD_VALUE_BASE + 1 + i);
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode value : values) {
            ids.add(value.get("id").asLong());
            if (!param.equals("list_entry_id")) {
                assertEquals(entityId, value.get("entity_id").asLong(), value.toString());
            }
        }
        assertEquals(expected, ids, param + "=" + entityId);
    }

    private static JsonNode fieldValues(String param, long entityId) {
        return json(http.get("/field-values?" + param + "=" + entityId));
    }

    /** Walks every page of a listing and returns the ids in order. */
    private static List<Long> walk(String firstPage, String key) {
        List<Long> ids = new ArrayList<>();
        JsonNode page = json(http.get(firstPage));
        while (true) {
            page.get(key).forEach(item -> ids.add(item.get("id").asLong()));
            JsonNode token = page.get("next_page_token");
            if (token.isNull()) {
                return ids;
            }
            page = json(
                    http.get(firstPage + "&page_token=" + URLEncoder.encode(token.asText(), StandardCharsets.UTF_8)));
        }
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
