package io.affinity.webhook;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Instant;
import java.util.Objects;

/**
 * One event Affinity sent to a webhook URL, read by {@link WebhookParser}: its type, when it was sent, and the object
 * it is about, typed after the event (the Supported Webhook Events table): {@code list.*} carries an
 * {@link AffinityList}, {@code list_entry.*} a {@link ListEntry}, {@code note.*} a {@link Note}, {@code field.*} a
 * {@link Field}, {@code field_value.*} a {@link FieldValue}, {@code person.*} a {@link Person},
 * {@code organization.created/updated/deleted} an {@link Organization}, {@code organization.merged} an
 * {@link OrganizationMerge} (the changer, the removed and the remaining organization), {@code opportunity.*} an
 * {@link Opportunity}, {@code file.*} an {@link EntityFile} and {@code reminder.*} a {@link Reminder}. An event type
 * this SDK does not know arrives as a {@link RawEvent} with the body as JSON, and so does an
 * {@code organization.merged} whose body is not in the documented merge shape (it is documented only by example).
 *
 * <pre>{@code
 * WebhookDelivery<?> event = parser.parse(requestBody);
 * if (event instanceof WebhookDelivery.ListEntryEvent created && created.type().equals(WebhookEventType.LIST_ENTRY_CREATED)) {
 *     ListEntry entry = created.body();
 *     ...
 * }
 * }</pre>
 *
 * @param <T> the type of the body
 */
public sealed interface WebhookDelivery<T> {

    /** @return the event type, for example {@code list_entry.created} */
    WebhookEventType type();

    /** @return the object the event is about */
    T body();

    /** @return when Affinity sent the event ({@code sent_at}, in whole seconds) */
    Instant sentAt();

    /** {@code list.created}, {@code list.updated}, {@code list.deleted}. */
    record ListEvent(WebhookEventType type, AffinityList body, Instant sentAt)
            implements WebhookDelivery<AffinityList> {
        /** Checks that no component is {@code null}. */
        public ListEvent {
            check(type, body, sentAt);
        }
    }

    /** {@code list_entry.created}, {@code list_entry.deleted}. */
    record ListEntryEvent(WebhookEventType type, ListEntry body, Instant sentAt) implements WebhookDelivery<ListEntry> {
        /** Checks that no component is {@code null}. */
        public ListEntryEvent {
            check(type, body, sentAt);
        }
    }

    /** {@code note.created}, {@code note.updated}, {@code note.deleted}. */
    record NoteEvent(WebhookEventType type, Note body, Instant sentAt) implements WebhookDelivery<Note> {
        /** Checks that no component is {@code null}. */
        public NoteEvent {
            check(type, body, sentAt);
        }
    }

    /** {@code field.created}, {@code field.updated}, {@code field.deleted}. */
    record FieldEvent(WebhookEventType type, Field body, Instant sentAt) implements WebhookDelivery<Field> {
        /** Checks that no component is {@code null}. */
        public FieldEvent {
            check(type, body, sentAt);
        }
    }

    /** {@code field_value.created}, {@code field_value.updated}, {@code field_value.deleted}. */
    record FieldValueEvent(WebhookEventType type, FieldValue body, Instant sentAt)
            implements WebhookDelivery<FieldValue> {
        /** Checks that no component is {@code null}. */
        public FieldValueEvent {
            check(type, body, sentAt);
        }
    }

    /** {@code person.created}, {@code person.updated}, {@code person.deleted}. */
    record PersonEvent(WebhookEventType type, Person body, Instant sentAt) implements WebhookDelivery<Person> {
        /** Checks that no component is {@code null}. */
        public PersonEvent {
            check(type, body, sentAt);
        }
    }

    /** {@code organization.created}, {@code organization.updated}, {@code organization.deleted}. */
    record OrganizationEvent(WebhookEventType type, Organization body, Instant sentAt)
            implements WebhookDelivery<Organization> {
        /** Checks that no component is {@code null}. */
        public OrganizationEvent {
            check(type, body, sentAt);
        }
    }

    /**
     * {@code organization.merged}: its body is not an organization but the merge, with the organization that was
     * merged away ({@code removed_company}) and the one that remains ({@code company}).
     */
    record OrganizationMergedEvent(WebhookEventType type, OrganizationMerge body, Instant sentAt)
            implements WebhookDelivery<OrganizationMerge> {
        /** Checks that no component is {@code null}. */
        public OrganizationMergedEvent {
            check(type, body, sentAt);
        }
    }

    /** {@code opportunity.created}, {@code opportunity.updated}, {@code opportunity.deleted}. */
    record OpportunityEvent(WebhookEventType type, Opportunity body, Instant sentAt)
            implements WebhookDelivery<Opportunity> {
        /** Checks that no component is {@code null}. */
        public OpportunityEvent {
            check(type, body, sentAt);
        }
    }

    /** {@code file.created}, {@code file.deleted}. */
    record EntityFileEvent(WebhookEventType type, EntityFile body, Instant sentAt)
            implements WebhookDelivery<EntityFile> {
        /** Checks that no component is {@code null}. */
        public EntityFileEvent {
            check(type, body, sentAt);
        }
    }

    /** {@code reminder.created}, {@code reminder.updated}, {@code reminder.deleted}. */
    record ReminderEvent(WebhookEventType type, Reminder body, Instant sentAt) implements WebhookDelivery<Reminder> {
        /** Checks that no component is {@code null}. */
        public ReminderEvent {
            check(type, body, sentAt);
        }
    }

    /**
     * An event whose type this SDK does not know ({@link WebhookEventType#isKnown()} is false), or an
     * {@code organization.merged} whose body is not in the documented merge shape, with its body as JSON, so that
     * such events reach you instead of failing or arriving as a wrong type.
     */
    record RawEvent(WebhookEventType type, JsonNode body, Instant sentAt) implements WebhookDelivery<JsonNode> {
        /** Checks that no component is {@code null}. */
        public RawEvent {
            check(type, body, sentAt);
        }
    }

    private static void check(WebhookEventType type, Object body, Instant sentAt) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
