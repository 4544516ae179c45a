package io.affinity.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A calendar date ({@code 2021-11-30}) or a date-time with offset ({@code 2021-11-30T08:00:00-08:00}), as
 * reminders' {@code due_date}, {@code due_before} and {@code due_after} accept. The API reads a plain date as
 * midnight in the account's time zone.
 *
 * <pre>{@code
 * CreateReminderRequest.builder().dueDate(DateOrDateTime.of(LocalDate.of(2021, 11, 30)))...
 * }</pre>
 */
public final class DateOrDateTime {

    private final LocalDate date;
    private final OffsetDateTime dateTime;

    private DateOrDateTime(LocalDate date, OffsetDateTime dateTime) {
        this.date = date;
        this.dateTime = dateTime;
    }

    /**
     * @param date a calendar date, sent as {@code yyyy-MM-dd}
     * @return the value
     */
    public static DateOrDateTime of(LocalDate date) {
        return new DateOrDateTime(Objects.requireNonNull(date, "date"), null);
    }

    /**
     * @param dateTime a date-time, sent as ISO 8601 with its offset
     * @return the value
     */
    public static DateOrDateTime of(OffsetDateTime dateTime) {
        return new DateOrDateTime(null, Objects.requireNonNull(dateTime, "dateTime"));
    }

    /**
     * Reads {@code yyyy-MM-dd} or an ISO 8601 date-time with offset.
     *
     * @param text the text
     * @return the value
     * @throws IllegalArgumentException when the text is neither
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DateOrDateTime parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return text.indexOf('T') < 0 ? of(LocalDate.parse(text)) : of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "text: not an ISO 8601 date or date-time with offset: \"" + text + "\"", e);
        }
    }

    /** @return whether this is a calendar date without a time */
    public boolean isDate() {
        return date != null;
    }

    /** @return the calendar date, when this is one */
    public Optional<LocalDate> date() {
        return Optional.ofNullable(date);
    }

    /** @return the date-time, when this is one */
    public Optional<OffsetDateTime> dateTime() {
        return Optional.ofNullable(dateTime);
    }

    /** @return the ISO 8601 text sent to the API */
    @JsonValue
    @Override
    public String toString() {
        return date != null ? date.toString() : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DateOrDateTime that
                && Objects.equals(that.date, date)
                && Objects.equals(that.dateTime, dateTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(date, dateTime);
    }
}
