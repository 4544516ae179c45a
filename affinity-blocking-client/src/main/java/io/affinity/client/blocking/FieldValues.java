package io.affinity.client.blocking;

import io.affinity.client.query.FieldValueQuery;
import io.affinity.model.CreateFieldValueRequest;
import io.affinity.model.FieldValue;
import io.affinity.model.UpdateFieldValueRequest;
import java.util.List;

/**
 * Field values: the cells of Affinity's spreadsheets, tied to a field and to a person, organization, opportunity or list entry.
 *
 * <p>Blocking twin of {@link io.affinity.client.FieldValues}: the same methods and arguments, returning values.
 * Arguments are checked before anything is sent ({@link IllegalArgumentException} naming the
 * parameter); call failures are thrown as the reactive client's
 * {@link io.affinity.client.error.AffinityException} types.
 */
public final class FieldValues {

    private final io.affinity.client.FieldValues reactive;

    FieldValues(io.affinity.client.FieldValues reactive) {
        this.reactive = reactive;
    }

    /**
     * Lists the field values of one person, organization, opportunity or list entry ({@code GET /field-values}).
     * For a person, organization or opportunity the values of all its list entries are included.
     *
     * @param query exactly one of {@code personId}, {@code organizationId}, {@code opportunityId} or
     *              {@code listEntryId}, positive
     * @return the field values; throws {@link IllegalArgumentException} before sending when the query breaks
     *         these rules, and with an {@link io.affinity.client.error.AffinityException} when the call fails
     */
    public List<FieldValue> list(FieldValueQuery query) {
        return Blocking.list(reactive.list(query));
    }

    /**
     * Creates a field value ({@code POST /field-values}). The value must match the field's value type; for
     * ranked dropdowns give the option id.
     *
     * @param request the field, the entity, the value, and the list entry for list-specific fields; ids positive
     * @return the field value created; throws {@link IllegalArgumentException} before sending on an invalid
     *         request, and with an {@link io.affinity.client.error.AffinityException} when the call fails
     */
    public FieldValue create(CreateFieldValueRequest request) {
        return Blocking.call(reactive.create(request));
    }

    /**
     * Replaces the value of a field value ({@code PUT /field-values/{field_value_id}}).
     *
     * @param fieldValueId the field value's id (not the field's), positive
     * @param request      the new value
     * @return the field value updated; throws {@link IllegalArgumentException} before sending on invalid
     *         arguments, and with an {@link io.affinity.client.error.AffinityException} when the call fails
     */
    public FieldValue update(long fieldValueId, UpdateFieldValueRequest request) {
        return Blocking.call(reactive.update(fieldValueId, request));
    }

    /**
     * Deletes a field value ({@code DELETE /field-values/{field_value_id}}).
     *
     * @param fieldValueId the field value's id, positive
     * @throws IllegalArgumentException before sending, on an invalid id
     * @throws io.affinity.client.error.UnsuccessfulOperationException when the server did not confirm the deletion
     * @throws io.affinity.client.error.AffinityException when the call fails
     */
    public void delete(long fieldValueId) {
        Blocking.run(reactive.delete(fieldValueId));
    }
}
