package io.affinity.model.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.affinity.model.FieldValueType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code value} of a field value or of a field value change.
 *
 * <p>The API sends a value whose JSON shape depends on the field's {@code value_type}. Decoding
 * picks a variant from the shape alone: a string is {@link TextValue} (or {@link DateValue} when it is an
 * ISO-8601 date-time), a number is {@link NumberValue}, an object with {@code id} and {@code text} is a
 * {@link RankedDropdown}, an object with address keys is a {@link LocationValue}, an array is
 * {@link Multiple}, and anything else is kept as {@link Raw} JSON. Shapes that the JSON alone cannot
 * tell apart (a number that is a person id, a string that is a dropdown option) are resolved with
 * {@link #as(FieldValueType)} once the field's type is known. Every variant is written back in the
 * shape it was read from.
 */
@JsonSerialize(using = FieldValueDataSerializer.class)
@JsonDeserialize(using = FieldValueDataDeserializer.class)
public sealed interface FieldValueData {

    /**
     * Reads this value as the given field value type, turning shapes that the JSON could not tell
     * apart into the variant the type documents: a {@link NumberValue} into a {@link PersonId} or
     * {@link OrganizationId}, a {@link TextValue} into {@link DropdownText}, {@link DateValue} or back. Values
     * that already match, or that the type cannot reinterpret, are returned as they are; a
     * {@link Multiple} is resolved element by element.
     *
     * @param type the {@code value_type} of the field the value belongs to
     * @return the value as that type
     */
    default FieldValueData as(FieldValueType type) {
        Objects.requireNonNull(type, "type");
        return FieldValueResolver.resolve(this, type);
    }

    /** @param text the text @return a text value */
    static FieldValueData text(String text) {
        return new TextValue(text);
    }

    /** @param number the number @return a number value */
    static FieldValueData number(BigDecimal number) {
        return new NumberValue(number);
    }

    /** @param number the number @return a number value */
    static FieldValueData number(long number) {
        return new NumberValue(BigDecimal.valueOf(number));
    }

    /** @param personId the id of a person @return a person-reference value */
    static FieldValueData person(long personId) {
        return new PersonId(personId);
    }

    /** @param organizationId the id of an organization @return an organization-reference value */
    static FieldValueData organization(long organizationId) {
        return new OrganizationId(organizationId);
    }

    /** @param dateTime the date-time @return a date value */
    static FieldValueData date(OffsetDateTime dateTime) {
        return new DateValue(dateTime);
    }

    /** @param text the text of a dropdown option @return a dropdown value */
    static FieldValueData dropdown(String text) {
        return new DropdownText(text);
    }

    /**
     * A ranked dropdown option, written as the option's id (the form the API expects when creating
     * or updating a ranked dropdown field value).
     *
     * @param optionId the id of the dropdown option, from {@code GET /fields}
     * @return a value that writes the option id
     */
    static FieldValueData rankedDropdownOption(long optionId) {
        return new NumberValue(BigDecimal.valueOf(optionId));
    }

    /** Free text (value type 6), or a string whose field type is not known yet. */
    record TextValue(String text) implements FieldValueData {
        /** @param text the text, never null */
        public TextValue {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A number (value type 3), or an integer whose field type is not known yet. */
    record NumberValue(BigDecimal number) implements FieldValueData {
        /** @param number the number, never null */
        public NumberValue {
            Objects.requireNonNull(number, "number");
        }
    }

    /** The id of a person (value type 0). */
    record PersonId(long id) implements FieldValueData {}

    /** The id of an organization (value type 1). */
    record OrganizationId(long id) implements FieldValueData {}

    /** A date (value type 4); the server's offset is kept. */
    record DateValue(OffsetDateTime dateTime) implements FieldValueData {
        /** @param dateTime the date-time, never null */
        public DateValue {
            Objects.requireNonNull(dateTime, "dateTime");
        }
    }

    /** The text of a dropdown option (value type 2). */
    record DropdownText(String text) implements FieldValueData {
        /** @param text the option's text, never null */
        public DropdownText {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An option of a ranked dropdown (value type 7).
     *
     * @param id the option's id
     * @param text the option's text
     * @param rank the option's rank, if the API sent one
     * @param color the option's color code, if the API sent one
     */
    record RankedDropdown(long id, String text, Optional<Integer> rank, Optional<Integer> color)
            implements FieldValueData {
        /** Checks the components. */
        public RankedDropdown {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(rank, "rank");
            Objects.requireNonNull(color, "color");
        }
    }

    /**
     * A location (value type 5). Every part may be absent.
     *
     * @param streetAddress the street address
     * @param city the city
     * @param state the state
     * @param country the country
     * @param continent the continent
     */
    record LocationValue(
            Optional<String> streetAddress,
            Optional<String> city,
            Optional<String> state,
            Optional<String> country,
            Optional<String> continent)
            implements FieldValueData {
        /** Checks the components. */
        public LocationValue {
            Objects.requireNonNull(streetAddress, "streetAddress");
            Objects.requireNonNull(city, "city");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(continent, "continent");
        }
    }

    /** Several values of a field that allows multiple values. */
    record Multiple(List<FieldValueData> values) implements FieldValueData {
        /** @param values the values, copied */
        public Multiple {
            values = List.copyOf(values);
        }
    }

    /** Any other shape, kept as the JSON the server sent. */
    record Raw(JsonNode json) implements FieldValueData {
        /** @param json the JSON, never null */
        public Raw {
            Objects.requireNonNull(json, "json");
        }
    }
}
