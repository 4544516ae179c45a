package io.affinity.client.query;

import io.affinity.model.FieldValueChangeAction;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Which changes {@code GET /field-value-changes} returns: those of one field ({@code fieldId}, required),
 * optionally of one action type and of at most one person, organization, opportunity or list entry.
 *
 * <pre>{@code
 * FieldValueChangeQuery query = FieldValueChangeQuery.builder()
 *         .fieldId(236333)
 *         .listEntryId(15709964)
 *         .actionType(FieldValueChangeAction.UPDATE)
 *         .build();
 * }</pre>
 */
@Value.Immutable
public abstract class FieldValueChangeQuery {

    /** @return a new builder */
    public static ImmutableFieldValueChangeQuery.Builder builder() {
        return ImmutableFieldValueChangeQuery.builder();
    }

    /**
     * {@code field_id} (required): the field whose value changes are returned. The field must track changes.
     *
     * @return the field id, positive
     */
    public abstract OptionalLong fieldId();

    /**
     * {@code action_type}: only changes of this kind (create, delete, update).
     *
     * @return the action type
     */
    public abstract Optional<FieldValueChangeAction> actionType();

    /**
     * {@code person_id}: only changes of this person's values. At most one entity filter may be set.
     *
     * @return the person id, positive
     */
    public abstract OptionalLong personId();

    /**
     * {@code organization_id}: only changes of this organization's values. At most one entity filter may be set.
     *
     * @return the organization id, positive
     */
    public abstract OptionalLong organizationId();

    /**
     * {@code opportunity_id}: only changes of this opportunity's values. At most one entity filter may be set.
     *
     * @return the opportunity id, positive
     */
    public abstract OptionalLong opportunityId();

    /**
     * {@code list_entry_id}: only changes of the entity of this list entry. At most one entity filter may be set.
     *
     * @return the list entry id, positive
     */
    public abstract OptionalLong listEntryId();
}
