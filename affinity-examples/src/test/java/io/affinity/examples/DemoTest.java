package io.affinity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.testkit.Dataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's demo command runs this tour; the test keeps it from breaking silently. */
class DemoTest {

    @Test
    void theEmbeddedTourRunsBothClientsAndSummarizes() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Summary summary = Demo.run(Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);

        assertTrue(output.contains("touring the embedded fake Affinity API"), output);
        assertEquals(Demo.EMBEDDED_LIST, summary.get("list"));
        assertEquals(5_000L, summary.get("list entries streamed"));
        // the internal person takes part in every generated meeting, one each 6 hours back from GENERATED_UNTIL
        OffsetDateTime end = Dataset.GENERATED_UNTIL.atOffset(ZoneOffset.UTC);
        long sixHourSlots = ChronoUnit.HOURS.between(end.minusYears(2), end) / 6;
        assertEquals(sixHourSlots, summary.get("meetings over two years"), output);
        assertTrue((Integer) summary.get("interaction windows walked") >= 2, output);
        assertTrue((Long) summary.get("requests sent") > 20, output);
        assertEquals(summary.get("requests sent"), (long) (int) summary.get("requests received by the server"));
        assertTrue(summary.toString().startsWith("Summary"), summary.toString());
    }
}
