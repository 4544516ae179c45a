package io.affinity.client.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affinity.model.AffinityList;
import io.affinity.model.EntityFile;
import io.affinity.model.Field;
import io.affinity.model.FieldValue;
import io.affinity.model.ListEntry;
import io.affinity.model.Note;
import io.affinity.model.Opportunity;
import io.affinity.model.Organization;
import io.affinity.model.Person;
import io.affinity.model.Reminder;
import io.affinity.model.WebhookEventType;
import io.affinity.model.json.AffinityJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the events Affinity POSTs to a webhook URL ({@code {"type": ..., "body": {...}, "sent_at": <epoch
 * seconds>}}) into {@link WebhookEvent}s whose body type follows the event type. Thread-safe and cheap to share;
 * parsing is synchronous and does no I/O.
 *
 * <pre>{@code
 * WebhookParser parser = WebhookParser.create();
 * WebhookEvent<?> event = parser.parse(requestBodyBytes);
 * switch (event.type().value()) { ... }
 * }</pre>
 */
public final class WebhookParser {

    private static final int MAX_QUOTE = 100;

    private final ObjectMapper mapper;
    private final Map<WebhookEventType, BodyReader> readers;

    private WebhookParser(ObjectMapper mapper) {
        this.mapper = mapper;
        Map<WebhookEventType, BodyReader> all = new HashMap<>();
        register(all, reader(AffinityList.class, WebhookEvent.ListEvent::new), WebhookEventType.LIST_CREATED,
                WebhookEventType.LIST_UPDATED, WebhookEventType.LIST_DELETED);
        register(all, reader(ListEntry.class, WebhookEvent.ListEntryEvent::new),
                WebhookEventType.LIST_ENTRY_CREATED, WebhookEventType.LIST_ENTRY_DELETED);
        register(all, reader(Note.class, WebhookEvent.NoteEvent::new), WebhookEventType.NOTE_CREATED,
                WebhookEventType.NOTE_UPDATED, WebhookEventType.NOTE_DELETED);
        register(all, reader(Field.class, WebhookEvent.FieldEvent::new), WebhookEventType.FIELD_CREATED,
                WebhookEventType.FIELD_UPDATED, WebhookEventType.FIELD_DELETED);
        register(all, reader(FieldValue.class, WebhookEvent.FieldValueEvent::new),
                WebhookEventType.FIELD_VALUE_CREATED, WebhookEventType.FIELD_VALUE_UPDATED,
                WebhookEventType.FIELD_VALUE_DELETED);
        register(all, reader(Person.class, WebhookEvent.PersonEvent::new), WebhookEventType.PERSON_CREATED,
                WebhookEventType.PERSON_UPDATED, WebhookEventType.PERSON_DELETED);
        register(all, reader(Organization.class, WebhookEvent.OrganizationEvent::new),
                WebhookEventType.ORGANIZATION_CREATED, WebhookEventType.ORGANIZATION_UPDATED,
                WebhookEventType.ORGANIZATION_DELETED, WebhookEventType.ORGANIZATION_MERGED);
        register(all, reader(Opportunity.class, WebhookEvent.OpportunityEvent::new),
                WebhookEventType.OPPORTUNITY_CREATED, WebhookEventType.OPPORTUNITY_UPDATED,
                WebhookEventType.OPPORTUNITY_DELETED);
        register(all, reader(EntityFile.class, WebhookEvent.EntityFileEvent::new), WebhookEventType.FILE_CREATED,
                WebhookEventType.FILE_DELETED);
        register(all, reader(Reminder.class, WebhookEvent.ReminderEvent::new), WebhookEventType.REMINDER_CREATED,
                WebhookEventType.REMINDER_UPDATED, WebhookEventType.REMINDER_DELETED);
        this.readers = Map.copyOf(all);
    }

    /** @return a parser using the model's JSON settings */
    public static WebhookParser create() {
        return new WebhookParser(AffinityJson.newObjectMapper());
    }

