package io.affinity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affinity.client.recipes.EntityNames;
import io.affinity.client.recipes.ExportRow;
import io.affinity.model.Field;
import io.affinity.model.ListEntryEntity;
import io.affinity.model.value.FieldValueData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Turns export rows into CSV lines or JSON Lines. */
final class Cells {

    private final ObjectMapper mapper;

    Cells(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @return the CSV header: entry, entity and one column per field */
    static String csvHeader(List<Field> fields) {
        List<String> names = new ArrayList<>(List.of("list_entry_id", "entity_id", "entity_name"));
        fields.forEach(field -> names.add(field.name()));
        return names.stream().map(Cells::csvEscape).collect(Collectors.joining(",")) + "\r\n";
    }

    /** @return one CSV record, CRLF-terminated (RFC 4180) */
    static String csvRow(ExportRow row) {
        List<String> cells = new ArrayList<>();
        cells.add(String.valueOf(row.entry().id()));
        cells.add(String.valueOf(row.entry().entityId()));
        cells.add(row.entity().flatMap(Cells::entityName).orElse(""));
        for (Field field : row.fields()) {
            cells.add(row.values(field).stream()
                    .map(value -> text(value, row.names()))
                    .collect(Collectors.joining("; ")));
        }
        return cells.stream().map(Cells::csvEscape).collect(Collectors.joining(",")) + "\r\n";
    }

    /**
     * @return one JSON line: ids, the entity, each field's typed values by field name, and the names of the
     *         persons and organizations they refer to where known
     */
    String jsonLine(ExportRow row) {
        ObjectNode line = mapper.createObjectNode();
        line.put("list_entry_id", row.entry().id());
        line.put("entity_id", row.entry().entityId());
        row.entry().entityType().ifPresent(type -> line.put("entity_type", type.value()));
        line.set("entity", row.entity().<JsonNode>map(mapper::valueToTree).orElse(mapper.nullNode()));
        ObjectNode fields = line.putObject("fields");
        for (Field field : row.fields()) {
            List<FieldValueData> values = row.values(field);
            if (field.allowsMultiple()) {
                ArrayNode array = fields.putArray(field.name());
                values.forEach(value -> array.add(mapper.<JsonNode>valueToTree(value)));
            } else {
                fields.set(field.name(), values.isEmpty() ? mapper.nullNode() : mapper.valueToTree(values.get(0)));
            }
        }
        EntityNames names = row.names();
        if (!names.persons().isEmpty() || !names.organizations().isEmpty()) {
            line.set("names", mapper.valueToTree(names));
        }
        return line + "\n";
    }

    /** @return a value as a CSV cell: text, number, id, ISO date, option text or address */
    static String text(FieldValueData value) {
        return text(value, EntityNames.NONE);
    }

    /**
     * @return a value as a CSV cell, a person or organization as {@code Name (id)} when its name is known, else
     *         as its id
     */
    static String text(FieldValueData value, EntityNames names) {
        Optional<String> name = names.of(value);
        if (value instanceof FieldValueData.TextValue text) {
            return text.text();
        } else if (value instanceof FieldValueData.NumberValue number) {
            return number.number().stripTrailingZeros().toPlainString();
        } else if (value instanceof FieldValueData.PersonId person) {
            return name.map(known -> known + " (" + person.id() + ")").orElse(String.valueOf(person.id()));
        } else if (value instanceof FieldValueData.OrganizationId organization) {
            return name.map(known -> known + " (" + organization.id() + ")").orElse(String.valueOf(organization.id()));
        } else if (value instanceof FieldValueData.DateValue date) {
            return date.dateTime().toString();
        } else if (value instanceof FieldValueData.DropdownText dropdown) {
            return dropdown.text();
        } else if (value instanceof FieldValueData.RankedDropdown ranked) {
            return ranked.text();
        } else if (value instanceof FieldValueData.LocationValue location) {
            return Stream.of(location.streetAddress(), location.city(), location.state(), location.country())
                    .flatMap(Optional::stream)
                    .filter(part -> !part.isBlank())
                    .collect(Collectors.joining(", "));
        } else if (value instanceof FieldValueData.Multiple multiple) {
            return multiple.values().stream().map(each -> text(each, names)).collect(Collectors.joining("; "));
        } else if (value instanceof FieldValueData.Raw raw) {
            return raw.json().toString();
        }
        throw new IllegalStateException("unknown value " + value);
    }

    private static Optional<String> entityName(ListEntryEntity entity) {
        if (entity.name().isPresent()) {
            return entity.name();
        }
        String full = Stream.of(entity.firstName(), entity.lastName())
                .flatMap(Optional::stream)
                .collect(Collectors.joining(" "));
        return full.isEmpty() ? Optional.empty() : Optional.of(full);
    }

    static String csvEscape(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
