package io.affinity.model.value;

import io.affinity.model.FieldValueType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Turns a shape-decoded {@link FieldValueData} into the variant a field value type documents. */
final class FieldValueResolver {

    private FieldValueResolver() {}

    static FieldValueData resolve(FieldValueData value, FieldValueType type) {
        if (value instanceof FieldValueData.Multiple multiple) {
            List<FieldValueData> resolved =
                    multiple.values().stream().map(v -> resolve(v, type)).toList();
            return new FieldValueData.Multiple(resolved);
        }
        if (type.equals(FieldValueType.PERSON) && value instanceof FieldValueData.NumberValue n) {
            return new FieldValueData.PersonId(n.number().longValueExact());
        }
        if (type.equals(FieldValueType.ORGANIZATION) && value instanceof FieldValueData.NumberValue n) {
            return new FieldValueData.OrganizationId(n.number().longValueExact());
        }
        if (type.equals(FieldValueType.DROPDOWN)) {
            String text = textOf(value);
            return text == null ? value : new FieldValueData.DropdownText(text);
        }
        if (type.equals(FieldValueType.TEXT)) {
            String text = textOf(value);
            return text == null ? value : new FieldValueData.TextValue(text);
        }
        if (type.equals(FieldValueType.DATE) && value instanceof FieldValueData.TextValue t) {
            OffsetDateTime dateTime = parseDateTime(t.text());
            return dateTime == null ? value : new FieldValueData.DateValue(dateTime);
        }
        return value;
    }

    /** Parses an ISO-8601 date-time with offset, or returns null if the text is not one. */
    static OffsetDateTime parseDateTime(String text) {
        if (text.length() < 20 || text.charAt(4) != '-' || text.charAt(10) != 'T') {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException notADateTime) {
            return null;
        }
    }

    static String formatDateTime(OffsetDateTime dateTime) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
    }

    private static String textOf(FieldValueData value) {
        if (value instanceof FieldValueData.TextValue t) {
            return t.text();
        }
        if (value instanceof FieldValueData.DropdownText d) {
            return d.text();
        }
        if (value instanceof FieldValueData.DateValue d) {
            return formatDateTime(d.dateTime());
        }
        return null;
    }
}
