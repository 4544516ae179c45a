package io.affinity.client.query;

import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Whose field values {@code GET /field-values} returns. Exactly one of the four ids must be set.
 *
 * <pre>{@code
 * FieldValueQuery query = FieldValueQuery.builder().personId(38706).build();
 * }</pre>
 */
@Value.Immutable
public abstract class FieldValueQuery {

    /** @return a new builder */
    public static ImmutableFieldValueQuery.Builder builder() {
        return ImmutableFieldValueQuery.builder();
    }

    /**
     * {@code person_id}: the person whose field values are returned, including those of every list entry of
     * that person.
     *
     * @return the person id, positive
     */
    public abstract OptionalLong personId();

    /**
     * {@code organization_id}: the organization whose field values are returned, including those of every
     * list entry of that organization.
     *
     * @return the organization id, positive
     */
    public abstract OptionalLong organizationId();

    /**
     * {@code opportunity_id}: the opportunity whose field values are returned.
     *
     * @return the opportunity id, positive
     */
    public abstract OptionalLong opportunityId();

    /**
     * {@code list_entry_id}: the list entry whose field values are returned.
     *
     * @return the list entry id, positive
     */
    public abstract OptionalLong listEntryId();
}
