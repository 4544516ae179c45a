package io.affinity.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.affinity.client.recipes.EntityNames;
import io.affinity.model.AffinityList;
import io.affinity.model.Field;
import io.affinity.model.FieldValue;
import io.affinity.model.ListEntry;
import io.affinity.testkit.AffinityMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process against the testkit over loopback HTTP, with the dataset the embedded fake serves. */
class AffinityCliTest {

    private static AffinityMockServer server;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        server = AffinityMockServer.builder().start();
        server.seed(Connection.EMBEDDED_DATASET);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private int run(String... args) {
        return run(server, args);
    }

    private int run(AffinityMockServer server, String... args) {
        List<String> all =
                new ArrayList<>(List.of("--base-url", server.baseUrl().toString()));
        all.addAll(List.of(args));
        return AffinityCli.run(
                all.toArray(String[]::new),
                Map.of("AFFINITY_API_KEY", server.apiKey()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false,
                new AtomicBoolean());
    }

    @Test
    void theCsvHoldsEveryEntryOfTheListWithItsFieldValues() throws Exception {
        AffinityList list = server.state().lists().get(1);
        Path csv = dir.resolve("export.csv");

        assertEquals(
                AffinityCli.OK,
                run("export", "list", list.name(), "--format", "csv", "--out", csv.toString()),
                err.toString());

        assertEquals(expectedCsv(list), Files.readString(csv));
        assertFalse(Files.exists(dir.resolve("export.csv.checkpoint")));
        assertTrue(err.toString().contains("Exported 120 rows"), err.toString());
    }

    @Test
    void aStoppedAndResumedExportWritesTheSameFileAsAnUninterruptedOne() throws Exception {
        for (String format : List.of("csv", "jsonl")) {
            Path whole = dir.resolve("whole." + format);
            Path resumed = dir.resolve("resumed." + format);
            assertEquals(
                    AffinityCli.OK,
                    run(
                            "export",
                            "list",
                            "Generated list 1",
                            "--format",
                            format,
                            "--out",
                            whole.toString(),
                            "--page-size",
                            "7"),
                    err.toString());

            assertEquals(
                    AffinityCli.STOPPED,
                    run(
                            "export",
                            "list",
                            "Generated list 1",
                            "--format",
                            format,
                            "--out",
                            resumed.toString(),
                            "--page-size",
                            "7",
                            "--stop-after",
                            "17"),
                    err.toString());
            assertTrue(Files.exists(dir.resolve("resumed." + format + ".checkpoint")));
            Files.writeString(resumed, "partial row of a killed run", java.nio.file.StandardOpenOption.APPEND);
            assertEquals(
                    AffinityCli.STOPPED,
                    run(
                            "export",
                            "list",
                            "Generated list 1",
                            "--format",
                            format,
                            "--out",
                            resumed.toString(),
                            "--page-size",
                            "7",
                            "--resume",
                            "--stop-after",
                            "40"),
                    err.toString());
            assertEquals(
                    AffinityCli.OK,
                    run(
                            "export",
                            "list",
                            "Generated list 1",
                            "--format",
                            format,
                            "--out",
                            resumed.toString(),
                            "--page-size",
                            "7",
                            "--resume"),
                    err.toString());

            assertEquals(Files.readString(whole), Files.readString(resumed), format);
            assertFalse(Files.exists(dir.resolve("resumed." + format + ".checkpoint")));
        }
    }

    @Test
    void jsonLinesCarryTypedValuesOfTheChosenFields() throws Exception {
        AffinityList list = server.state().lists().get(0);
        Path jsonl = dir.resolve("export.jsonl");
        assertEquals(
                AffinityCli.OK,
                run(
                        "export",
                        "list",
                        list.id().toString(),
                        "--format",
                        "jsonl",
                        "--out",
                        jsonl.toString(),
                        "--fields",
                        "Amount,Status"),
                err.toString());

        List<String> lines = Files.readAllLines(jsonl);
        assertEquals(120, lines.size());
        boolean sawNumber = false;
        for (String line : lines) {
            JsonNode row = Json.MAPPER.readTree(line);
            assertEquals(List.of("Amount", "Status"), iterable(row.get("fields").fieldNames()));
            JsonNode amount = row.get("fields").get("Amount");
            sawNumber |= amount.isNumber();
            assertTrue(amount.isNull() || amount.isNumber(), line);
        }
        assertTrue(sawNumber);
    }

    @Test
    void usageErrorsAndTheOtherCommands() {
        assertEquals(
                AffinityCli.USAGE,
                run(
                        "export",
                        "list",
                        "No such list",
                        "--format",
                        "csv",
                        "--out",
                        dir.resolve("x.csv").toString()));
        assertTrue(err.toString().contains("no list named 'No such list'"), err.toString());
        assertEquals(AffinityCli.USAGE, run("export", "list", "1", "--format", "xml", "--out", "x"));
        assertEquals(
                AffinityCli.USAGE,
                run(
                        "export",
                        "list",
                        "Generated list 1",
                        "--format",
                        "csv",
                        "--out",
                        dir.resolve("y.csv").toString(),
                        "--resume"));
        assertEquals(AffinityCli.OK, run("whoami"));
        assertEquals(AffinityCli.OK, run("rate-limit"));
        assertEquals(AffinityCli.OK, run("status-history", "Generated list 1", "Status"));
        assertEquals(AffinityCli.USAGE, run("status-history", "Generated list 1", "Nope"));
        assertFalse(err.toString().contains(server.apiKey()));
    }

    @Test
    void statusHistoryIsRefusedWhenTheMonthlyQuotaCannotCoverItAndGoesOnWhenItOnlyWarns() {
        int before;
        try (AffinityMockServer counting = AffinityMockServer.builder().start()) {
            counting.seed(Connection.EMBEDDED_DATASET);
            assertEquals(AffinityCli.OK, run(counting, "status-history", "Generated list 1", "Status"));
            // the requests the month counts before the plan: all but the exempt /rate-limit and the work itself
            before = counting.journal().size()
                    - counting.journal().count("getRateLimit")
                    - counting.journal().count("getFieldValueChanges");
        }
        try (AffinityMockServer small =
                AffinityMockServer.builder().monthlyLimit(before).start()) {
            small.seed(Connection.EMBEDDED_DATASET);
            assertEquals(AffinityCli.QUOTA, run(small, "status-history", "Generated list 1", "Status"), err.toString());
            assertTrue(
                    err.toString()
                            .contains("refused before sending: the monthly quota cannot cover this work: 1 "
                                    + "requests"),
                    err.toString());
            assertEquals(0, small.journal().count("getFieldValueChanges"));
        }
        try (AffinityMockServer small =
                AffinityMockServer.builder().monthlyLimit(before).start()) {
            small.seed(Connection.EMBEDDED_DATASET);
            err.reset();
            // past the plan, the client's limiter (or the server) refuses the call itself
            assertEquals(
                    AffinityCli.FAILED,
                    run(small, "status-history", "Generated list 1", "Status", "--on-quota", "warn"),
                    err.toString());
            assertTrue(err.toString().contains("rate limit"), err.toString());
        }
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    /** The CSV the list should give, built from the fake's state. */
    private static String expectedCsv(AffinityList list) {
        List<Field> fields = server.state().fields().stream()
                .filter(field -> field.listId().orElse(0L).equals(list.id()))
                .sorted(Comparator.comparing(Field::id))
                .toList();
        StringBuilder csv = new StringBuilder(Cells.csvHeader(fields));
        List<FieldValue> values = server.state().fieldValues();
        Map<Long, String> persons = new HashMap<>();
        java.util.stream.Stream.concat(server.state().persons().stream(), server.state().internalPersons().stream())
                .forEach(person -> persons.put(
                        person.id(),
                        person.firstName().orElse("") + " " + person.lastName().orElse("")));
        Map<Long, String> organizations = new HashMap<>();
        server.state()
                .organizations()
                .forEach(organization -> organizations.put(organization.id(), organization.name()));
        EntityNames names = new EntityNames(persons, organizations);
        for (ListEntry entry : server.state().listEntries(list.id())) {
            List<String> cells = new ArrayList<>(List.of(
                    entry.id().toString(),
                    entry.entityId().toString(),
                    entry.entity().flatMap(entity -> entity.name()).orElse("")));
            for (Field field : fields) {
                cells.add(values.stream()
                        .filter(value -> value.listEntryId().orElse(0L).equals(entry.id())
                                && value.fieldId().equals(field.id()))
                        .sorted(Comparator.comparing(FieldValue::id))
                        .map(value -> Cells.text(value.value().orElseThrow().as(field.valueType()), names))
                        .collect(Collectors.joining("; ")));
            }
            csv.append(cells.stream().map(Cells::csvEscape).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        assertTrue(csv.toString().lines().skip(1).anyMatch(line -> !line.endsWith(",,,,")), "no values seeded");
        assertTrue(csv.toString().matches("(?s).*[A-Za-z] \\([0-9]+\\).*"), "no person or organization named");
        return csv.toString();
    }
}
