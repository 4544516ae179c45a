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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Walks a whole seeded dataset over HTTP, as a client would see it, and checks that every id reference resolves to an
 * item the server serves, that relations read the same from both sides, and that every field value is a value of its
 * field's type.
 */
class DatasetConsistencyTest {

    private static final int SIZE = 24;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String RANGE = "&start_time=2024-06-01T00:00:00Z&end_time=2025-01-01T00:00:00Z";

    @Test
    void everyReferenceOfTheSeededDatasetResolvesAndEveryValueHasItsFieldsType() {
        try (AffinityMockServer server =
                AffinityMockServer.builder().dataset(Dataset.ofSize(SIZE)).start()) {
            Http http = new Http(server);
            Map<Long, JsonNode> persons = byId(walk(http, "/persons?page_size=7", "persons"));
            Map<Long, JsonNode> organizations = byId(walk(http, "/organizations?page_size=7", "organizations"));
            Map<Long, JsonNode> opportunities = byId(walk(http, "/opportunities?page_size=7", "opportunities"));
            assertEquals(SIZE, persons.size());
            assertEquals(SIZE, organizations.size());
            assertEquals(SIZE, opportunities.size());
            JsonNode internal = json(http.get("/persons/" + Dataset.PERSON_BASE));
            assertEquals(1, internal.get("type").asInt(), "the API key's user is an internal person");
            assertEquals(
                    Dataset.PERSON_BASE,
                    json(http.get("/auth/whoami")).get("user").get("id").asLong());
            Set<Long> anyPerson = new HashSet<>(persons.keySet());
            anyPerson.add(Dataset.PERSON_BASE);

            // persons <-> organizations, read from both sides through GET by id
            for (long personId : persons.keySet()) {
                JsonNode person = json(http.get("/persons/" + personId));
                for (JsonNode organizationId : person.get("organization_ids")) {
                    assertTrue(organizations.containsKey(organizationId.asLong()), person.toString());
                    assertTrue(ids(organizations.get(organizationId.asLong()).get("person_ids"))
                            .contains(personId));
                }
                for (JsonNode entry : person.get("list_entries")) {
                    assertEquals(personId, entry.get("entity_id").asLong());
                }
            }
            for (JsonNode organization : organizations.values()) {
                for (long personId : ids(organization.get("person_ids"))) {
                    assertTrue(persons.containsKey(personId), organization.toString());
                }
            }

            // lists, their fields and entries; opportunities live in exactly one entry of a list of opportunities
            JsonNode lists = json(http.get("/lists"));
            assertEquals(3, lists.size());
            Map<Long, JsonNode> fields = byId(json(http.get("/fields")));
            Map<Long, JsonNode> entries = new HashMap<>();
            Map<Long, Integer> entriesPerOpportunity = new HashMap<>();
            Set<Long> listFieldIds = new HashSet<>();
            for (JsonNode list : lists) {
                long listId = list.get("id").asLong();
                int type = list.get("type").asInt();
                JsonNode full = json(http.get("/lists/" + listId));
                assertFalse(full.get("fields").isEmpty(), "a list declares its fields");
                for (JsonNode field : full.get("fields")) {
                    assertEquals(listId, field.get("list_id").asLong());
                    assertEquals(field, fields.get(field.get("id").asLong()), "GET /fields returns the list's fields");
                    listFieldIds.add(field.get("id").asLong());
                }
                List<JsonNode> listEntries =
                        walk(http, "/lists/" + listId + "/list-entries?page_size=10", "list_entries");
                assertEquals(list.get("list_size").asInt(), listEntries.size());
                for (JsonNode entry : listEntries) {
                    entries.put(entry.get("id").asLong(), entry);
                    long entityId = entry.get("entity_id").asLong();
                    assertEquals(entityId, entry.get("entity").get("id").asLong());
                    Map<Long, JsonNode> ofType = type == 0 ? persons : type == 1 ? organizations : opportunities;
                    assertTrue(ofType.containsKey(entityId), entry.toString());
                    assertTrue(anyPerson.contains(entry.get("creator_id").asLong()));
                    if (type == 8) {
                        entriesPerOpportunity.merge(entityId, 1, Integer::sum);
                        JsonNode opportunity = json(http.get("/opportunities/" + entityId));
                        assertEquals(
                                entry.get("id").asLong(),
                                opportunity.get("list_entries").get(0).get("id").asLong());
                    }
                }
            }
            assertTrue(entriesPerOpportunity.values().stream().allMatch(n -> n == 1), entriesPerOpportunity.toString());
            for (JsonNode opportunity : opportunities.values()) {
                ids(opportunity.get("person_ids"))
                        .forEach(id -> assertTrue(persons.containsKey(id), opportunity.toString()));
                ids(opportunity.get("organization_ids"))
                        .forEach(id -> assertTrue(organizations.containsKey(id), opportunity.toString()));
            }

            // global fields: GET /fields = person fields + organization fields + list fields
            Set<Long> global = new HashSet<>();
            json(http.get("/persons/fields"))
                    .forEach(f -> global.add(f.get("id").asLong()));
            json(http.get("/organizations/fields"))
                    .forEach(f -> global.add(f.get("id").asLong()));
            Set<Long> union = new HashSet<>(global);
            union.addAll(listFieldIds);
            assertEquals(fields.keySet(), union);

            // field values: of an existing field, entity and entry, with a value of the field's type
            Set<Integer> typesSeen = new TreeSet<>();
            List<JsonNode> values = new ArrayList<>();
            persons.keySet()
                    .forEach(id ->
                            json(http.get("/field-values?person_id=" + id)).forEach(values::add));
            organizations
                    .keySet()
                    .forEach(id -> json(http.get("/field-values?organization_id=" + id))
                            .forEach(values::add));
            opportunities
                    .keySet()
                    .forEach(id ->
                            json(http.get("/field-values?opportunity_id=" + id)).forEach(values::add));
            assertEquals(
                    SIZE,
                    new HashSet<>(values.stream().map(v -> v.get("id").asLong()).toList()).size());
            for (JsonNode value : values) {
                JsonNode field = fields.get(value.get("field_id").asLong());
                assertTrue(field != null, "the field of " + value);
                if (field.get("list_id").isNull()) {
                    assertTrue(value.get("list_entry_id").isNull(), value.toString());
                } else {
                    JsonNode entry = entries.get(value.get("list_entry_id").asLong());
                    assertEquals(
                            field.get("list_id").asLong(), entry.get("list_id").asLong(), value.toString());
                    assertEquals(
                            entry.get("entity_id").asLong(),
                            value.get("entity_id").asLong(),
                            value.toString());
                }
                int type = field.get("value_type").asInt();
                typesSeen.add(type);
                assertValueOfType(type, field, value.get("value"), anyPerson, organizations.keySet());
                if (field.get("track_changes").asBoolean()) {
                    JsonNode changes = json(http.get(
                            "/field-value-changes?field_id=" + field.get("id").asLong() + "&action_type=0&person_id="
                                    + value.get("entity_id").asLong()));
                    // entity ids are unique across kinds, so person_id only matches persons' changes
                    if (persons.containsKey(value.get("entity_id").asLong())) {
                        assertTrue(changes.findValues("value").contains(value.get("value")), changes.toString());
                    }
                }
            }
            assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7), typesSeen, "every FieldValueType occurs");

