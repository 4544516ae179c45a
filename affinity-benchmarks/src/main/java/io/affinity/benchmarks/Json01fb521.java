package io.affinity.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/**
 * The SDK's Jackson configuration frozen as of commit 01fb521 ({@code AffinityJson.newObjectMapper()} and its
 * date-time reader then), the baseline of the raw loop: the model's own configuration keeps changing as decoding
 * gets faster, and the goal compares with this one. Not a copy to keep in step with the model.
 */
final class Json01fb521 {

    private static final int[] NANOS_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
    };

    private Json01fb521() {}

    /** @return a mapper configured as {@code AffinityJson.newObjectMapper()} was at commit 01fb521 */
    static ObjectMapper newObjectMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("affinity-date-times-01fb521")
                        .addDeserializer(OffsetDateTime.class, new DateTimes(InstantDeserializer.OFFSET_DATE_TIME)))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
        JsonSetter.Value nullsAsEmpty = JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY);
        mapper.configOverride(List.class).setSetterInfo(nullsAsEmpty);
        mapper.configOverride(Collection.class).setSetterInfo(nullsAsEmpty);
        return mapper;
    }

    /** The date-time reader of 01fb521: the API's shape by hand, anything else through the module. */
    private static final class DateTimes extends StdScalarDeserializer<OffsetDateTime> {

        private static final long serialVersionUID = 1L;

        private final transient JsonDeserializer<OffsetDateTime> fallback;

        DateTimes(JsonDeserializer<OffsetDateTime> fallback) {
            super(OffsetDateTime.class);
            this.fallback = fallback;
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                OffsetDateTime parsed = parse(parser.getText());
                if (parsed != null) {
                    return parsed;
                }
            }
            return fallback.deserialize(parser, context);
        }
    }

    /** @return e.g. {@code 2017-05-04T10:44:31.526-08:00} read by hand, or null for any other shape */
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
        int seconds = hours * 3600 + minutes * 60;
        try {
            return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

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
