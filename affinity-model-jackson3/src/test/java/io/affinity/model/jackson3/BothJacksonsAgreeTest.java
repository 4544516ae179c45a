package io.affinity.model.jackson3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.affinity.model.AffinityList;
import io.affinity.model.CreatePersonRequest;
import io.affinity.model.FieldValue;
import io.affinity.model.Person;
import io.affinity.model.json.AffinityJson;
import io.affinity.model.spec.ModelTypes;
import io.affinity.model.spec.Spec;
import io.affinity.model.value.DateOrDateTime;
import io.affinity.model.value.FieldValueData;
import io.affinity.model.value.RateLimitQuota;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.TypeFactory;

/** A Jackson 3 mapper with {@link AffinityJackson3Module} reads and writes every model exactly as AffinityJson. */
class BothJacksonsAgreeTest {

    private static final Spec SPEC = Spec.load();

    private final ObjectMapper jackson2 = AffinityJson.newObjectMapper();
    /** A default Jackson 3 mapper, as an application has it, plus the one module. */
    private final JsonMapper jackson3 =
            JsonMapper.builder().addModule(new AffinityJackson3Module()).build();

    @TestFactory
    Stream<DynamicTest> everyExampleReadsAndWritesTheSameWithBothMappers() {
        List<Spec.Example> examples =
                SPEC.examples().stream().filter(e -> e.file().endsWith(".json")).toList();
        assertTrue(examples.size() > 59, "examples found: " + examples.size());
        return examples.stream()
                .map(example -> DynamicTest.dynamicTest(
                        example.file() + " (" + example.referencedFrom() + ")", () -> compare(example)));
    }

    private void compare(Spec.Example example) throws Exception {
        Path file = SPEC.directory().resolve(example.file());
        String json = Files.readString(file);
        com.fasterxml.jackson.databind.JavaType type2 = ModelTypes.javaType(example.schema(), jackson2.readTree(json));
        Object read2 = jackson2.readValue(json, type2);
        Object read3 = jackson3.readValue(json, jackson3Type(type2));
        assertEquals(read2, read3, "decoded " + example.file());
        String written2 = jackson2.writeValueAsString(read2);
        String written3 = jackson3.writeValueAsString(read3);
        assertEquals(jackson2.readTree(written2), jackson2.readTree(written3), "encoded " + example.file());
    }

    private static JavaType jackson3Type(com.fasterxml.jackson.databind.JavaType type) {
        TypeFactory types = TypeFactory.createDefaultInstance();
        if (type.isCollectionLikeType()) {
            return types.constructCollectionType(
                    List.class, type.getContentType().getRawClass());
        }
        return types.constructType(type.getRawClass());
    }

    @Test
    void absentOptionalsAreLeftOutAndUnknownPropertiesIgnored() throws Exception {
        CreatePersonRequest request = CreatePersonRequest.builder()
                .firstName("Ada")
                .lastName("Lovelace")
                .build();
        String written = jackson3.writeValueAsString(request);
        assertEquals(jackson2.writeValueAsString(request), written);
        assertFalse(written.contains("null"), written);

        Person person = jackson3.readValue(
                "{\"id\":1,\"type\":0,\"first_name\":\"A\",\"last_name\":\"B\",\"primary_email\":null,"
                        + "\"emails\":null,\"surprise\":{\"x\":[1]}}",
                Person.class);
        assertEquals(
                jackson2.readValue(
                        "{\"id\":1,\"type\":0,\"first_name\":\"A\",\"last_name\":\"B\","
                                + "\"primary_email\":null,\"emails\":null,\"surprise\":{\"x\":[1]}}",
                        Person.class),
                person);
        assertTrue(person.emails().isEmpty());
    }

