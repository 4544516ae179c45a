package io.affinity.client.blocking;

import io.affinity.client.query.FieldQuery;
import io.affinity.model.CreateFieldRequest;
import io.affinity.model.Field;
import java.util.List;

/**
 * Fields, the columns of lists: global or list-specific ({@code /fields}).
 *
 * <p>Blocking twin of {@link io.affinity.client.Fields}: the same methods and arguments, returning values.
 * Arguments are checked before anything is sent ({@link IllegalArgumentException} naming the
 * parameter); call failures are thrown as the reactive client's
 * {@link io.affinity.client.error.AffinityException} types.
 */
public final class Fields {

    private final io.affinity.client.Fields reactive;
    private final FieldCache cache;

    Fields(io.affinity.client.Fields reactive) {
        this.reactive = reactive;
        this.cache = new FieldCache(reactive.cache());
    }

    /**
     * The fields kept in memory for lookups by name, refreshed after their time to live and invalidated when this
     * client creates or deletes a field.
     *
     * @return the cache
     */
    public FieldCache cache() {
        return cache;
    }

    /**
     * All global and list-specific fields: {@code GET /fields}.
     *
     * @return the fields
     */
    public List<Field> list() {
        return Blocking.list(reactive.list());
    }

    /**
     * The fields that match the filters: {@code GET /fields?list_id=...&value_type=...}.
     *
     * @param query the filters; see {@link FieldQuery} for its rules
     * @return the fields
     */
    public List<Field> list(FieldQuery query) {
        return Blocking.list(reactive.list(query));
    }

    /**
     * Creates a field: {@code POST /fields}.
     *
     * @param request the field; the name must not be blank, {@code list_id} (when given) must be positive and
     *                {@code is_list_specific = true} needs a {@code list_id}
     * @return the created field
     */
    public Field create(CreateFieldRequest request) {
        return Blocking.call(reactive.create(request));
    }

    /**
     * Deletes a field: {@code DELETE /fields/{id}}.
     *
     * @param fieldId the field id, positive
     * @throws io.affinity.client.error.UnsuccessfulOperationException when the server did not report success
     */
    public void delete(long fieldId) {
        Blocking.run(reactive.delete(fieldId));
    }
}
