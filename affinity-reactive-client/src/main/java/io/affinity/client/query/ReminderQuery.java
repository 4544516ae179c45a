package io.affinity.client.query;

import io.affinity.model.ReminderResetType;
import io.affinity.model.ReminderStatus;
import io.affinity.model.ReminderType;
import io.affinity.model.value.DateOrDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Which reminders {@code GET /reminders} returns; every filter is optional, but filtering on recurring
 * reminders ({@code type} {@link ReminderType#RECURRING}) needs a {@code resetType}.
 *
 * <pre>{@code
 * ReminderQuery query = ReminderQuery.builder().ownerId(443).status(ReminderStatus.OVERDUE).build();
 * }</pre>
 */
@Value.Immutable
public abstract class ReminderQuery {

    /** The largest {@code page_size} the API accepts for reminders (also its default). */
    public static final int MAX_PAGE_SIZE = 500;

    /** @return a new builder */
    public static ImmutableReminderQuery.Builder builder() {
        return ImmutableReminderQuery.builder();
    }

    /**
     * {@code person_id}: reminders tagged with this person.
     *
     * @return the person id, positive
     */
    public abstract OptionalLong personId();

    /**
     * {@code organization_id}: reminders tagged with this organization.
     *
     * @return the organization id, positive
     */
    public abstract OptionalLong organizationId();

    /**
     * {@code opportunity_id}: reminders tagged with this opportunity.
     *
     * @return the opportunity id, positive
     */
    public abstract OptionalLong opportunityId();

    /**
     * {@code creator_id}: reminders created by this internal person.
     *
     * @return the creator's person id, positive
     */
    public abstract OptionalLong creatorId();

    /**
     * {@code owner_id}: reminders assigned to this internal person.
     *
     * @return the owner's person id, positive
     */
    public abstract OptionalLong ownerId();

    /**
     * {@code completer_id}: reminders completed by this internal person.
     *
     * @return the completer's person id, positive
     */
    public abstract OptionalLong completerId();

    /**
     * {@code type}: one-time or recurring reminders. Recurring needs {@link #resetType()}.
     *
     * @return the reminder type
     */
    public abstract Optional<ReminderType> type();

    /**
     * {@code reset_type}: recurring reminders reset by this kind of interaction; required when {@link #type()}
     * is {@link ReminderType#RECURRING}.
     *
     * @return the reset type
     */
    public abstract Optional<ReminderResetType> resetType();

    /**
     * {@code status}: completed, active or overdue reminders.
     *
     * @return the status
     */
    public abstract Optional<ReminderStatus> status();

    /**
     * {@code due_before}: reminders due before this date or time, for example
     * {@code DateOrDateTime.of(LocalDate.of(2021, 11, 30))} or {@code DateOrDateTime.of(offsetDateTime)}.
     *
     * @return the date ({@code yyyy-MM-dd}) or the time (ISO 8601 with its offset), sent as it is
     */
    public abstract Optional<DateOrDateTime> dueBefore();

    /**
     * {@code due_after}: reminders due after this date or time.
     *
     * @return the date ({@code yyyy-MM-dd}) or the time (ISO 8601 with its offset), sent as it is
     */
    public abstract Optional<DateOrDateTime> dueAfter();

    /**
     * {@code page_size}: how many reminders each request fetches, 1 to {@value #MAX_PAGE_SIZE}; the server's
     * default ({@value #MAX_PAGE_SIZE}) when not set.
     *
     * @return the page size
     */
    public abstract OptionalInt pageSize();
}
