package io.affinity.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stateful fake's rules over raw HTTP: what writes refuse, what they take along, concurrency and reset. */
class StatefulWritesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
    private static final TestClock CLOCK = TestClock.startingAt(START);
    private static final long PERSON = Dataset.PERSON_BASE + 1;
    private static final long OPPORTUNITY_LIST = Dataset.LIST_BASE + 3;

    @RegisterExtension
    static final AffinityMockServerExtension AFFINITY = AffinityMockServerExtension.builder()
            .server(AffinityMockServer.builder()
                    .perMinuteLimit(100_000)
                    .clock(CLOCK)
                    .dataset(Dataset.builder()
                            .persons(4)
                            .organizations(2)
                            .opportunities(3)
                            .lists(3, 3)
                            .fieldValues(30)
                            .build()))
            .build();

    private static AffinityMockServer server;
    private static Http http;

    @BeforeAll
    static void connect() {
        http = new Http(server);
    }

    private static HttpResponse<String> post(String path, String json) {
        return http.send("POST", path, "application/json", json);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/persons|{\"first_name\":\"A\",\"last_name\":\"B\",\"emails\":[\"alice.yen1@example.com\"]}|belongs to person",
                "/persons|{\"first_name\":\"A\",\"last_name\":\"B\",\"emails\":[],\"organization_ids\":[42]}|does not exist",
                "/notes|{\"content\":\"orphan\"}|At least one of",
                "/opportunities|{\"name\":\"X\",\"list_id\":4000001}|not a list of opportunities",
                "/lists/4000003/list-entries|{\"entity_id\":3000001}|POST /opportunities",
                "/lists/4000001/list-entries|{\"entity_id\":2000001}|does not exist",
                "/field-values|{\"field_id\":11000007,\"entity_id\":1000001,\"value\":\"many\"}|must be a number",
                "/field-values|{\"field_id\":11000101,\"entity_id\":1000001,\"value\":1}|list_entry_id",
                "/reminders|{\"owner_id\":1000000,\"type\":0}|due_date is required",
                "/reminders|{\"owner_id\":1000001,\"type\":0,\"due_date\":\"2025-04-01T00:00:00Z\"}|not an internal person",
                "/interactions|{\"type\":0,\"person_ids\":[1000001],\"content\":\"c\",\"date\":\"2025-01-01T00:00:00Z\"}|internal"
            })
    void refusesWhatTheReferenceRefusesWith422(String path, String body, String reason) {
        HttpResponse<String> response = post(path, body);
        assertEquals(422, response.statusCode(), response.body());
        assertTrue(response.body().contains(reason), response.body());
    }

    @Test
    void deletingAnOpportunitysListEntryDeletesTheOpportunityAndItsValues() {
        JsonNode entry =
                json(http.get("/lists/" + OPPORTUNITY_LIST + "/list-entries")).get(0);
        long opportunity = entry.get("entity_id").asLong();
        assertFalse(
                json(http.get("/field-values?list_entry_id=" + entry.get("id").asLong()))
                        .isEmpty());
        assertEquals(
                200,
                http.send(
                                "DELETE",
                                "/lists/" + OPPORTUNITY_LIST + "/list-entries/"
                                        + entry.get("id").asLong(),
                                null,
                                null)
                        .statusCode());
        assertEquals(404, http.get("/opportunities/" + opportunity).statusCode());
        assertEquals(
                2, json(http.get("/lists/" + OPPORTUNITY_LIST)).get("list_size").asInt());
        assertTrue(
                json(http.get("/field-values?list_entry_id=" + entry.get("id").asLong()))
                        .isEmpty());
    }

    @Test
    void deletingAPersonTakesAlongItsEntriesValuesAndMemberships() {
        assertFalse(json(http.get("/field-values?person_id=" + PERSON)).isEmpty());
        assertEquals(200, http.send("DELETE", "/persons/" + PERSON, null, null).statusCode());
        assertEquals(404, http.get("/persons/" + PERSON).statusCode());
        assertEquals(404, http.send("DELETE", "/persons/" + PERSON, null, null).statusCode());
        assertTrue(json(http.get("/field-values?person_id=" + PERSON)).isEmpty());
        assertEquals(
                2,
                json(http.get("/lists/" + (Dataset.LIST_BASE + 1)))
                        .get("list_size")
                        .asInt());
        for (JsonNode organization : json(http.get("/organizations")).get("organizations")) {
            assertFalse(
                    organization.get("person_ids").toString().contains(Long.toString(PERSON)), organization.toString());
        }
        assertTrue(server.state().persons().stream().noneMatch(p -> p.id() == PERSON));
    }

    @Test
    void acceptsFormBodies() {
        // request validation of form bodies is left out here: the point is what the store makes of them
        try (AffinityMockServer lenient = AffinityMockServer.builder()
                .validateRequests(false)
                .dataset(Dataset.builder().persons(2).build())
                .start()) {
            Http lenientHttp = new Http(lenient);
            HttpResponse<String> created = lenientHttp.send(
                    "POST",
                    "/notes",
                    "application/x-www-form-urlencoded",
                    "person_ids[]=" + PERSON + "&person_ids[]=" + (PERSON + 1) + "&content=Had+lunch");
            assertEquals(200, created.statusCode(), created.body());
            JsonNode note =
                    json(lenientHttp.get("/notes/" + json(created).get("id").asLong()));
            assertEquals("Had lunch", note.get("content").asText());
            assertEquals(2, note.get("person_ids").size());
            HttpResponse<String> hook = lenientHttp.send(
                    "POST",
                    "/webhook/subscribe",
                    "application/x-www-form-urlencoded",
                    "webhook_url=https%3A%2F%2Fhooks.example.com%2Fwebhook");
            assertEquals(
                    "https://hooks.example.com/webhook",
                    json(hook).get("webhook_url").asText());
        }
    }

    @Test
    void aRecurringReminderIsResetWhenCompleted() {
        JsonNode created = json(post(
                "/reminders",
                "{\"owner_id\":" + Dataset.PERSON_BASE
                        + ",\"type\":1,\"reset_type\":2,\"reminder_days\":7,\"content\":\"Weekly\"}"));
        assertEquals(START.plus(Duration.ofDays(7)), instant(created.get("due_date")));
        CLOCK.advance(Duration.ofDays(8));
        long id = created.get("id").asLong();
        assertEquals(2, json(http.get("/reminders/" + id)).get("status").asInt(), "overdue");
        JsonNode completed = json(http.send("PUT", "/reminders/" + id, "application/json", "{\"is_completed\":1}"));
        assertEquals(1, completed.get("status").asInt(), "active again");
        assertEquals(CLOCK.instant().plus(Duration.ofDays(7)), instant(completed.get("due_date")));
        assertEquals(CLOCK.instant(), instant(completed.get("completed_at")));
        CLOCK.set(START);
    }

    @Test
    void aMeetingWithTheTaggedPersonResetsARecurringReminderAndDatesThePersonInSearches() {
        long reminder = json(post(
                        "/reminders",
                        "{\"owner_id\":" + Dataset.PERSON_BASE + ",\"person_id\":" + PERSON
                                + ",\"type\":1,\"reset_type\":2,\"reminder_days\":7}"))
                .get("id")
                .asLong();
        HttpResponse<String> meeting = post(
                "/interactions",
                "{\"type\":0,\"person_ids\":[" + Dataset.PERSON_BASE + "," + PERSON
                        + "],\"content\":\"Sync\",\"date\":\"2025-03-03T12:00:00Z\"}");
        assertEquals(200, meeting.statusCode(), meeting.body());
        assertEquals(
                Instant.parse("2025-03-10T12:00:00Z"),
                instant(json(http.get("/reminders/" + reminder)).get("due_date")));

        JsonNode dated = json(http.get("/persons?with_interaction_dates=true&with_interaction_persons=true"))
                .get("persons");
        assertEquals(1, dated.size(), "only persons with interactions: " + dated);
        assertEquals(PERSON, dated.get(0).get("id").asLong());
        assertEquals(
                Instant.parse("2025-03-03T12:00:00Z"),
                instant(dated.get(0).get("interaction_dates").get("next_event_date")),
                "after the clock's now");
        assertEquals(
                Dataset.PERSON_BASE,
                dated.get(0)
                        .get("interactions")
                        .get("next_event")
                        .get("person_ids")
                        .get(0)
                        .asLong());
        assertEquals(
                0,
                json(http.get("/persons?with_interaction_dates=true&min_next_event_date=2025-04-01T00:00:00Z"))
                        .get("persons")
                        .size());
        JsonNode organizations =
                json(http.get("/organizations?with_interaction_dates=true")).get("organizations");
        assertEquals(1, organizations.size(), organizations.toString());
        assertEquals(
                Dataset.ORGANIZATION_BASE + 1, organizations.get(0).get("id").asLong());
    }

    @Test
    void createdChatMessagesAreNarrowedByDirectionAndInternalPerson() {
        for (int direction = 0; direction <= 1; direction++) {
            assertEquals(
                    200,
                    post(
                                    "/interactions",
                                    "{\"type\":2,\"direction\":" + direction + ",\"person_ids\":["
                                            + Dataset.PERSON_BASE + "," + PERSON
                                            + "],\"content\":\"hi\",\"date\":\"2025-02-0" + (direction + 1)
                                            + "T12:00:00Z\"}")
                            .statusCode());
        }
        String february = "/interactions?type=2&person_id=" + PERSON
                + "&start_time=2025-02-01T00:00:00Z&end_time=2025-03-01T00:00:00Z";
        assertEquals(2, json(http.get(february)).get("chat_messages").size());
        JsonNode received = json(http.get(february + "&direction=1")).get("chat_messages");
        assertEquals(1, received.size());
        assertEquals(
                "2025-02-02T12:00:00Z",
                OffsetDateTime.parse(received.get(0).get("date").asText())
                        .toInstant()
                        .toString(),
                "newest first, the received one");
        assertEquals(
                2,
                json(http.get(february + "&internal_person_id=" + Dataset.PERSON_BASE + "&logging_type=1"))
                        .get("chat_messages")
                        .size());
        assertEquals(
                0,
                json(http.get(february + "&internal_person_id=" + (Dataset.PERSON_BASE + 2)))
                        .get("chat_messages")
                        .size());
    }

    @Test
    void concurrentCreatesGetDistinctIdsAndAllShowUp() throws Exception {
        int before = json(http.get("/notes")).get("notes").size();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> ids = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                int n = i;
                ids.add(pool.submit(
                        () -> json(post("/notes", "{\"person_ids\":[" + PERSON + "],\"content\":\"n" + n + "\"}"))
                                .get("id")
                                .asLong()));
            }
            Set<Long> distinct = new HashSet<>();
            for (Future<Long> id : ids) {
                distinct.add(id.get());
            }
            assertEquals(120, distinct.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 120, json(http.get("/notes")).get("notes").size());
        assertEquals(before + 120, server.state().notes().size());
    }

    @Test
    void aRefusedWriteChangesNothingButOneWhoseResponseIsLostIsApplied() {
        String note = "{\"person_ids\":[" + PERSON + "],\"content\":\"maybe\"}";
        server.failNext("createNote", 1, Failure.status(503));
        assertEquals(503, post("/notes", note).statusCode());
        assertEquals(0, server.state().notes().size());
        server.failNext("createNote", 1, Failure.connectionReset());
        Object failed = Http.sendOrFailure(http.request("/notes")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(note))
                .build());
        assertTrue(failed instanceof IOException, failed.toString());
        assertEquals(1, server.state().notes().size(), "the server did the work before the connection broke");
    }

    @Test
    void resetServesTheSeededDataAgain() {
        long id = json(post("/persons", "{\"first_name\":\"New\",\"last_name\":\"Comer\",\"emails\":[]}"))
                .get("id")
                .asLong();
        assertEquals(200, http.get("/persons/" + id).statusCode());
        server.reset();
        assertEquals(404, http.get("/persons/" + id).statusCode());
        assertEquals(4, server.state().persons().size());
    }

    @Test
    void anEmptyStatefulDatasetStartsEmptyInsteadOfAnsweringFixtures() {
        try (AffinityMockServer empty =
                AffinityMockServer.builder().dataset(Dataset.builder().build()).start()) {
            Http emptyHttp = new Http(empty);
            assertEquals(0, json(emptyHttp.get("/notes")).get("notes").size());
            assertEquals(0, json(emptyHttp.get("/webhook")).size());
            assertEquals(7, json(emptyHttp.get("/persons/fields")).size(), "the global fields are always there");
            HttpResponse<String> created = emptyHttp.send(
                    "POST",
                    "/organizations",
                    "application/json",
                    "{\"name\":\"Acme Corporation\",\"domain\":\"acme.co\"}");
            assertEquals(200, created.statusCode(), created.body());
            JsonNode found = json(emptyHttp.get("/organizations?term=acme"));
            assertEquals(1, found.get("organizations").size());
            assertEquals(
                    List.of("Acme Corporation"),
                    empty.state().organizations().stream().map(o -> o.name()).toList());
        }
    }

    private static Instant instant(JsonNode text) {
        return OffsetDateTime.parse(text.asText()).toInstant();
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
