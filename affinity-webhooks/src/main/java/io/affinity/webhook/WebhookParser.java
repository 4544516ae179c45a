package io.affinity.webhook;

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
import io.affinity.model.OrganizationMerge;
import io.affinity.model.Person;
import io.affinity.model.Reminder;
import io.affinity.model.WebhookEventType;
import io.affinity.model.json.AffinityJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the events Affinity POSTs to a webhook URL ({@code {"type": ..., "body": {...}, "sent_at": <epoch
 * seconds>}}) into {@link WebhookDelivery}s whose body type follows the event type. Thread-safe and cheap to share;
 * parsing is synchronous and does no I/O.
 *
 * <p>Against replays, build the parser with a {@link Builder#maxAge(Duration) maxAge}: a delivery whose
 * {@code sent_at} is further from the parser's clock than that fails with a {@link StaleWebhookException}.
 * Affinity retries failed deliveries for up to 10 hours, so a maxAge shorter than your longest outage drops
 * legitimate retries.
 *
 * <pre>{@code
 * WebhookParser parser = WebhookParser.builder().maxAge(Duration.ofMinutes(15)).build();
 * WebhookDelivery<?> event = parser.parse(requestBodyBytes);
 * switch (event.type().value()) { ... }
 * }</pre>
 */
public final class WebhookParser {

    private static final int MAX_QUOTE = 100;

    private final ObjectMapper mapper;
    private final Map<WebhookEventType, BodyReader> readers;
    private final Duration maxAge;
    private final Clock clock;

    private WebhookParser(ObjectMapper mapper, Duration maxAge, Clock clock) {
        this.mapper = mapper;
        this.maxAge = maxAge;
        this.clock = clock;
        Map<WebhookEventType, BodyReader> all = new HashMap<>();
        register(
                all,
                reader(AffinityList.class, WebhookDelivery.ListEvent::new),
                WebhookEventType.LIST_CREATED,
                WebhookEventType.LIST_UPDATED,
                WebhookEventType.LIST_DELETED);
        register(
                all,
                reader(ListEntry.class, WebhookDelivery.ListEntryEvent::new),
                WebhookEventType.LIST_ENTRY_CREATED,
                WebhookEventType.LIST_ENTRY_DELETED);
        register(
                all,
                reader(Note.class, WebhookDelivery.NoteEvent::new),
                WebhookEventType.NOTE_CREATED,
                WebhookEventType.NOTE_UPDATED,
                WebhookEventType.NOTE_DELETED);
        register(
                all,
                reader(Field.class, WebhookDelivery.FieldEvent::new),
                WebhookEventType.FIELD_CREATED,
                WebhookEventType.FIELD_UPDATED,
                WebhookEventType.FIELD_DELETED);
        register(
                all,
                reader(FieldValue.class, WebhookDelivery.FieldValueEvent::new),
                WebhookEventType.FIELD_VALUE_CREATED,
                WebhookEventType.FIELD_VALUE_UPDATED,
                WebhookEventType.FIELD_VALUE_DELETED);
        register(
                all,
                reader(Person.class, WebhookDelivery.PersonEvent::new),
                WebhookEventType.PERSON_CREATED,
                WebhookEventType.PERSON_UPDATED,
                WebhookEventType.PERSON_DELETED);
        register(
                all,
                reader(Organization.class, WebhookDelivery.OrganizationEvent::new),
                WebhookEventType.ORGANIZATION_CREATED,
                WebhookEventType.ORGANIZATION_UPDATED,
                WebhookEventType.ORGANIZATION_DELETED);
        register(
                all,
                reader(OrganizationMerge.class, WebhookDelivery.OrganizationMergedEvent::new),
                WebhookEventType.ORGANIZATION_MERGED);
        register(
                all,
                reader(Opportunity.class, WebhookDelivery.OpportunityEvent::new),
                WebhookEventType.OPPORTUNITY_CREATED,
                WebhookEventType.OPPORTUNITY_UPDATED,
                WebhookEventType.OPPORTUNITY_DELETED);
        register(
                all,
                reader(EntityFile.class, WebhookDelivery.EntityFileEvent::new),
                WebhookEventType.FILE_CREATED,
                WebhookEventType.FILE_DELETED);
        register(
                all,
                reader(Reminder.class, WebhookDelivery.ReminderEvent::new),
                WebhookEventType.REMINDER_CREATED,
                WebhookEventType.REMINDER_UPDATED,
                WebhookEventType.REMINDER_DELETED);
        this.readers = Map.copyOf(all);
    }

    /** @return a parser using the model's JSON settings, accepting deliveries of any age */
    public static WebhookParser create() {
        return builder().build();
    }

    /** @return a builder of a parser, to set a {@link Builder#maxAge(Duration) maxAge} */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link WebhookParser}. Not thread-safe; the parser it builds is. */
    public static final class Builder {

        private Duration maxAge;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * Refuses deliveries whose {@code sent_at} is more than this far from now, in the past (a replay) or in the
         * future, with a {@link StaleWebhookException}. Not set: deliveries of any age are accepted.
         *
         * @param maxAge the largest accepted age, positive
         * @return this builder
         * @throws IllegalArgumentException when {@code maxAge} is null, zero or negative
         */
        public Builder maxAge(Duration maxAge) {
            if (maxAge == null || maxAge.isZero() || maxAge.isNegative()) {
                throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
            }
            this.maxAge = maxAge;
            return this;
        }

        /**
         * The clock {@code sent_at} is compared with; the system UTC clock by default. Tests pass a fixed clock.
         *
         * @param clock the clock
         * @return this builder
         * @throws IllegalArgumentException when {@code clock} is null
         */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock must not be null");
            }
            this.clock = clock;
            return this;
        }

        /** @return the parser */
        public WebhookParser build() {
            return new WebhookParser(AffinityJson.newObjectMapper(), maxAge, clock);
        }
    }

    /**
     * @param payload the request body Affinity sent, as UTF-8 bytes
     * @return the event
     * @throws WebhookPayloadException when the payload is not a readable event
     */
    public WebhookDelivery<?> parse(byte[] payload) {
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
    public WebhookDelivery<?> parse(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new WebhookPayloadException("the webhook payload is empty", null);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new WebhookPayloadException(
                    "the webhook payload is not JSON: " + e.getOriginalMessage() + " (payload starts with: "
                            + quote(payload) + ")",
                    e);
        }
        return parse(tree);
    }

    /**
     * @param payload the request body Affinity sent, already read as JSON
     * @return the event
     * @throws WebhookPayloadException when the payload is not a readable event
     */
    public WebhookDelivery<?> parse(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw new WebhookPayloadException(
                    "the webhook payload must be a JSON object {type, body, sent_at}, was "
                            + (payload == null
                                    ? "null"
                                    : payload.getNodeType().toString().toLowerCase(Locale.ROOT)),
                    null);
        }
        JsonNode typeNode = payload.get("type");
        if (typeNode == null || !typeNode.isTextual() || typeNode.asText().isBlank()) {
            throw new WebhookPayloadException("the webhook payload has no \"type\" string", null);
        }
        WebhookEventType type = WebhookEventType.of(typeNode.asText());
        JsonNode body = payload.get("body");
        if (body == null || !body.isObject()) {
            throw new WebhookPayloadException(
                    "the webhook payload of " + type.value() + " has no \"body\" object", null);
        }
        JsonNode sentAtNode = payload.get("sent_at");
        if (sentAtNode == null || !sentAtNode.isIntegralNumber() || !sentAtNode.canConvertToLong()) {
            throw new WebhookPayloadException(
                    "the webhook payload of " + type.value() + " has no \"sent_at\" integer (seconds since the epoch)",
                    null);
        }
        Instant sentAt = Instant.ofEpochSecond(sentAtNode.asLong());
        checkAge(type, sentAt);
        BodyReader reader = readers.get(type);
        if (reader == null) {
            return new WebhookDelivery.RawEvent(type, body.deepCopy(), sentAt);
        }
        try {
            return reader.read(mapper, type, body, sentAt);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            if (type.equals(WebhookEventType.ORGANIZATION_MERGED)) {
                // documented only by example: another shape is handed over as it is, never as a wrong type
                return new WebhookDelivery.RawEvent(type, body.deepCopy(), sentAt);
            }
            throw new WebhookPayloadException(
                    "the body of the " + type.value() + " webhook event is not " + reader.description() + ": "
                            + firstLine(e),
                    e);
        }
    }

    private void checkAge(WebhookEventType type, Instant sentAt) {
        if (maxAge == null) {
            return;
        }
        Duration age = Duration.between(sentAt, clock.instant());
        if (age.abs().compareTo(maxAge) > 0) {
            throw new StaleWebhookException(
                    "the webhook delivery of " + type.value() + " was sent at " + sentAt
                            + (age.isNegative() ? ", " + age.negated() + " in the future" : ", " + age + " ago")
                            + ", further than maxAge " + maxAge + " from now: refused as a possible replay",
                    sentAt,
                    age);
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

    private static void register(
            Map<WebhookEventType, BodyReader> readers, BodyReader reader, WebhookEventType... types) {
        for (WebhookEventType type : types) {
            readers.put(type, reader);
        }
    }

    private static <B> BodyReader reader(Class<B> bodyType, EventFactory<B> factory) {
        return new BodyReader() {
            @Override
            public WebhookDelivery<?> read(ObjectMapper mapper, WebhookEventType type, JsonNode body, Instant sentAt)
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
        WebhookDelivery<?> create(WebhookEventType type, B body, Instant sentAt);
    }

    /** Reads the body of the events of one body type. */
    private interface BodyReader {
        WebhookDelivery<?> read(ObjectMapper mapper, WebhookEventType type, JsonNode body, Instant sentAt)
                throws IOException;

        String description();
    }
}
