package io.affinity.model.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A cursor over the UTF-8 bytes of one JSON document, for the optimistic readers generated from the spec
 * ({@code byteReaders.mustache}): it reads exactly the shapes those readers expect, values in place from the bytes,
 * and gives up ({@link Bail}) on anything else, so that the caller decodes the same bytes with Jackson, whose
 * result, coercions and errors stay the reference.
 *
 * <p>It is stricter than Jackson, never more lenient: whatever it accepts is valid JSON (strict UTF-8, no control
 * characters in strings, the number grammar, only JSON whitespace) that Jackson decodes to the same values.
 * Not thread-safe: one cursor per document.
 */
public final class JsonCursor {

    /** The one, preallocated signal that the fast path gives up: no stack trace, no message. */
    public static final class Bail extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private Bail() {
            super(null, null, false, false);
        }
    }

    /** The index {@link #firstName} and {@link #nextName} return at the end of an object. */
    public static final int END = -1;

    private static final Bail BAIL = new Bail();

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Longer strings and names, in bytes, give up (Jackson's limits, in characters: 20,000,000 for a value, 50,000
     * for a name; a character is at least one byte).
     */
    private static final int MAX_STRING = 1_000_000;

    private static final int MAX_NAME = 10_000;

    /** Deeper objects and arrays than this give up (Jackson's own limit is 1000). */
    private static final int MAX_DEPTH = 200;

    private static final int[] NANOS_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
    };

    /**
     * The date of the last date-time read: those of a page are often one day's (racy, as {@link Offsets}' cache: a
     * date is immutable, a miss only costs making one).
     */
    private static volatile LocalDate lastDate = LocalDate.EPOCH;

    private final byte[] bytes;
    private final int end;
    private int pos;
    private int depth;

    /**
     * @param bytes the document
     * @param offset where it starts
     * @param length its length
     */
    public JsonCursor(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.pos = offset;
        this.end = offset + length;
    }

    /** The property names of one model type, and which one followed which in the last object read. */
    public static final class Names {
        private final byte[][] names;
        /** Each name with its closing quote, in little-endian words of 8 bytes, and the mask of each word's bytes. */
        private final long[][] words;

        private final long[][] masks;
        private final int[] following;

        /** @param names the JSON names, indexed from 1 in the order the reader's switch uses */
        public Names(String... names) {
            this.names = new byte[names.length + 1][];
            this.words = new long[names.length + 1][];
            this.masks = new long[names.length + 1][];
            for (int i = 0; i < names.length; i++) {
                byte[] name = names[i].getBytes(StandardCharsets.UTF_8);
                this.names[i + 1] = name;
                int length = name.length + 1;
                long[] words = new long[(length + 7) / 8];
                long[] masks = new long[words.length];
                for (int k = 0; k < length; k++) {
                    long b = k < name.length ? name[k] & 0xFF : '"';
                    words[k / 8] |= b << (8 * (k % 8));
                    masks[k / 8] |= 0xFFL << (8 * (k % 8));
                }
                this.words[i + 1] = words;
                this.masks[i + 1] = masks;
            }
            this.following = new int[names.length + 1];
        }

        int find(byte[] bytes, int from, int to) {
            int length = to - from;
            for (int i = 1; i < names.length; i++) {
                byte[] name = names[i];
                if (name.length == length && Arrays.equals(bytes, from, to, name, 0, length)) {
                    return i;
                }
            }
            return 0;
        }
    }

    /** @return never: gives up on a value the fast path does not read (the type is left to Jackson) */
    public <V> V unsupported() {
        throw BAIL;
    }

    /** Skips whitespace before the root value. */
    public void begin() {
        skipWhitespace();
    }

    /** Checks that only whitespace follows the root value. */
    public void finish() {
        while (pos < end) {
            byte b = bytes[pos];
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                pos++;
            } else {
                throw BAIL;
            }
        }
    }

    /** @return the byte at the cursor, after skipping whitespace */
    private byte skipWhitespace() {
        byte b;
        while (true) {
            if (pos >= end) {
                throw BAIL;
            }
            b = bytes[pos];
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                pos++;
            } else {
                return b;
            }
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw BAIL;
        }
    }

    /**
     * Enters an object (the cursor on its {@code {}) and reads its first name.
     *
     * @param names the type's names
     * @return the index of the first property's name (0 for an unknown one), the cursor on its value; or {@link #END}
     */
    public int firstName(Names names) {
        if (pos >= end || bytes[pos] != '{') {
            throw BAIL;
        }
        pos++;
        enter();
        if (skipWhitespace() == '}') {
            pos++;
            depth--;
            return END;
        }
        return name(names, 0);
    }

    /**
     * @param names the type's names
     * @param previous the index of the property just read
     * @return the index of the next property's name (0 for an unknown one), the cursor on its value; or {@link #END}
     *     after the object's closing brace
     */
    public int nextName(Names names, int previous) {
        byte b = skipWhitespace();
        if (b == ',') {
            pos++;
            skipWhitespace();
            return name(names, previous);
        }
        if (b == '}') {
            pos++;
            depth--;
            return END;
        }
        throw BAIL;
    }

    private int name(Names names, int previous) {
        byte[] in = bytes;
        if (in[pos] != '"') {
            throw BAIL;
        }
        int start = pos + 1;
        int guess = names.following[previous];
        if (guess != 0) {
            long[] words = names.words[guess];
            if (start + 8 * words.length <= end) {
                if (matches(in, start, words, names.masks[guess])) {
                    pos = start + names.names[guess].length + 1;
                    colon();
                    return guess;
                }
            } else {
                byte[] name = names.names[guess];
                int close = start + name.length;
                if (close < end && in[close] == '"' && matches(in, start, name)) {
                    pos = close + 1;
                    colon();
                    return guess;
                }
            }
        }
        int close = start;
        while (true) {
            if (close >= end) {
                throw BAIL;
            }
            byte b = in[close];
            if (b == '"') {
                break;
            }
            if (b == '\\' || (b >= 0 && b < 0x20)) {
                throw BAIL; // an escaped name may be a known one: Jackson's to read
            }
            close = b < 0 ? utf8(close, null) : close + 1;
        }
        if (close - start > MAX_NAME) {
            throw BAIL;
        }
        int index = names.find(in, start, close);
        pos = close + 1;
        colon();
        if (index != 0 && guess != index) {
            names.following[previous] = index;
        }
        return index;
    }

    /** @return whether the bytes from {@code start} are the name and its closing quote, compared 8 at a time */
    private static boolean matches(byte[] in, int start, long[] words, long[] masks) {
        for (int k = 0; k < words.length; k++) {
            if ((((long) LONGS.get(in, start + 8 * k) ^ words[k]) & masks[k]) != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(byte[] in, int start, byte[] name) {
        for (int i = 0; i < name.length; i++) {
            if (in[start + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    private void colon() {
        if (skipWhitespace() != ':') {
            throw BAIL;
        }
        pos++;
        skipWhitespace();
    }

    /**
     * Enters an array (the cursor on its {@code [}).
     *
     * @return whether it has an element, the cursor on it; false after its closing bracket
     */
    public boolean firstElement() {
        if (bytes[pos] != '[') {
            throw BAIL;
        }
        pos++;
        enter();
        if (skipWhitespace() == ']') {
            pos++;
            depth--;
            return false;
        }
        return true;
    }

    /** @return whether another element follows, the cursor on it; false after the array's closing bracket */
    public boolean nextElement() {
        byte b = skipWhitespace();
        if (b == ',') {
            pos++;
            skipWhitespace();
            return true;
        }
        if (b == ']') {
            pos++;
            depth--;
            return false;
        }
        throw BAIL;
    }

    /** @return whether the value at the cursor is {@code null}, then read */
    public boolean readNull() {
        if (bytes[pos] != 'n') {
            return false;
        }
        literal('n', 'u', 'l', 'l');
        return true;
    }

    /** @return the boolean at the cursor */
    public Boolean readBoolean() {
        byte b = bytes[pos];
        if (b == 't') {
            literal('t', 'r', 'u', 'e');
            return Boolean.TRUE;
        }
        if (b == 'f' && pos + 1 < end && bytes[pos + 1] == 'a') {
            pos++;
            literal('a', 'l', 's', 'e');
            return Boolean.FALSE;
        }
        throw BAIL;
    }

    private void literal(char a, char b, char c, char d) {
        int p = pos;
        if (p + 4 > end || bytes[p] != a || bytes[p + 1] != b || bytes[p + 2] != c || bytes[p + 3] != d) {
            throw BAIL;
        }
        pos = p + 4;
        delimiter();
    }

    /** Checks that the value just read ends where a value may end. */
    private void delimiter() {
        if (pos < end) {
            byte b = bytes[pos];
            if (b != ',' && b != '}' && b != ']' && b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                throw BAIL;
            }
        }
    }

    /** @return the integer at the cursor, in the range of a long */
    public Long readLong() {
        return parseLong();
    }

    private long parseLong() {
        byte[] in = bytes;
        int p = pos;
        boolean negative = p < end && in[p] == '-';
        if (negative) {
            p++;
        }
        int start = p;
        long value = 0;
        while (p < end) {
            int digit = in[p] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            value = value * 10 + digit; // 18 digits cannot overflow; longer numbers are parsed again below
            p++;
        }
        int digits = p - start;
        if (digits == 0 || (digits > 1 && in[start] == '0')) {
            throw BAIL;
        }
        if (digits > 18) {
            value = parseLongAgain(negative ? start - 1 : start, p);
        } else if (negative) {
            value = -value;
        }
        pos = p;
        delimiter();
        return value;
    }

    /** @return the long of 19 digits or more (with their sign) from {@code from} to {@code to}, if in range */
    private long parseLongAgain(int from, int to) {
        try {
            return Long.parseLong(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException outOfRange) {
            throw BAIL;
        }
    }

    /** @return the integer at the cursor, in the range of an int */
    public Integer readInt() {
        return parseInt();
    }

    private int parseInt() {
        long value = parseLong();
        if (value != (int) value) {
            throw BAIL;
        }
        return (int) value;
    }

    /**
     * @param of the open enumeration's factory of an integer code
     * @return the constant of the integer at the cursor
     */
    public <V> V readCode(IntFunction<V> of) {
        return of.apply(parseInt());
    }

    /**
     * @param of the open enumeration's factory of a text code
     * @return the constant of the string at the cursor
     */
    public <V> V readCode(Function<String, V> of) {
        return of.apply(readString());
    }

    /** @return the string at the cursor */
    public String readString() {
        byte[] in = bytes;
        if (in[pos] != '"') {
            throw BAIL;
        }
        int start = pos + 1;
        int p = start;
        int limit = end;
        while (p + 8 <= limit) { // 8 bytes at a time, to the first that is not plain ASCII text
            long word = (long) LONGS.get(in, p);
            long quote = word ^ 0x2222222222222222L;
            long backslash = word ^ 0x5C5C5C5C5C5C5C5CL;
            long special = ((quote - 0x0101010101010101L) & ~quote)
                    | ((backslash - 0x0101010101010101L) & ~backslash)
                    | (word - 0x2020202020202020L)
                    | word;
            special &= 0x8080808080808080L;
            if (special != 0) {
                p += Long.numberOfTrailingZeros(special) >>> 3;
                break;
            }
            p += 8;
        }
        while (p < limit) {
            byte b = in[p];
            if (b == '"') {
                if (p - start > MAX_STRING) {
                    throw BAIL;
                }
                pos = p + 1;
                return new String(in, start, p - start, StandardCharsets.ISO_8859_1);
            }
            if (b < 0x20 || b == '\\') { // negative: not ASCII
                return slowString(start, p);
            }
            p++;
        }
        throw BAIL;
    }

    /** Reads a string with escapes or non-ASCII characters, from {@code from}, ASCII up to {@code p}. */
    private String slowString(int start, int p) {
        byte[] in = bytes;
        StringBuilder text = new StringBuilder(p - start + 16);
        for (int i = start; i < p; i++) {
            text.append((char) in[i]);
        }
        while (p < end) {
            int b = in[p];
            if (b == '"') {
                if (p - start > MAX_STRING) {
                    throw BAIL;
                }
                pos = p + 1;
                return text.toString();
            }
            if (b == '\\') {
                if (p + 1 >= end) {
                    throw BAIL;
                }
                byte escaped = in[p + 1];
                p += 2;
                switch (escaped) {
                    case '"' -> text.append('"');
                    case '\\' -> text.append('\\');
                    case '/' -> text.append('/');
                    case 'b' -> text.append('\b');
                    case 'f' -> text.append('\f');
                    case 'n' -> text.append('\n');
                    case 'r' -> text.append('\r');
                    case 't' -> text.append('\t');
                    case 'u' -> {
                        if (p + 4 > end) {
                            throw BAIL;
                        }
                        int code = 0;
                        for (int k = 0; k < 4; k++) {
                            code = (code << 4) | hex(in[p + k]);
                        }
                        text.append((char) code);
                        p += 4;
                    }
                    default -> throw BAIL;
                }
            } else if (b >= 0x20) {
                text.append((char) b);
                p++;
            } else if (b < 0) {
                p = utf8(p, text);
            } else {
                throw BAIL; // a control character
            }
        }
        throw BAIL;
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        throw BAIL;
    }

    /**
     * Decodes one well-formed UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF) from
     * {@code p}, appending it when {@code text} is not null.
     *
     * @return the index after it
     */
    private int utf8(int p, StringBuilder text) {
        byte[] in = bytes;
        int b0 = in[p] & 0xFF;
        int codePoint;
        int length;
        int min;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            length = 2;
            codePoint = b0 & 0x1F;
            min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            length = 3;
            codePoint = b0 & 0x0F;
            min = 0x800;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            length = 4;
            codePoint = b0 & 0x07;
            min = 0x10000;
        } else {
            throw BAIL;
        }
        if (p + length > end) {
            throw BAIL;
        }
        for (int k = 1; k < length; k++) {
            int next = in[p + k] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                throw BAIL;
            }
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            throw BAIL;
        }
        if (text != null) {
            text.appendCodePoint(codePoint);
        }
        return p + length;
    }

    /** @return the index of the closing quote of a string whose content starts at {@code p}; checked, not decoded */
    private int skipStringBody(int p, int limit) {
        byte[] in = bytes;
        int start = p;
        while (p < end) {
            byte b = in[p];
            if (b == '"') {
                if (p - start > limit) {
                    throw BAIL;
                }
                return p;
            }
            if (b == '\\') {
                if (p + 1 >= end) {
                    throw BAIL;
                }
                byte escaped = in[p + 1];
                if (escaped == 'u') {
                    if (p + 6 > end) {
                        throw BAIL;
                    }
                    for (int k = 2; k < 6; k++) {
                        hex(in[p + k]);
                    }
                    p += 6;
                } else if (escaped == '"'
                        || escaped == '\\'
                        || escaped == '/'
                        || escaped == 'b'
                        || escaped == 'f'
                        || escaped == 'n'
                        || escaped == 'r'
                        || escaped == 't') {
                    p += 2;
                } else {
                    throw BAIL;
                }
            } else if (b >= 0x20) {
                p++;
            } else if (b < 0) {
                p = utf8(p, null);
            } else {
                throw BAIL;
            }
        }
        throw BAIL;
    }

    /** Skips the value at the cursor, checking that it is well-formed JSON. */
    public void skipValue() {
        byte b = bytes[pos];
        switch (b) {
            case '"' -> pos = skipStringBody(pos + 1, MAX_STRING) + 1;
            case '{' -> {
                pos++;
                enter();
                if (skipWhitespace() == '}') {
                    pos++;
                } else {
                    do {
                        if (skipWhitespace() != '"') {
                            throw BAIL;
                        }
                        pos = skipStringBody(pos + 1, MAX_NAME) + 1;
                        colon();
                        skipValue();
                        b = skipWhitespace();
                        pos++;
                    } while (b == ',');
                    if (b != '}') {
                        throw BAIL;
                    }
                }
                depth--;
            }
            case '[' -> {
                if (firstElement()) {
                    do {
                        skipValue();
                    } while (nextElement());
                }
            }
            case 't' -> literal('t', 'r', 'u', 'e');
            case 'f' -> {
                if (pos + 1 >= end || bytes[pos + 1] != 'a') {
                    throw BAIL;
                }
                pos++;
                literal('a', 'l', 's', 'e');
            }
            case 'n' -> literal('n', 'u', 'l', 'l');
            default -> skipNumber();
        }
    }

    /** Skips a number of the JSON grammar (at most 100 characters, well inside Jackson's limit). */
    private void skipNumber() {
        byte[] in = bytes;
        int start = pos;
        int p = pos;
        if (p < end && in[p] == '-') {
            p++;
        }
        int digits = p;
        while (p < end && in[p] >= '0' && in[p] <= '9') {
            p++;
        }
        if (p == digits || (p - digits > 1 && in[digits] == '0')) {
            throw BAIL;
        }
        if (p < end && in[p] == '.') {
            int fraction = ++p;
            while (p < end && in[p] >= '0' && in[p] <= '9') {
                p++;
            }
            if (p == fraction) {
                throw BAIL;
            }
        }
        if (p < end && (in[p] == 'e' || in[p] == 'E')) {
            p++;
            if (p < end && (in[p] == '+' || in[p] == '-')) {
                p++;
            }
            int exponent = p;
            while (p < end && in[p] >= '0' && in[p] <= '9') {
                p++;
            }
            if (p == exponent) {
                throw BAIL;
            }
        }
        if (p - start > 100) {
            throw BAIL;
        }
        pos = p;
        delimiter();
    }

    /**
     * Reads the one date-time shape the API sends, exactly as the model's date-time deserializer does
     * ({@code OffsetDateTimes}: {@code 2017-05-04T10:44:31.526-08:00}, fraction optional, {@code Z} or
     * {@code ±HH:MM}); gives up on any other text, which that deserializer leaves to Jackson's.
     *
     * @return the date-time at the cursor
     */
    public OffsetDateTime readOffsetDateTime() {
        byte[] in = bytes;
        if (in[pos] != '"') {
            throw BAIL;
        }
        int start = pos + 1;
        int close = start;
        while (true) {
            if (close >= end) {
                throw BAIL;
            }
            byte b = in[close];
            if (b == '"') {
                break;
            }
            if (b < 0x20 || b == '\\') {
                throw BAIL;
            }
            close++;
        }
        int length = close - start;
        if (length < 20
                || in[start + 4] != '-'
                || in[start + 7] != '-'
                || in[start + 10] != 'T'
                || in[start + 13] != ':'
                || in[start + 16] != ':') {
            throw BAIL;
        }
        int year = digits(in, start, 4);
        int month = digits(in, start + 5, 2);
        int day = digits(in, start + 8, 2);
        int hour = digits(in, start + 11, 2);
        int minute = digits(in, start + 14, 2);
        int second = digits(in, start + 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            throw BAIL;
        }
        int index = start + 19;
        int nanos = 0;
        if (in[index] == '.') {
            int from = ++index;
            while (index < close && in[index] >= '0' && in[index] <= '9') {
                index++;
            }
            int count = index - from;
            if (count == 0 || count > 9) {
                throw BAIL;
            }
            nanos = digits(in, from, count) * NANOS_SCALE[count];
        }
        ZoneOffset offset = offset(in, index, close);
        try {
            LocalDate date = lastDate;
            if (date.getDayOfMonth() != day || date.getMonthValue() != month || date.getYear() != year) {
                date = LocalDate.of(year, month, day);
                lastDate = date;
            }
            OffsetDateTime value =
                    OffsetDateTime.of(LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos)), offset);
            pos = close + 1;
            return value;
        } catch (DateTimeException invalid) {
            throw BAIL;
        }
    }

    /** Reads {@code Z}, {@code +HH:MM} or {@code -HH:MM} from {@code index} to {@code close}. */
    private static ZoneOffset offset(byte[] in, int index, int close) {
        int remaining = close - index;
        if (remaining == 1 && in[index] == 'Z') {
            return ZoneOffset.UTC;
        }
        byte sign = remaining == 6 ? in[index] : 0;
        if ((sign != '+' && sign != '-') || in[index + 3] != ':') {
            throw BAIL;
        }
        int hours = digits(in, index + 1, 2);
        int minutes = digits(in, index + 4, 2);
        if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
            throw BAIL;
        }
        int seconds = sign == '-' ? -(hours * 3600 + minutes * 60) : hours * 3600 + minutes * 60;
        try {
            return Offsets.ofTotalSeconds(seconds);
        } catch (DateTimeException outOfRange) {
            throw BAIL;
        }
    }

    /** @return the value of {@code count} ASCII digits from {@code start}, or -1 if one is not a digit */
    private static int digits(byte[] in, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            int digit = in[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
