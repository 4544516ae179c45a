package io.affinity.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast date-time reader agrees with the JDK's parser and leaves every other shape to it. */
class OffsetDateTimesTest {

    private final ObjectMapper mapper = AffinityJson.newObjectMapper();

    @Test
    void agreesWithTheJdkOnTenThousandRandomDateTimes() {
        Random random = new Random(42);
        String[] offsets = {"Z", "+00:00", "-08:00", "+05:30", "-03:30", "+14:00", "-12:00"};
        for (int i = 0; i < 10_000; i++) {
            String date = String.format(
                    "%04d-%02d-%02dT%02d:%02d:%02d",
                    1900 + random.nextInt(250),
                    1 + random.nextInt(12),
                    1 + random.nextInt(28),
                    random.nextInt(24),
                    random.nextInt(60),
                    random.nextInt(60));
            int fractionDigits = random.nextInt(10);
            String fraction = fractionDigits == 0
                    ? ""
                    : "." + String.format("%09d", random.nextInt(1_000_000_000)).substring(0, fractionDigits);
            String text = date + fraction + offsets[random.nextInt(offsets.length)];
            OffsetDateTime expected = OffsetDateTime.parse(text);
            OffsetDateTime actual = OffsetDateTimes.parse(text);
            assertEquals(expected, actual, text);
            assertEquals(expected.getOffset(), actual.getOffset(), text);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2017-05-04",
                "2017-05-04T10:44:31",
                "2017-05-04 10:44:31Z",
                "2017-05-04T10:44:31.Z",
                "2017-05-04T10:44:31.1234567890Z",
                "2017-02-30T10:44:31Z",
                "2017-05-04T24:00:00Z",
                "2017-05-04T10:44:31+0800",
                "2017-05-04T10:44:31+08",
                "2017-05-04T10:44:31+19:00",
                "2017-05-04T10:44:31-08:00x",
                "20a7-05-04T10:44:31Z",
                "2017-05-04T10:44:31[Europe/Paris]"
            })
    void leavesOtherShapesAndInvalidValuesToTheFullParser(String text) {
        assertNull(OffsetDateTimes.parse(text), text);
    }

    @Test
    void theMapperKeepsTheOffsetAndStillReadsOtherShapes() throws Exception {
        OffsetDateTime fast = mapper.readValue("\"2017-05-04T10:44:31.526-08:00\"", OffsetDateTime.class);
        assertEquals(ZoneOffset.ofHours(-8), fast.getOffset());
        OffsetDateTime compact = mapper.readValue("\"2017-05-04T10:44:31+0800\"", OffsetDateTime.class);
        assertEquals(ZoneOffset.ofHours(8), compact.getOffset());
    }

    @Test
    void anInvalidDateTimeIsStillAJacksonErrorNamingTheValue() {
        InvalidFormatException error = assertThrows(
                InvalidFormatException.class, () -> mapper.readValue("\"2017-02-30T10:44:31Z\"", OffsetDateTime.class));
        assertEquals("2017-02-30T10:44:31Z", error.getValue());
    }
}
