package io.affinity.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affinity.model.AffinityList;
import io.affinity.model.EntityFile;
import io.affinity.model.Field;
import io.affinity.model.FieldValue;
import io.affinity.model.ListEntry;
import io.affinity.model.Note;
import io.affinity.model.Opportunity;
import io.affinity.model.Organization;
import io.affinity.model.OrganizationMerge;
import io.affinity.model.Person;
import io.affinity.model.Reminder;
import io.affinity.model.WebhookEventType;
import io.affinity.model.json.AffinityJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookParserTest {

    private static final ObjectMapper MAPPER = AffinityJson.newObjectMapper();
    private static final String EXAMPLES = "/io/affinity/testkit/spec/examples/";

    /** Event prefix -> the event class, the body class and an example body (the spec's resource examples). */
    private static final Map<String, Expected> BY_PREFIX = Map.of(
            "list", new Expected(WebhookDelivery.ListEvent.class, AffinityList.class, "resource-AffinityList.json"),
            "list_entry",
                    new Expected(WebhookDelivery.ListEntryEvent.class, ListEntry.class, "resource-ListEntry.json"),
            "note", new Expected(WebhookDelivery.NoteEvent.class, Note.class, "resource-Note.json"),
            "field", new Expected(WebhookDelivery.FieldEvent.class, Field.class, "resource-Field.json"),
            "field_value",
                    new Expected(WebhookDelivery.FieldValueEvent.class, FieldValue.class, "resource-FieldValue.json"),
            "person", new Expected(WebhookDelivery.PersonEvent.class, Person.class, "resource-Person.json"),
            "organization",
                    new Expected(
                            WebhookDelivery.OrganizationEvent.class, Organization.class, "resource-Organization.json"),
            "opportunity",
                    new Expected(
                            WebhookDelivery.OpportunityEvent.class, Opportunity.class, "resource-Opportunity.json"),
            "file", new Expected(WebhookDelivery.EntityFileEvent.class, EntityFile.class, "resource-EntityFile.json"),
            "reminder", new Expected(WebhookDelivery.ReminderEvent.class, Reminder.class, "resource-Reminder.json"));

    private final WebhookParser parser = WebhookParser.create();

    /** organization.merged has its own body: the merge, not an organization (Help Center example). */
    private static final Expected MERGED = new Expected(
            WebhookDelivery.OrganizationMergedEvent.class, OrganizationMerge.class, "webhook-organization-merged.json");

    static Stream<Arguments> everyKnownEvent() {
        return WebhookEventType.values().stream()
                .map(type -> Arguments.of(
                        type,
                        type.equals(WebhookEventType.ORGANIZATION_MERGED)
                                ? MERGED
                                : BY_PREFIX.get(
                                        type.value().substring(0, type.value().indexOf('.')))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKnownEvent")
    void everyEventOfTheTableGetsItsTypedBody(WebhookEventType type, Expected expected) throws IOException {
        JsonNode body = example(expected.example());
        String payload = "{\"type\":\"" + type.value() + "\",\"body\":" + body + ",\"sent_at\":1631120151}";

        WebhookDelivery<?> event = parser.parse(payload.getBytes(StandardCharsets.UTF_8));

        assertInstanceOf(expected.eventClass(), event);
        assertEquals(type, event.type());
        assertEquals(Instant.ofEpochSecond(1631120151), event.sentAt());
        assertEquals(
                MAPPER.treeToValue(body, expected.bodyClass()),
                expected.bodyClass().cast(event.body()));
    }

    @Test
    void theTableHasTwentyNineEventsAndEveryOneIsMapped() {
        assertEquals(29, WebhookEventType.values().size());
        everyKnownEvent()
                .forEach(arguments -> assertTrue(
                        arguments.get()[1] != null, "mapped: " + arguments.get()[0]));
    }

    @Test
    void readsTheReferenceExample() throws IOException {
        WebhookDelivery<?> event = parser.parse(example("resource-WebhookEvent.json"));

        WebhookDelivery.ListEntryEvent created = assertInstanceOf(WebhookDelivery.ListEntryEvent.class, event);
        assertEquals(WebhookEventType.LIST_ENTRY_CREATED, created.type());
        assertEquals(388, created.body().id());
        assertEquals(26, created.body().listId());
        assertEquals(Instant.ofEpochSecond(1631120151), created.sentAt());
    }

    @Test
    void anOrganizationMergeIsTheDocumentedMergeEventNotAnOrganization() throws IOException {
        WebhookDelivery<?> event = parser.parse(example("webhook-organization-merged-event.json"));

        WebhookDelivery.OrganizationMergedEvent merged =
                assertInstanceOf(WebhookDelivery.OrganizationMergedEvent.class, event);
        assertEquals(WebhookEventType.ORGANIZATION_MERGED, merged.type());
        assertEquals(64779194, merged.body().removedCompany().id());
        assertEquals(64779195, merged.body().company().id());
        assertEquals(38706, merged.body().changer().orElseThrow().id());
        assertEquals(
                Instant.parse("2021-11-15T21:45:16Z"),
                merged.body().mergedAt().orElseThrow().toInstant());
    }

    @Test
    void aMergeInAnotherShapeArrivesRawNeverAsAWrongType() {
        String legacy = "{\"type\":\"organization.merged\",\"body\":{\"company\":{\"id\":5,\"name\":\"A\","
                + "\"global\":false},\"merged_at\":\"2021-11-15 13:45:16 -0800\"},\"sent_at\":1637012717}";

        WebhookDelivery.RawEvent raw = assertInstanceOf(WebhookDelivery.RawEvent.class, parser.parse(legacy));
        assertEquals(WebhookEventType.ORGANIZATION_MERGED, raw.type());
        assertEquals("2021-11-15 13:45:16 -0800", raw.body().get("merged_at").asText());
    }

    @Test
    void withAMaxAgeAnOldDeliveryIsRefusedAsAPossibleReplay() throws IOException {
        Instant sentAt = Instant.ofEpochSecond(1631120151);
        Clock tenMinutesLater = Clock.fixed(sentAt.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        JsonNode delivery = example("resource-WebhookEvent.json");

        WebhookParser strict = WebhookParser.builder()
                .maxAge(Duration.ofMinutes(5))
                .clock(tenMinutesLater)
                .build();
        StaleWebhookException stale = assertThrows(StaleWebhookException.class, () -> strict.parse(delivery));
        assertEquals(sentAt, stale.sentAt());
        assertEquals(Duration.ofMinutes(10), stale.age());
        assertTrue(stale.getMessage().contains("replay"), stale.getMessage());

        WebhookParser lenient = WebhookParser.builder()
                .maxAge(Duration.ofMinutes(15))
                .clock(tenMinutesLater)
                .build();
        assertEquals(sentAt, lenient.parse(delivery).sentAt());
        assertEquals(sentAt, WebhookParser.create().parse(delivery).sentAt(), "no maxAge: any age");
    }

    @Test
    void withAMaxAgeADeliveryFromTheFutureIsRefusedToo() throws IOException {
        Clock earlier = Clock.fixed(Instant.ofEpochSecond(1631120151).minus(Duration.ofHours(1)), ZoneOffset.UTC);
        WebhookParser parser = WebhookParser.builder()
                .maxAge(Duration.ofMinutes(5))
                .clock(earlier)
                .build();

        StaleWebhookException stale =
                assertThrows(StaleWebhookException.class, () -> parser.parse(example("resource-WebhookEvent.json")));
        assertEquals(Duration.ofHours(-1), stale.age());
    }

    @Test
    void aMaxAgeMustBePositiveAndTheClockGiven() {
        for (Duration bad : new Duration[] {null, Duration.ZERO, Duration.ofSeconds(-1)}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> WebhookParser.builder().maxAge(bad));
            assertTrue(e.getMessage().startsWith("maxAge"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> WebhookParser.builder().clock(null));
        assertTrue(e.getMessage().startsWith("clock"), e.getMessage());
    }

    @Test
    void anUnknownEventTypeParsesAsARawEvent() {
        WebhookDelivery<?> event = parser.parse("{\"type\":\"deal.closed\",\"body\":{\"id\":5,\"anything\":[1,2]},"
                + "\"sent_at\":1700000000,\"extra\":true}");

        WebhookDelivery.RawEvent raw = assertInstanceOf(WebhookDelivery.RawEvent.class, event);
        assertEquals("deal.closed", raw.type().value());
        assertTrue(!raw.type().isKnown());
        assertEquals(5, raw.body().get("id").asInt());
        assertEquals(2, raw.body().get("anything").size());
        assertEquals(Instant.ofEpochSecond(1700000000), raw.sentAt());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "not json",
                "{\"type\":\"person.created\",",
                "[]",
                "42",
                "{\"body\":{},\"sent_at\":1}",
                "{\"type\":7,\"body\":{},\"sent_at\":1}",
                "{\"type\":\" \",\"body\":{},\"sent_at\":1}",
                "{\"type\":\"deal.closed\",\"sent_at\":1}",
                "{\"type\":\"deal.closed\",\"body\":[],\"sent_at\":1}",
                "{\"type\":\"deal.closed\",\"body\":{}}",
                "{\"type\":\"deal.closed\",\"body\":{},\"sent_at\":\"yesterday\"}",
                "{\"type\":\"deal.closed\",\"body\":{},\"sent_at\":1.5}",
                "{\"type\":\"person.created\",\"body\":{\"first_name\":\"no id\"},\"sent_at\":1}",
                "{\"type\":\"list.created\",\"body\":{\"id\":\"not a number\"},\"sent_at\":1}"
            })
    void malformedPayloadsFailWithAClearException(String payload) {
        WebhookPayloadException failure = assertThrows(WebhookPayloadException.class, () -> parser.parse(payload));

        assertTrue(
                failure.getMessage().startsWith("the webhook payload")
                        || failure.getMessage().startsWith("the body of the "),
                failure.getMessage());
    }

    @Test
    void aBodyThatDoesNotMatchItsTypeNamesTheTypeAndTheProblem() {
        WebhookPayloadException failure = assertThrows(
                WebhookPayloadException.class,
                () -> parser.parse("{\"type\":\"person.created\",\"body\":{\"first_name\":\"no id\"},\"sent_at\":1}"));

        assertTrue(
                failure.getMessage().startsWith("the body of the person.created webhook event is not a Person: "),
                failure.getMessage());
    }

    @Test
    void nullPayloadsFail() {
        assertThrows(WebhookPayloadException.class, () -> parser.parse((String) null));
        assertThrows(WebhookPayloadException.class, () -> parser.parse((byte[]) null));
        assertThrows(WebhookPayloadException.class, () -> parser.parse((JsonNode) null));
        ObjectNode noBody =
                MAPPER.createObjectNode().put("type", "note.created").put("sent_at", 1);
        assertThrows(WebhookPayloadException.class, () -> parser.parse(noBody));
    }

    private static JsonNode example(String name) throws IOException {
        try (InputStream json = WebhookParserTest.class.getResourceAsStream(EXAMPLES + name)) {
            if (json == null) {
                throw new IllegalStateException("no example " + name + " in the testkit jar");
            }
            return MAPPER.readTree(json);
        }
    }

    record Expected(Class<?> eventClass, Class<?> bodyClass, String example) {
        @Override
        public String toString() {
            return eventClass.getSimpleName();
        }
    }
}
