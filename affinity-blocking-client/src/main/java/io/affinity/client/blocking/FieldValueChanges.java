package io.affinity.client.blocking;

import io.affinity.client.query.FieldValueChangeQuery;
import io.affinity.client.recipes.QuotaPolicy;
import io.affinity.model.FieldValueChange;
import java.util.List;

/**
 * The history of the values of fields that track changes.
 *
 * <p>Blocking twin of {@link io.affinity.client.FieldValueChanges}: the same methods and arguments, returning values.
 * Arguments are checked before anything is sent ({@link IllegalArgumentException} naming the
 * parameter); call failures are thrown as the reactive client's
 * {@link io.affinity.client.error.AffinityException} types.
 */
public final class FieldValueChanges {

    private final io.affinity.client.FieldValueChanges reactive;

    FieldValueChanges(io.affinity.client.FieldValueChanges reactive) {
        this.reactive = reactive;
    }

    /**
     * Lists the changes of one field's values ({@code GET /field-value-changes}).
     *
     * @param query {@code fieldId} (required, positive), optionally {@code actionType} and at most one of
     *              {@code personId}, {@code organizationId}, {@code opportunityId} or {@code listEntryId}
     *              (positive)
     * @return the changes; throws {@link IllegalArgumentException} before sending when the query breaks
     *         these rules, and with an {@link io.affinity.client.error.AffinityException} when the call fails (for
     *         example a field that does not track changes)
     */
    public List<FieldValueChange> list(FieldValueChangeQuery query) {
        return Blocking.list(reactive.list(query));
    }

    /**
     * The history of a status field found by list and name, typed, oldest first: blocking twin of
     * {@link io.affinity.client.FieldValueChanges#history(long, String)}.
     *
     * @param listId    the list id, positive
     * @param fieldName the field's name (case-insensitive) or id; not blank
     * @return the changes, oldest first
     */
    public List<FieldValueChange> history(long listId, String fieldName) {
        return Blocking.list(reactive.history(listId, fieldName));
    }

    /**
     * The history of a status field, with a choice of what happens when the monthly quota cannot cover it:
     * blocking twin of {@link io.affinity.client.FieldValueChanges#history(long, String, QuotaPolicy)}.
     *
     * @param listId      the list id, positive
     * @param fieldName   the field's name (case-insensitive) or id; not blank
     * @param quotaPolicy refuse or warn
     * @return the changes, oldest first
     */
    public List<FieldValueChange> history(long listId, String fieldName, QuotaPolicy quotaPolicy) {
        return Blocking.list(reactive.history(listId, fieldName, quotaPolicy));
    }
}
