package io.affinity.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes pages of list entries shaped like the API's {@code getListEntries} response (see
 * {@code spec/examples/getListEntries-paginated.json}): person entities with names, emails and an offset
 * date-time, every value derived from the entry's position so that the same page is always the same bytes.
 */
final class ListEntryJson {

    private static final String[] FIRST = {
        "Affinity",
        "John",
        "Jane",
        "Maria",
        "Wei",
        "Olu",
        "Priya",
        "Lars",
        "Sofia",
        "Kenji",
        "Amara",
        "Diego",
        "Hana",
        "Noah",
        "Zoe",
        "Ivan"
    };
    private static final String[] LAST = {
        "Team", "Doe", "Smith", "Garcia", "Chen", "Okafor", "Patel", "Nielsen", "Rossi", "Tanaka", "Mensah", "Lopez",
        "Kim", "Brown", "Martin", "Petrov", "Novak"
    };
    private static final String[] DOMAINS = {"affinity.co", "stanford.edu", "example.com", "acme.io", "vc.fund"};
    private static final long FIRST_CREATED_AT = 1_483_228_800L; // 2017-01-01T00:00:00Z
    private static final ZoneOffset PACIFIC = ZoneOffset.ofHours(-8);

    private ListEntryJson() {}

    /**
     * @param listSize how many entries the list has
     * @return one page (with {@code next_page_token} null on the last page) in a buffer the caller sends
     */
    static ByteBuf page(ByteBufAllocator alloc, long listId, long offset, int pageSize, long listSize) {
        long end = Math.min(listSize, offset + pageSize);
        StringBuilder json = pageHead(listId, offset, end);
        if (end < listSize) {
            json.append('"').append(ListEntriesStub.PageToken.of(end)).append('"');
        } else {
            json.append("null");
        }
        json.append('}');
        ByteBuf buffer = alloc.buffer(json.length());
        buffer.writeCharSequence(json, StandardCharsets.US_ASCII);
        return buffer;
    }

    /**
     * @return a page of the entries at positions {@code offset} (inclusive) to {@code end} (exclusive) up to
     *     its {@code next_page_token} value: {@code {"list_entries":[...],"next_page_token":}
     */
    static StringBuilder pageHead(long listId, long offset, long end) {
        StringBuilder json = new StringBuilder((int) Math.max(64, (end - offset) * 340));
        json.append("{\"list_entries\":[");
        for (long position = offset; position < end; position++) {
            if (position != offset) {
                json.append(',');
            }
            entry(json, listId, position);
        }
        return json.append("],\"next_page_token\":");
    }

    private static void entry(StringBuilder json, long listId, long position) {
        int i = (int) position;
        String first = FIRST[i % FIRST.length];
        String last = LAST[(i / FIRST.length) % LAST.length];
        String domain = DOMAINS[i % DOMAINS.length];
        long entityId = 200_000L + position;
        json.append("{\"id\":")
                .append(1_000_000L + position)
                .append(",\"list_id\":")
                .append(listId)
                .append(",\"creator_id\":")
                .append(38_000 + i % 97)
                .append(",\"entity_id\":")
                .append(entityId)
                .append(",\"created_at\":\"");
        dateTime(json, FIRST_CREATED_AT + position * 37, (i * 131) % 1000);
        json.append("\",\"entity\":{\"id\":")
                .append(entityId)
                .append(",\"type\":")
                .append(i % 11 == 0 ? 1 : 0)
                .append(",\"first_name\":\"")
                .append(first)
                .append("\",\"last_name\":\"")
                .append(last)
                .append("\",\"primary_email\":\"");
        email(json, first, last, i, domain);
        json.append("\",\"emails\":[\"");
        email(json, first, last, i, domain);
        json.append('"');
        if (i % 3 == 0) {
            json.append(",\"");
            email(json, first, last, i, DOMAINS[(i + 1) % DOMAINS.length]);
            json.append('"');
        }
        json.append("]}}");
    }

    private static void email(StringBuilder json, String first, String last, int i, String domain) {
        json.append(Character.toLowerCase(first.charAt(0)))
                .append(last.toLowerCase(java.util.Locale.ROOT))
                .append(i)
                .append('@')
                .append(domain);
    }

    /** Writes e.g. {@code 2017-05-04T10:44:31.526-08:00}. */
    private static void dateTime(StringBuilder json, long epochSecond, int millis) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, PACIFIC);
        json.append(t.getYear()).append('-');
        two(json, t.getMonthValue());
        json.append('-');
        two(json, t.getDayOfMonth());
        json.append('T');
        two(json, t.getHour());
        json.append(':');
        two(json, t.getMinute());
        json.append(':');
        two(json, t.getSecond());
        json.append('.');
        if (millis < 100) {
            json.append('0');
        }
        if (millis < 10) {
            json.append('0');
        }
        json.append(millis).append("-08:00");
    }

    private static void two(StringBuilder json, int value) {
        if (value < 10) {
            json.append('0');
        }
        json.append(value);
    }
}