    @Test
    void fieldValueVariantsOpenEnumsAndValueTypesMatch() throws Exception {
        for (String value : List.of(
                "\"Title 1\"",
                "12.50",
                "7",
                "\"2017-05-04T10:44:31.526-08:00\"",
                "{\"id\":3,\"text\":\"High\",\"rank\":1,\"color\":2}",
                "{\"city\":\"Paris\",\"country\":null}",
                "[1,\"a\",null]",
                "{\"weird\":true}",
                "true")) {
            FieldValueData two = jackson2.readValue(value, FieldValueData.class);
            FieldValueData three = jackson3.readValue(value, FieldValueData.class);
            assertEquals(two, three, value);
            assertEquals(jackson2.writeValueAsString(two), jackson3.writeValueAsString(three), value);
        }
        FieldValueData twelve = new FieldValueData.NumberValue(new java.math.BigDecimal("12.50"));
        assertEquals("12.50", jackson3.writeValueAsString(twelve));
        assertEquals(
                jackson2.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(new FieldValueData.LocationValue(
                                Optional.of("1 Main St"),
                                Optional.of("Paris"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()))
                        .replaceAll("\\s", ""),
                jackson3.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(new FieldValueData.LocationValue(
                                Optional.of("1 Main St"),
                                Optional.of("Paris"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()))
                        .replaceAll("\\s", ""));
        FieldValue text = FieldValue.builder()
                .id(1L)
                .fieldId(2L)
                .entityId(3L)
                .createdAt(OffsetDateTime.parse("2017-05-04T10:44:31.526-08:00"))
                .value(new FieldValueData.TextValue("Title 1"))
                .build();
        assertTrue(jackson3.writeValueAsString(text).contains("\"value\":\"Title 1\""));
        assertEquals(jackson2.writeValueAsString(text), jackson3.writeValueAsString(text));

        for (String quota : List.of("900", "\"unlimited\"")) {
            assertEquals(
                    jackson2.readValue(quota, RateLimitQuota.class), jackson3.readValue(quota, RateLimitQuota.class));
            assertEquals(quota, jackson3.writeValueAsString(jackson3.readValue(quota, RateLimitQuota.class)));
        }
        for (String when : List.of("\"2024-03-01\"", "\"2024-03-01T10:00:00-08:00\"")) {
            DateOrDateTime three = jackson3.readValue(when, DateOrDateTime.class);
            assertEquals(jackson2.readValue(when, DateOrDateTime.class), three);
            assertEquals(jackson2.writeValueAsString(three), jackson3.writeValueAsString(three));
        }
        String list = "{\"id\":1,\"type\":42,\"name\":\"L\",\"public\":true,\"owner_id\":2,\"list_size\":0}";
        AffinityList read = jackson3.readValue(list, AffinityList.class);
        assertFalse(read.type().isKnown());
        assertEquals(
                jackson2.writeValueAsString(jackson2.readValue(list, AffinityList.class)),
                jackson3.writeValueAsString(read));
    }

    @Test
    void dateTimesKeepTheirOffset() throws Exception {
        String json = "{\"id\":1,\"type\":0,\"first_name\":\"A\",\"last_name\":\"B\","
                + "\"interaction_dates\":{\"first_email_date\":\"2017-05-04T10:44:31.526-08:00\"}}";
        Person person = jackson3.readValue(json, Person.class);
        assertEquals(
                jackson2.writeValueAsString(jackson2.readValue(json, Person.class)),
                jackson3.writeValueAsString(person));
        assertTrue(jackson3.writeValueAsString(person).contains("-08:00"), jackson3.writeValueAsString(person));
        assertEquals(
                Optional.of(new BigDecimal("12.5")).map(BigDecimal::toPlainString),
                Optional.of(((FieldValueData.NumberValue) jackson3.readValue("12.5", FieldValueData.class))
                        .number()
                        .toPlainString()));
        assertEquals(
                OffsetDateTime.parse("2017-05-04T10:44:31.526-08:00").getOffset(),
                ((FieldValueData.DateValue)
                                jackson3.readValue("\"2017-05-04T10:44:31.526-08:00\"", FieldValueData.class))
                        .dateTime()
                        .getOffset());
    }
}
