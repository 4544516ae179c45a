package io.affinity.model.json;

import io.affinity.model.internal.Offsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads the one date-time shape the API sends, {@code 2017-05-04T10:44:31.526-08:00} (fraction and offset
 * minutes optional, {@code Z} for UTC), without the general-purpose {@code DateTimeFormatter}, which costs
 * about a quarter of the time spent decoding a page. Anything else is left to the formatter.
 */
final class OffsetDateTimes {

    private static final int[] NANOS_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
    };

    private OffsetDateTimes() {}

    /**
     * @param text a date-time with offset
     * @return the date-time with the offset it was written with, or {@code null} when the text is not in the
     *     common shape or not a valid date-time (the caller then uses the full parser, which explains why)
     */
    static OffsetDateTime parse(String text) {
        int length = text.length();
        if (length < 20
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int index = 19;
        int nanos = 0;
        if (text.charAt(index) == '.') {
            int start = ++index;
            while (index < length && Character.isDigit(text.charAt(index))) {
                index++;
            }
            int count = index - start;
            if (count == 0 || count > 9) {
                return null;
            }
            nanos = digits(text, start, count) * NANOS_SCALE[count];
        }
        ZoneOffset offset = offset(text, index);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /** Reads {@code Z}, {@code +HH:MM} or {@code -HH:MM} ending the text at {@code index}. */
    private static ZoneOffset offset(String text, int index) {
        int remaining = text.length() - index;
        if (remaining == 1 && text.charAt(index) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = remaining == 6 ? text.charAt(index) : 0;
        if ((sign != '+' && sign != '-') || text.charAt(index + 3) != ':') {
            return null;
        }
        int hours = digits(text, index + 1, 2);
        int minutes = digits(text, index + 4, 2);
        if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
            return null;
        }
        int seconds = sign == '-' ? -(hours * 3600 + minutes * 60) : hours * 3600 + minutes * 60;
        try {
            return Offsets.ofTotalSeconds(seconds);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** @return the value of {@code count} ASCII digits from {@code start}, or -1 if one is not a digit */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
