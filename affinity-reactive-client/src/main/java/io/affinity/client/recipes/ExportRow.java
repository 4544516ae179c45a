package io.affinity.client.recipes;

import io.affinity.model.Field;
import io.affinity.model.ListEntry;
import io.affinity.model.ListEntryEntity;
import io.affinity.model.value.FieldValueData;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a list export: the entry, its entity, and the value of each exported field, typed by the field's
 * value type ({@link FieldValueData#as}).
 *
 * @param entry  the list entry
 * @param fields the exported fields, in column order
 * @param values the values of each field by field id; a field without a value maps to an empty list
 * @param next   the checkpoint that resumes the export after this row
 * @param names  the names of the persons and organizations the values refer to, where known
 */
public record ExportRow(
        ListEntry entry,
        List<Field> fields,
        Map<Long, List<FieldValueData>> values,
        ExportCheckpoint next,
        EntityNames names) {

    /** Copies the collections. */
    public ExportRow {
        fields = List.copyOf(fields);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        Objects.requireNonNull(names, "names");
    }

    /**
     * A row without names.
     *
     * @param entry  the list entry
     * @param fields the exported fields, in column order
     * @param values the values of each field by field id
     * @param next   the checkpoint that resumes the export after this row
     */
    public ExportRow(
            ListEntry entry, List<Field> fields, Map<Long, List<FieldValueData>> values, ExportCheckpoint next) {
        this(entry, fields, values, next, EntityNames.NONE);
    }

    /** @return the entity of the entry (person, organization or opportunity), when the server sent it */
    public Optional<ListEntryEntity> entity() {
        return entry.entity();
    }

    /**
     * @param field one of {@link #fields()}
     * @return its values in this row (several for a field that allows multiple values), empty when it has none
     */
    public List<FieldValueData> values(Field field) {
        return values.getOrDefault(field.id(), List.of());
    }
}