            // notes, reminders, entity files, interactions and relationship strengths name existing items
            for (JsonNode note : walk(http, "/notes?page_size=10", "notes")) {
                ids(note.get("person_ids")).forEach(id -> assertTrue(anyPerson.contains(id), note.toString()));
                ids(note.get("organization_ids"))
                        .forEach(id -> assertTrue(organizations.containsKey(id), note.toString()));
                ids(note.get("opportunity_ids"))
                        .forEach(id -> assertTrue(opportunities.containsKey(id), note.toString()));
                assertTrue(anyPerson.contains(note.get("creator_id").asLong()));
            }
            for (JsonNode reminder : walk(http, "/reminders?page_size=10", "reminders")) {
                for (String role : List.of("creator", "owner", "person")) {
                    assertTrue(anyPerson.contains(reminder.get(role).get("id").asLong()), reminder.toString());
                }
            }
            for (JsonNode file : walk(http, "/entity-files?page_size=10", "entity_files")) {
                assertTrue(persons.containsKey(file.get("person_id").asLong()), file.toString());
                assertTrue(anyPerson.contains(file.get("uploader_id").asLong()));
                HttpResponse<String> content =
                        http.get("/entity-files/download/" + file.get("id").asLong());
                assertEquals(file.get("size").asInt(), content.body().length());
            }
            int interactions = 0;
            for (int type = 0; type <= 3; type++) {
                String key = type == 2 ? "chat_messages" : type == 3 ? "emails" : "events";
                for (JsonNode interaction : walk(
                        http,
                        "/interactions?type=" + type + "&person_id=" + Dataset.PERSON_BASE + RANGE + "&page_size=10",
                        key)) {
                    interactions++;
                    for (String role : List.of("persons", "to")) {
                        interaction
                                .path(role)
                                .forEach(p -> assertTrue(
                                        anyPerson.contains(p.get("id").asLong()), interaction.toString()));
                    }
                    if (interaction.has("from")) {
                        assertTrue(anyPerson.contains(
                                interaction.get("from").get("id").asLong()));
                    }
                }
            }
            assertEquals(4 * SIZE, interactions);
            JsonNode strengths = json(http.get("/relationships-strengths?external_id=" + (Dataset.PERSON_BASE + 1)));
            assertEquals(1, strengths.size(), strengths.toString());
            assertEquals(
                    Dataset.PERSON_BASE, strengths.get(0).get("internal_id").asLong());
            JsonNode dated = json(http.get("/persons/" + (Dataset.PERSON_BASE + 1) + "?with_interaction_dates=true"));
            assertEquals(
                    interactionDate(http, 3, Dataset.PERSON_BASE + 1),
                    dated.get("interaction_dates").get("last_email_date").asText());
            assertTrue(server.violations().isEmpty(), () -> server.violations().toString());
        }
    }

    /** The date of the latest interaction of a type with a person. */
    private static String interactionDate(Http http, int type, long personId) {
        JsonNode page = json(http.get("/interactions?type=" + type + "&person_id=" + personId + RANGE));
        return page.get(type == 3 ? "emails" : "events").get(0).get("date").asText();
    }

    private static void assertValueOfType(
            int type, JsonNode field, JsonNode value, Set<Long> persons, Set<Long> organizations) {
        String what = field.get("name").asText() + " = " + value;
        switch (type) {
            case 0 -> assertTrue(value.isIntegralNumber() && persons.contains(value.asLong()), what);
            case 1 -> assertTrue(value.isIntegralNumber() && organizations.contains(value.asLong()), what);
            case 2 ->
                assertTrue(
                        value.isTextual()
                                && field.get("dropdown_options")
                                        .findValuesAsText("text")
                                        .contains(value.asText()),
                        what);
            case 3 -> assertTrue(value.isNumber(), what);
            case 4 -> assertTrue(value.isTextual() && OffsetDateTime.parse(value.asText()) != null, what);
            case 5 -> assertTrue(value.isObject() && value.has("city") && value.has("country"), what);
            case 6 -> assertTrue(value.isTextual(), what);
            case 7 ->
                assertTrue(
                        value.isObject()
                                && field.get("dropdown_options")
                                        .findValues("id")
                                        .contains(value.get("id"))
                                && field.get("dropdown_options").toString().contains(value.toString()),
                        what);
            default -> throw new AssertionError("unknown value type " + type);
        }
    }

    private static Set<Long> ids(JsonNode array) {
        Set<Long> ids = new HashSet<>();
        array.forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    private static Map<Long, JsonNode> byId(Iterable<JsonNode> items) {
        Map<Long, JsonNode> map = new HashMap<>();
        items.forEach(item -> map.put(item.get("id").asLong(), item));
        return map;
    }

    private static List<JsonNode> walk(Http http, String firstPage, String key) {
        List<JsonNode> items = new ArrayList<>();
        JsonNode page = json(http.get(firstPage));
        while (true) {
            page.get(key).forEach(items::add);
            JsonNode token = page.get("next_page_token");
            if (token == null || token.isNull()) {
                return items;
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