    /**
     * @param payload the request body Affinity sent, as UTF-8 bytes
     * @return the event
     * @throws WebhookPayloadException when the payload is not a readable event
     */
    public WebhookEvent<?> parse(byte[] payload) {
        if (payload == null) {
            throw new WebhookPayloadException("the webhook payload is null", null);
        }
        return parse(new String(payload, StandardCharsets.UTF_8));
    }

    /**
     * @param payload the request body Affinity sent
     * @return the event
     * @throws WebhookPayloadException when the payload is not a readable event
     */
    public WebhookEvent<?> parse(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new WebhookPayloadException("the webhook payload is empty", null);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new WebhookPayloadException("the webhook payload is not JSON: " + e.getOriginalMessage()
                    + " (payload starts with: " + quote(payload) + ")", e);
        }
        return parse(tree);
    }

    /**
     * @param payload the request body Affinity sent, already read as JSON
     * @return the event
     * @throws WebhookPayloadException when the payload is not a readable event
     */
    public WebhookEvent<?> parse(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw new WebhookPayloadException("the webhook payload must be a JSON object {type, body, sent_at}, was "
                    + (payload == null ? "null" : payload.getNodeType().toString().toLowerCase(Locale.ROOT)), null);
        }
        JsonNode typeNode = payload.get("type");
        if (typeNode == null || !typeNode.isTextual() || typeNode.asText().isBlank()) {
            throw new WebhookPayloadException("the webhook payload has no \"type\" string", null);
        }
        WebhookEventType type = WebhookEventType.of(typeNode.asText());
        JsonNode body = payload.get("body");
        if (body == null || !body.isObject()) {
            throw new WebhookPayloadException("the webhook payload of " + type.value()
                    + " has no \"body\" object", null);
        }
        JsonNode sentAtNode = payload.get("sent_at");
        if (sentAtNode == null || !sentAtNode.isIntegralNumber() || !sentAtNode.canConvertToLong()) {
            throw new WebhookPayloadException("the webhook payload of " + type.value()
                    + " has no \"sent_at\" integer (seconds since the epoch)", null);
        }
        Instant sentAt = Instant.ofEpochSecond(sentAtNode.asLong());
        BodyReader reader = readers.get(type);
        if (reader == null) {
            return new WebhookEvent.RawEvent(type, body.deepCopy(), sentAt);
        }
        try {
            return reader.read(mapper, type, body, sentAt);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new WebhookPayloadException("the body of the " + type.value() + " webhook event is not "
                    + reader.description() + ": " + firstLine(e), e);
        }
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String quote(String payload) {
        String flat = payload.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_QUOTE ? flat : flat.substring(0, MAX_QUOTE) + "...";
    }

    private static void register(Map<WebhookEventType, BodyReader> readers, BodyReader reader,
                                 WebhookEventType... types) {
        for (WebhookEventType type : types) {
            readers.put(type, reader);
        }
    }

    private static <B> BodyReader reader(Class<B> bodyType, EventFactory<B> factory) {
        return new BodyReader() {
            @Override
            public WebhookEvent<?> read(ObjectMapper mapper, WebhookEventType type, JsonNode body, Instant sentAt)
                    throws IOException {
                B value = mapper.treeToValue(body, bodyType);
                return factory.create(type, Objects.requireNonNull(value, "body"), sentAt);
            }

            @Override
            public String description() {
                return "a" + ("AEIOU".indexOf(bodyType.getSimpleName().charAt(0)) >= 0 ? "n " : " ")
                        + bodyType.getSimpleName();
            }
        };
    }

    /** Creates the typed event of one body type. */
    @FunctionalInterface
    private interface EventFactory<B> {
        WebhookEvent<?> create(WebhookEventType type, B body, Instant sentAt);
    }

    /** Reads the body of the events of one body type. */
    private interface BodyReader {
        WebhookEvent<?> read(ObjectMapper mapper, WebhookEventType type, JsonNode body, Instant sentAt)
                throws IOException;

        String description();
    }
}
