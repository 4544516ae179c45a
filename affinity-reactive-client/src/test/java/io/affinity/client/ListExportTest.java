package io.affinity.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.recipes.AmbiguousNameException;
import io.affinity.client.recipes.ExportOptions;
import io.affinity.client.recipes.ExportProgress;
import io.affinity.client.recipes.ExportRow;
import io.affinity.client.recipes.QuotaPlan;
import io.affinity.model.AffinityList;
import io.affinity.model.CreateFieldRequest;
import io.affinity.model.Field;
import io.affinity.model.FieldEntityType;
import io.affinity.model.FieldValue;
import io.affinity.model.FieldValueType;
import io.affinity.model.ListEntry;
import io.affinity.model.value.FieldValueData;
import io.affinity.testkit.Dataset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class ListExportTest extends ResourceTest {

    private AffinityList list;

    @BeforeEach
    void seed() {
        server.seed(Dataset.builder()
                .persons(40)
                .organizations(10)
                .lists(2, 23)
                .fieldValues(400)
                .build());
        list = server.state().lists().get(0);
    }

    @Test
    void exportsEveryEntryWithTheValuesOfTheListsFieldsInListOrder() {
        List<ExportRow> rows = client.lists()
                .export(ExportOptions.list(list.name()).withPageSize(5).withConcurrency(3))
                .collectList()
                .block(TIMEOUT);

        assertEquals(expectedRows(), table(rows));
        assertEquals(5, server.journal().count("getListEntries"));
        assertEquals(23, server.journal().count("getFieldValues"));
        assertEquals(1, server.journal().count("getFields"));
    }

    @Test
    void personsAndOrganizationsAreNamedWithOneLookupPerDistinctIdCountedInThePlan() {
        Map<Long, String> persons = new java.util.HashMap<>();
        java.util.stream.Stream.concat(server.state().persons().stream(), server.state().internalPersons().stream())
                .forEach(person -> persons.put(
                        person.id(),
                        person.firstName().orElse("") + " " + person.lastName().orElse("")));
        Map<Long, String> organizations = new java.util.HashMap<>();
        server.state()
                .organizations()
                .forEach(organization -> organizations.put(organization.id(), organization.name()));
        AtomicReference<QuotaPlan> plan = new AtomicReference<>();

        List<ExportRow> rows = client.lists()
                .export(ExportOptions.list(list.id()).withNameLookups(1000).withOnPlan(plan::set))
                .collectList()
                .block(TIMEOUT);

        java.util.Set<String> referenced = new java.util.HashSet<>();
        for (ExportRow row : rows) {
            for (Field field : row.fields()) {
                for (FieldValueData value : row.values(field)) {
                    if (value instanceof FieldValueData.PersonId person) {
                        referenced.add("/persons/" + person.id());
                        assertEquals(
                                java.util.Optional.ofNullable(persons.get(person.id())),
                                row.names().of(value));
                    } else if (value instanceof FieldValueData.OrganizationId organization) {
                        referenced.add("/organizations/" + organization.id());
                        assertEquals(
                                java.util.Optional.ofNullable(organizations.get(organization.id())),
                                row.names().of(value));
                    }
                }
            }
        }
        assertFalse(referenced.isEmpty(), "no person or organization values seeded");
        List<String> lookups = server.journal().requests().stream()
                .filter(request ->
                        "getPerson".equals(request.operationId()) || "getOrganization".equals(request.operationId()))
                .map(request -> request.path())
                .toList();
        assertEquals(lookups.size(), new java.util.HashSet<>(lookups).size(), "an id looked up twice: " + lookups);
        assertTrue(referenced.containsAll(lookups));
        List<Field> named = rows.get(0).fields().stream()
                .filter(field -> field.valueType().equals(FieldValueType.PERSON)
                        || field.valueType().equals(FieldValueType.ORGANIZATION))
                .toList();
        long lookupBound = named.stream().anyMatch(Field::allowsMultiple) ? 1000 : Math.min(1000, 23L * named.size());
        assertEquals(23 + 1 + lookupBound, plan.get().requestsNeeded());

        int before = lookups.size();
        List<ExportRow> budgeted = client.lists()
                .export(ExportOptions.list(list.id()).withNameLookups(2))
                .collectList()
                .block(TIMEOUT);
        assertEquals(23, budgeted.size());
        assertEquals(
                before + 2,
                server.journal().count("getPerson") + server.journal().count("getOrganization"));
    }

    @Test
    void aResumedExportContinuesAfterTheLastRowExported() {
        ExportOptions options = ExportOptions.list(list.id()).withPageSize(4);
        List<ExportRow> first =
                client.lists().export(options).take(10).collectList().block(TIMEOUT);
        List<ExportRow> rest = client.lists()
                .export(options.withResumeFrom(first.get(9).next()))
                .collectList()
                .block(TIMEOUT);

        List<ExportRow> all = new ArrayList<>(first);
        all.addAll(rest);
        assertEquals(expectedRows(), table(all));
    }

    @Test
    void reportsPlanAndProgress() {
        List<ExportProgress> progress = new ArrayList<>();
        AtomicReference<Object> plan = new AtomicReference<>();
        client.lists()
                .export(ExportOptions.list(list.id())
                        .withPageSize(10)
                        .withOnPlan(plan::set)
                        .withOnProgress(progress::add))
                .blockLast(TIMEOUT);

        assertTrue(
                plan.get().toString().startsWith("26 requests, 1 s at 900/min; monthly quota left: "),
                plan.get().toString());
        ExportProgress last = progress.get(progress.size() - 1);
        assertEquals(23, progress.size());
        assertEquals(23, last.rowsDone());
        assertEquals(23, last.estimatedTotal());
        assertEquals(3 + 23, last.requestsSent());
    }

    @Test
    void selectedFieldsComeInTheOrderAskedAndAmbiguousNamesListTheCandidates() {
        List<Field> own = client.fields().cache().forList(list.id()).block(TIMEOUT);
        List<String> names = List.of(own.get(2).name(), own.get(0).name());
        ExportRow row = client.lists()
                .export(ExportOptions.list(list.id()).withFields(names))
                .blockFirst(TIMEOUT);
        assertEquals(names, row.fields().stream().map(Field::name).toList());

        Field twin = client.fields()
                .create(CreateFieldRequest.builder()
                        .name(own.get(0).name())
                        .entityType(FieldEntityType.PERSON)
                        .valueType(FieldValueType.TEXT)
                        .build())
                .block(TIMEOUT);
        AmbiguousNameException ambiguous = assertThrows(
                AmbiguousNameException.class,
                () -> client.fields().cache().byName(own.get(0).name()).block(TIMEOUT));
        List<Long> namesakes = server.state().fields().stream()
                .filter(field -> field.name().equalsIgnoreCase(own.get(0).name()))
                .map(Field::id)
                .sorted()
                .toList();
        assertTrue(namesakes.size() >= 2 && namesakes.contains(twin.id()), namesakes.toString());
        assertEquals(
                namesakes, ambiguous.candidates().keySet().stream().sorted().toList());
        assertTrue(ambiguous.getMessage().contains(String.valueOf(twin.id())), ambiguous.getMessage());
        // the list's own field wins over a global namesake
        assertEquals(
                own.get(0).id(),
                client.fields()
                        .cache()
                        .byName(list.id(), own.get(0).name())
                        .block(TIMEOUT)
                        .id());
    }

    @Test
    void theCacheServesLookupsUntilItsTtlPassesOrAFieldIsCreatedOrDeleted() {
        AtomicLong now = new AtomicLong();
        try (AffinityClient timed = ResourceTestSupport.builder(server)
                .ticker(now::get)
                .fieldCacheTtl(java.time.Duration.ofMinutes(1))
                .build()) {
            FieldCache cache = timed.fields().cache();
            cache.all().block(TIMEOUT);
            cache.byName("Status")
                    .onErrorResume(e -> reactor.core.publisher.Mono.empty())
                    .block(TIMEOUT);
            assertEquals(1, server.journal().count("getFields"));
            now.addAndGet(java.time.Duration.ofSeconds(61).toNanos());
            cache.all().block(TIMEOUT);
            assertEquals(2, server.journal().count("getFields"));
            Field created = timed.fields()
                    .create(CreateFieldRequest.builder()
                            .name("Fresh")
                            .entityType(FieldEntityType.PERSON)
                            .valueType(FieldValueType.TEXT)
                            .build())
                    .block(TIMEOUT);
            assertEquals(created.id(), cache.byName("Fresh").block(TIMEOUT).id());
            assertEquals(3, server.journal().count("getFields"));
            timed.fields().delete(created.id()).block(TIMEOUT);
            assertInstanceOf(
                    IllegalArgumentException.class,
                    assertThrows(
                            RuntimeException.class, () -> cache.byName("Fresh").block(TIMEOUT)));
            cache.refresh().block(TIMEOUT);
            assertEquals(5, server.journal().count("getFields"));
        }
    }

    @Test
    void badOptionsFailBeforeAnyRequest() {
        assertThrows(IllegalArgumentException.class, () -> ExportOptions.list(0));
        assertThrows(IllegalArgumentException.class, () -> ExportOptions.list(" "));
        assertThrows(IllegalArgumentException.class, () -> ExportOptions.list(1).withConcurrency(0));
        Flux<ExportRow> rows = client.lists().export(null);
        assertThrows(IllegalArgumentException.class, () -> rows.blockFirst(TIMEOUT));
        assertThrows(
                IllegalArgumentException.class,
                () -> client.lists().export(ExportOptions.list("No such list")).blockFirst(TIMEOUT));
        assertEquals(0, server.journal().count("getListEntries"));
    }

    /** The entries of the list with their values, by field name, from the server's state. */
    private List<Map<String, Object>> expectedRows() {
        List<Field> fields = server.state().fields().stream()
                .filter(field -> field.listId().orElse(0L).equals(list.id()))
                .sorted(Comparator.comparing(Field::id))
                .toList();
        List<Map<String, Object>> expected = new ArrayList<>();
        for (ListEntry entry : server.state().listEntries(list.id())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("entry", entry.id());
            row.put("entity", entry.entityId());
            for (Field field : fields) {
                row.put(
                        field.name(),
                        server.state().fieldValues().stream()
                                .filter(value -> value.listEntryId().orElse(0L).equals(entry.id())
                                        && value.fieldId().equals(field.id()))
                                .sorted(Comparator.comparing(FieldValue::id))
                                .map(value -> value.value().orElseThrow().as(field.valueType()))
                                .toList());
            }
            expected.add(row);
        }
        assertTrue(
                expected.stream()
                        .anyMatch(row -> row.values().stream()
                                .anyMatch(cell -> cell instanceof List<?> values && !values.isEmpty())),
                "no values seeded");
        return expected;
    }

    private static List<Map<String, Object>> table(List<ExportRow> rows) {
        List<Map<String, Object>> table = new ArrayList<>();
        for (ExportRow exported : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("entry", exported.entry().id());
            row.put("entity", exported.entry().entityId());
            for (Field field : exported.fields()) {
                List<FieldValueData> values = exported.values(field);
                row.put(field.name(), values);
            }
            table.add(row);
        }
        return table;
    }
}
