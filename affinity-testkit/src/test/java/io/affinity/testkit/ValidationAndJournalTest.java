package io.affinity.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationAndJournalTest {

    @Test
    void reportsARequestThatBreaksTheSpec() {
        try (AffinityMockServer server = AffinityMockServer.builder().start()) {
            Http http = new Http(server);
            HttpResponse<String> missing = http.send("POST", "/persons", "application/json", "{\"last_name\":\"Doe\"}");
            HttpResponse<String> wrongType = http.get("/persons?page_size=lots");
            HttpResponse<String> unknown = http.get("/people");

            assertEquals(400, missing.statusCode());
            assertTrue(missing.body().contains("first_name"), missing.body());
            assertEquals(400, wrongType.statusCode());
            assertTrue(wrongType.body().contains("page_size"), wrongType.body());
            assertEquals(404, unknown.statusCode());
            List<SpecViolation> violations = server.violations();
            assertEquals(3, violations.size(), violations.toString());
            assertEquals("createPerson", violations.get(0).request().operationId());
            assertTrue(violations.get(0).problems().stream().anyMatch(p -> p.contains("first_name")));
            assertTrue(violations.get(2).toString().contains("/people"));

            server.reset();
            assertTrue(server.violations().isEmpty());
        }
    }

    @Test
    void readsAFormBodyAsOpenApiDescribesIt() {
        try (AffinityMockServer server = AffinityMockServer.builder().start()) {
            Http http = new Http(server);
            String form = "application/x-www-form-urlencoded";
            HttpResponse<String> note = http.send(
                    "POST",
                    "/notes",
                    form,
                    "person_ids[]=38706&person_ids[]=624289&organization_ids[]=120611418&content=Lunch+with+Jane");
            HttpResponse<String> noContent = http.send("POST", "/notes", form, "person_ids[]=38706");
            HttpResponse<String> notAnId = http.send("POST", "/notes", form, "person_ids[]=jane&content=Hi");
            HttpResponse<String> subscribe = http.send(
                    "POST",
                    "/webhook/subscribe",
                    form,
                    "webhook_url=https%3A%2F%2Fhooks.example.com%2Fwebhook&subscriptions[]=list.created");
            HttpResponse<String> badEvent = http.send("PUT", "/webhook/1234", form, "subscriptions[]=list.exploded");

            assertEquals(200, note.statusCode(), note.body());
            assertEquals(400, noContent.statusCode());
            assertTrue(noContent.body().contains("content"), noContent.body());
            assertEquals(400, notAnId.statusCode());
            assertTrue(notAnId.body().contains("person_ids[]"), notAnId.body());
            assertEquals(200, subscribe.statusCode(), subscribe.body());
            assertEquals(400, badEvent.statusCode());
            assertEquals(3, server.violations().size(), server.violations().toString());
        }
    }

    @Test
    void fieldValueChangesTakeAtMostOneEntityFilterLikeTheClient() {
        try (AffinityMockServer server = AffinityMockServer.builder().start()) {
            Http http = new Http(server);
            assertEquals(200, http.get("/field-value-changes?field_id=236333").statusCode());
            assertEquals(
                    200,
                    http.get("/field-value-changes?field_id=236333&person_id=38706")
                            .statusCode());
            HttpResponse<String> two = http.get("/field-value-changes?field_id=236333&person_id=1&list_entry_id=2");
            assertEquals(400, two.statusCode());
            assertTrue(two.body().contains("at most one"), two.body());
            assertEquals(1, server.violations().size(), server.violations().toString());
        }
    }

    @Test
    void onlyMeetingsCallsAndChatMessagesCanBeCreatedAndAnUpdateNeedsNoPersons() {
        try (AffinityMockServer server = AffinityMockServer.builder().start()) {
            Http http = new Http(server);
            String email =
                    "{\"type\": 3, \"person_ids\": [443], \"content\": \"Hi\", \"date\": \"2021-02-07T10:56:29-08:00\"}";
            assertEquals(
                    400,
                    http.send("POST", "/interactions", "application/json", email)
                            .statusCode());
            assertEquals(
                    200,
                    http.send("POST", "/interactions", "application/json", email.replace("3,", "2,"))
                            .statusCode());
            assertEquals(
                    200,
                    http.send(
                                    "PUT",
                                    "/interactions/3007",
                                    "application/json",
                                    "{\"type\": 0, \"content\": \"Update interaction from external API.\"}")
                            .statusCode());
            assertEquals(
                    400,
                    http.send("PUT", "/interactions/3007", "application/json", "{\"type\": 0, \"person_ids\": []}")
                            .statusCode());
            assertEquals(2, server.violations().size(), server.violations().toString());
        }
    }

    @Test
    void canLeaveValidationOff() {
        try (AffinityMockServer server =
                AffinityMockServer.builder().validateRequests(false).start()) {
            HttpResponse<String> response = new Http(server).send("POST", "/persons", "application/json", "{}");
            assertEquals(200, response.statusCode());
            assertTrue(server.violations().isEmpty());
        }
    }

    @Test
    void journalsEveryRequestInOrder() {
        try (AffinityMockServer server = AffinityMockServer.builder().start()) {
            Http http = new Http(server);
            http.get("/persons?term=doe&page_size=2");
            http.send("POST", "/notes", "application/json", "{\"person_ids\":[1],\"content\":\"Hi\"}");
            http.get("/persons/38706");
            http.get("/persons?term=ann");

            RequestJournal journal = server.journal();
            assertEquals(4, journal.size());
            assertEquals(Map.of("searchPersons", 2, "createNote", 1, "getPerson", 1), journal.counts());
            assertEquals(2, journal.count("searchPersons"));
            RecordedRequest first = journal.requests().get(0);
            assertEquals("GET", first.method());
            assertEquals("/persons", first.path());
            assertEquals(Map.of("term", List.of("doe"), "page_size", List.of("2")), first.query());
            RecordedRequest note = journal.requests().get(1);
            assertEquals("{\"person_ids\":[1],\"content\":\"Hi\"}", note.body());
            assertEquals(
                    "ann",
                    journal.requests("searchPersons")
                            .get(1)
                            .queryParameter("term")
                            .orElseThrow());

            server.reset();
            assertEquals(0, server.journal().size());
        }
    }
}
