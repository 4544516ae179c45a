package io.affinity.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affinity.model.ListEntry;
import io.affinity.model.Whoami;
import io.affinity.model.internal.ByteDecoder;
import io.affinity.model.wire.ListEntriesPage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The byte-level fast path of {@link AffinityJson#readValue}: it decodes the API's responses itself (not through
 * the mapper), to the values the mapper decodes, and leaves every body it does not expect to the mapper, whose
 * value or error (class, message, path) the caller then gets.
 */
class ByteDecodingTest {

    private static final Path EXAMPLES = Path.of("../spec/examples");

    private final ObjectMapper mapper = AffinityJson.newObjectMapper();
    private final JavaType listEntry = mapper.constructType(ListEntry.class);
    private final JavaType page = mapper.constructType(ListEntriesPage.class);

    private static final String ENTRY = "{\"id\":16367,\"list_id\":450,\"creator_id\":38596,\"entity_id\":241576,"
            + "\"created_at\":\"2017-02-22T15:22:21.125-08:00\",\"entity\":{\"id\":241576,\"type\":0,"
            + "\"first_name\":\"John\",\"last_name\":\"Doe\",\"primary_email\":\"jdoe@stanford.edu\","
            + "\"emails\":[\"jdoe@stanford.edu\"]}}";

    @Test
    void aPageOfFiveHundredEntriesTheWhoamiAndAListEntryTakeTheFastPath() throws Exception {
        StringBuilder json = new StringBuilder("{\"list_entries\":[");
        for (int i = 0; i < 500; i++) {
            json.append(i == 0 ? "" : ",").append(ENTRY.replace("16367", Integer.toString(16367 + i)));
        }
        json.append("],\"next_page_token\":\"dGhlIG5leHQ=\"}");
        ListEntriesPage decoded = (ListEntriesPage) assertFast(json.toString(), page);
        assertEquals(500, decoded.listEntries().size());
        assertEquals(16367L + 499, decoded.listEntries().get(499).id());

        assertFast(ENTRY, listEntry);
        assertFast(Files.readString(EXAMPLES.resolve("getListEntry.json")), listEntry);
        assertFast(Files.readString(EXAMPLES.resolve("getListEntries-paginated.json")), page);
        assertFast(Files.readString(EXAMPLES.resolve("getWhoami.json")), mapper.constructType(Whoami.class));
        assertFast(
                Files.readString(EXAMPLES.resolve("getListEntries.json")),
                mapper.constructType(new TypeReference<List<ListEntry>>() {}));
    }

    @Test
    void readValueReturnsTheFastPathsValueAndTheMappersOtherwise() throws Exception {
        byte[] body = ENTRY.getBytes(StandardCharsets.UTF_8);
        ListEntry first = AffinityJson.readValue(mapper, body, listEntry);
        assertEquals(mapper.readValue(body, listEntry), first);
        // a type without a byte reader, and a body the fast path does not expect: the mapper's values
        assertEquals(
                List.of(1L, 2L),
                AffinityJson.readValue(
                        mapper, "[1,2]".getBytes(), mapper.constructType(new TypeReference<List<Long>>() {})));
        String coerced = ENTRY.replace("\"list_id\":450", "\"list_id\":\"450\"");
        assertSame(ByteDecoder.UNHANDLED, ByteDecoder.tryRead(coerced.getBytes(), listEntry));
        assertEquals(
                450L,
                AffinityJson.<ListEntry>readValue(mapper, coerced.getBytes(), listEntry)
                        .listId());
    }

    @Test
    void stringsWithEscapesAndUnicode() throws Exception {
        for (String text : List.of(
                "a\\\"b\\\\c\\/d\\b\\f\\n\\r\\te",
                "\\u00e9t\\u00C9",
                "\\u0000",
                "x\\u0000y",
                "\\ud83d\\ude00",
                "lone \\ud83d and \\ude00",
                "Zoë Ångström 日本語 😀 𝄞",
                "\\u65e5\\u672c 日本",
                "")) {
            String json = ENTRY.replace("\"John\"", "\"" + text + "\"");
            ListEntry decoded = (ListEntry) assertFast(json, listEntry);
            assertEquals(
                    mapper.readValue(json, ListEntry.class)
                            .entity()
                            .orElseThrow()
                            .firstName(),
                    decoded.entity().orElseThrow().firstName());
        }
        ListEntry surrogates = (ListEntry) assertFast(ENTRY.replace("\"John\"", "\"\\ud83d\\ude00😀\""), listEntry);
        assertEquals("😀😀", surrogates.entity().orElseThrow().firstName().orElseThrow());
        ListEntry nul = (ListEntry) assertFast(ENTRY.replace("\"John\"", "\"\\u0000\""), listEntry);
        assertEquals("\0", nul.entity().orElseThrow().firstName().orElseThrow());
    }

