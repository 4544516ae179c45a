package io.affinity.client.query;

import io.affinity.model.FieldEntityType;
import io.affinity.model.FieldValueType;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The filters of {@code GET /fields}. Every filter is optional and only those set are sent; without any, all global
 * and list-specific fields are returned. Checked when the call is subscribed: {@code listId}, when given, must be
 * positive.
 */
@Value.Immutable
public abstract class FieldQuery {

    FieldQuery() {}

    /** @return a builder of field queries; it never throws */
    public static ImmutableFieldQuery.Builder builder() {
        return ImmutableFieldQuery.builder();
    }

    /** @return only the fields specific to this list ({@code list_id}) */
    public abstract OptionalLong listId();

    /** @return only fields of this value type ({@code value_type}) */
    public abstract Optional<FieldValueType> valueType();

    /** @return only fields of this entity type ({@code entity_type}) */
    public abstract Optional<FieldEntityType> entityType();

    /**
     * @return whether names are returned as {@code [List Name] Field Name} ({@code with_modified_names})
     */
    public abstract Optional<Boolean> withModifiedNames();

    /** @return whether dropdown options are left out of the response ({@code exclude_dropdown_options}) */
    public abstract Optional<Boolean> excludeDropdownOptions();
}