    @Test
    void malformedStringsAreTheMappersToDecideOn() throws Exception {
        for (String text : List.of("\\x", "\\u12", "\\u12G4", "tab\there", "new\nline", "\\", "\\'")) {
            assertLeftToMapper(ENTRY.replace("\"John\"", "\"" + text + "\""), listEntry);
        }
        byte[][] invalidUtf8 = {
            {(byte) 0xC3, '('}, // a continuation byte missing
            {(byte) 0xC0, (byte) 0x80}, // overlong
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
            {(byte) 0x80}, // a lone continuation byte
            {(byte) 0xE6, (byte) 0x97} // truncated
        };
        for (byte[] invalid : invalidUtf8) {
            // in a value, in an unknown property's value, in an unknown property's name
            assertLeftToMapper(splice(ENTRY, "\"John\"", invalid), listEntry);
            assertLeftToMapper(splice(ENTRY, "{\"id\":16367", "\"zz\":\"", invalid, "\",\"id\":16367"), listEntry);
            assertLeftToMapper(splice(ENTRY, "{\"id\":16367", "\"", invalid, "\":1,\"id\":16367"), listEntry);
        }
    }

    @Test
    void numbersAtTheLimitsOfLongAndInt() throws Exception {
        for (long id :
                new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0, -1, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L
                }) {
            ListEntry decoded = (ListEntry) assertFast(ENTRY.replace("16367", Long.toString(id)), listEntry);
            assertEquals(id, decoded.id());
        }
        assertEquals(0L, ((ListEntry) assertFast(ENTRY.replace("16367", "-0"), listEntry)).id());
        for (String id : List.of(
                "9223372036854775808",
                "-9223372036854775809",
                "92233720368547758070",
                "01",
                "-",
                "1.0",
                "1e3",
                "1.5",
                "-01",
                "1x",
                "+1",
                "0x10")) {
            assertLeftToMapper(ENTRY.replace("16367", id), listEntry);
        }
        // an open enumeration of int codes: within an int, or the mapper's
        assertFast(ENTRY.replace("\"type\":0", "\"type\":2147483647"), listEntry);
        assertFast(ENTRY.replace("\"type\":0", "\"type\":-2147483648"), listEntry);
        assertLeftToMapper(ENTRY.replace("\"type\":0", "\"type\":2147483648"), listEntry);
        assertLeftToMapper(ENTRY.replace("\"type\":0", "\"type\":-2147483649"), listEntry);
    }

    @Test
    void dateTimesInEveryOffsetFormTheApiSends() throws Exception {
        for (String dateTime : List.of(
                "2017-02-22T15:22:21.125-08:00",
                "2017-02-22T15:22:21-08:00",
                "2017-02-22T15:22:21.125Z",
                "2017-02-22T15:22:21Z",
                "2017-02-22T15:22:21.1+05:30",
                "2017-02-22T15:22:21.123456789+00:00",
                "2017-02-22T15:22:21.000-00:00",
                "2017-02-22T15:22:21.000+18:00",
                "2017-02-22T15:22:21.000-18:00",
                "2016-02-29T23:59:59.999+14:00",
                "0001-01-01T00:00:00Z")) {
            ListEntry decoded =
                    (ListEntry) assertFast(ENTRY.replace("2017-02-22T15:22:21.125-08:00", dateTime), listEntry);
            OffsetDateTime expected = OffsetDateTime.parse(dateTime);
            assertEquals(expected, decoded.createdAt(), dateTime);
        }
        ListEntry negativeZero = (ListEntry)
                assertFast(ENTRY.replace("2017-02-22T15:22:21.125-08:00", "2017-02-22T15:22:21-00:00"), listEntry);
        assertEquals(ZoneOffset.UTC, negativeZero.createdAt().getOffset());
        for (String dateTime : List.of(
                "2017-02-22T15:22:21",
                "2017-02-22T15:22:21.125",
                "2017-02-22T15:22Z",
                "2017-02-22T15:22:21.Z",
                "2017-02-22T15:22:21.1234567890Z",
                "2017-02-22T15:22:21+0800",
                "2017-02-22T15:22:21+08",
                "2017-02-22T15:22:21+18:30",
                "2017-02-22T15:22:21z",
                "2017-02-30T15:22:21Z",
                "2017-02-22T24:00:00Z",
                "2017-02-22 15:22:21Z",
                "2017-02-22T15:22:21\\u005A",
                "+2017-02-22T15:22:21Z",
                "")) {
            assertLeftToMapper(ENTRY.replace("2017-02-22T15:22:21.125-08:00", dateTime), listEntry);
        }
    }

    @Test
    void whitespaceEverywhere() throws Exception {
        String json = Files.readString(EXAMPLES.resolve("getListEntries-paginated.json"));
        for (String space : List.of(" ", "\n", "\r\n", "\t", " \t\r\n ")) {
            assertFast(space + spaced(json, space) + space, page);
            assertFast(spaced(ENTRY, space), listEntry);
        }
        // not JSON whitespace: form feed, vertical tab, no-break space
        for (String space : List.of("\f", "\u000b", "\u00a0")) {
            assertLeftToMapper(spaced(ENTRY, space), listEntry);
        }
    }

    @Test
    void everyTruncatedBodyIsTheMappersError() throws Exception {
        String json = Files.readString(EXAMPLES.resolve("getListEntries-paginated.json"))
                .strip();
        for (int length = 0; length < json.length(); length++) {
            assertLeftToMapper(json.substring(0, length), page);
        }
        for (int length = 0; length < ENTRY.length(); length++) {
            assertLeftToMapper(ENTRY.substring(0, length), listEntry);
        }
    }

    @Test
    void unknownPropertiesAreSkipped() throws Exception {
        String unknown = "\"zz\":{\"a\":[1,-2.5e+3,0.0,true,false,null,\"x\\\"y\\u00e9 ü\",{}],\"b\":{\"c\":[]}},"
                + "\"日本\":\"😀\",";
        assertFast(ENTRY.replace("{\"id\":16367,", "{" + unknown + "\"id\":16367,"), listEntry);
        assertFast(ENTRY.replace("\"type\":0,", "\"type\":0," + unknown), listEntry);
        assertFast(ENTRY.replace("}}", ",\"zz\":[[[]]]}}"), listEntry);
        // the order changes, the prediction misses: still read
        assertFast(
                "{\"entity\":{\"emails\":[],\"type\":1},\"created_at\":\"2017-02-22T15:22:21Z\",\"entity_id\":1,"
                        + "\"creator_id\":2,\"list_id\":3,\"id\":4}",
                listEntry);
        assertFast(ENTRY, listEntry);
        for (String malformed : List.of(
                "[1,]",
                "{\"a\"}",
                "{\"a\":1,}",
                "01",
                "1.",
                "1e",
                "-",
                "tru",
                "nul",
                "[",
                "{",
                "\"x",
                "NaN",
                "'x'",
                "[1 2]")) {
            assertLeftToMapper(ENTRY.replace("{\"id\":16367,", "{\"zz\":" + malformed + ",\"id\":16367,"), listEntry);
        }
        // beyond Jackson's limits of a name's length (50,000), or near them: the mapper's
        String longName = "n".repeat(60_000);
        assertLeftToMapper(ENTRY.replace("{\"id\":16367,", "{\"" + longName + "\":1,\"id\":16367,"), listEntry);
        assertLeftToMapper(
                ENTRY.replace("{\"id\":16367,", "{\"zz\":{\"" + longName + "\":1},\"id\":16367,"), listEntry);
        assertLeftToMapper(ENTRY.replace("\"John\"", "\"" + "j".repeat(1_000_001) + "\""), listEntry);
        String deep = "[".repeat(300) + "]".repeat(300);
        assertLeftToMapper(ENTRY.replace("{\"id\":16367,", "{\"zz\":" + deep + ",\"id\":16367,"), listEntry);
    }

    @Test
    void whatTheFastPathDoesNotExpectIsTheMappers() throws Exception {
        for (String json : List.of(
                ENTRY + " trailing",
                ENTRY + "}",
                "\uFEFF" + ENTRY,
                ENTRY.replace("\"id\":16367,", "\"\\u0069d\":16367,"), // an escaped known name
                ENTRY.replace("\"id\":16367,", "\"id\":16367,\"id\":7,"), // twice
                ENTRY.replace("\"id\":16367,", "\"id\":null,"), // required
                ENTRY.replace("\"id\":16367,", ""), // missing
                ENTRY.replace("\"emails\":[\"jdoe@stanford.edu\"]", "\"emails\":[null]"),
                ENTRY.replace("\"emails\":[\"jdoe@stanford.edu\"]", "\"emails\":\"jdoe@stanford.edu\""),
                ENTRY.replace("\"emails\":[\"jdoe@stanford.edu\"]", "\"emails\":null"),
                ENTRY.replace("\"type\":0", "\"type\":\"0\""),
                ENTRY.replace("\"entity\":{", "\"entity\":null,\"x\":{"),
                "null",
                "[]",
                "",
                "   ")) {
            assertAlike(json, listEntry);
        }
    }

    /** @return the value the fast path decoded, equal to the mapper's */
    private Object assertFast(String json, JavaType type) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        Object fast = ByteDecoder.tryRead(body, type);
        assertNotSame(ByteDecoder.UNHANDLED, fast, () -> "the fast path gave up on " + json);
        assertEquals(mapper.readValue(body, type), fast, json);
        assertEquals(fast, AffinityJson.readValue(mapper, body, type));
        return fast;
    }

    private void assertLeftToMapper(String json, JavaType type) throws Exception {
        assertLeftToMapper(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private void assertLeftToMapper(byte[] body, JavaType type) throws Exception {
        assertSame(
                ByteDecoder.UNHANDLED, ByteDecoder.tryRead(body, type), () -> new String(body, StandardCharsets.UTF_8));
        assertAlike(body, type);
    }

    private void assertAlike(String json, JavaType type) throws Exception {
        assertAlike(json.getBytes(StandardCharsets.UTF_8), type);
    }

    /** Decodes the body through {@link AffinityJson#readValue} and the mapper: same value, or same error. */
    private void assertAlike(byte[] body, JavaType type) {
        String json = new String(body, StandardCharsets.UTF_8);
        Object expected;
        try {
            expected = mapper.readValue(body, type);
        } catch (Exception failure) {
            Exception actual = null;
            try {
                Object decoded = AffinityJson.readValue(mapper, body, type);
                throw new AssertionError("only the mapper fails on " + json + ": " + decoded);
            } catch (Exception e) {
                actual = e;
            }
            assertEquals(failure.getClass(), actual.getClass(), json);
            assertEquals(failure.getMessage(), actual.getMessage(), json);
            if (failure instanceof JsonMappingException mapping) {
                assertEquals(
                        mapping.getPath().toString(),
                        ((JsonMappingException) actual).getPath().toString());
            }
            return;
        }
        try {
            Object fast = ByteDecoder.tryRead(body, type);
            assertTrue(fast == ByteDecoder.UNHANDLED || Objects.equals(expected, fast), json);
            assertEquals(expected, AffinityJson.readValue(mapper, body, type), json);
        } catch (Exception unexpected) {
            throw new AssertionError("only readValue fails on " + json, unexpected);
        }
    }

    /** @return the JSON with {@code space} after every structural character outside strings */
    private static String spaced(String json, String space) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            out.append(c);
            if (inString) {
                if (c == '\\') {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                    out.append(space);
                }
            } else if (c == '"') {
                inString = true;
            } else if ("{}[],:".indexOf(c) >= 0) {
                out.append(space);
            }
        }
        return out.toString();
    }

    /** @return the bytes of {@code json} with {@code target} replaced by the parts (strings as UTF-8, bytes as is) */
    private static byte[] splice(String json, String target, Object... parts) {
        int at = json.indexOf(target);
        assertFalse(at < 0, target);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        if (parts.length == 1) {
            out.writeBytes("\"".getBytes());
            out.writeBytes((byte[]) parts[0]);
            out.writeBytes("\"".getBytes());
        } else {
            for (Object part : parts) {
                out.writeBytes(part instanceof byte[] bytes ? bytes : ((String) part).getBytes(StandardCharsets.UTF_8));
            }
        }
        out.writeBytes(json.substring(at + target.length()).getBytes(StandardCharsets.UTF_8));
        byte[] body = out.toByteArray();
        assertFalse(Arrays.equals(body, json.getBytes(StandardCharsets.UTF_8)));
        return body;
    }
}
