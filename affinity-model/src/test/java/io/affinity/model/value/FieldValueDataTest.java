package io.affinity.model.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affinity.model.FieldValue;
import io.affinity.model.FieldValueType;
import io.affinity.model.json.AffinityJson;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every documented shape of a field value's {@code value} decodes to its variant and back. */
class FieldValueDataTest {

    private final ObjectMapper mapper = AffinityJson.newObjectMapper();

    private FieldValueData read(String json) throws Exception {
        return mapper.readValue(json, FieldValueData.class);
    }

    private void assertWritesBack(String json, FieldValueData value) throws Exception {
        assertEquals(mapper.readTree(json).toString(), mapper.writeValueAsString(value));
    }

    @Test
    void text() throws Exception {
        FieldValueData value = read("\"A long summary\"");
        assertEquals(new FieldValueData.TextValue("A long summary"), value);
        assertEquals(value, value.as(FieldValueType.TEXT));
        assertWritesBack("\"A long summary\"", value);
    }

    @Test
    void dropdownText() throws Exception {
        FieldValueData value = read("\"Fintech\"").as(FieldValueType.DROPDOWN);
        assertEquals(new FieldValueData.DropdownText("Fintech"), value);
        assertWritesBack("\"Fintech\"", value);
    }

    @Test
    void number() throws Exception {
        FieldValueData value = read("1500000.5");
        assertEquals(new FieldValueData.NumberValue(new BigDecimal("1500000.5")), value);
        assertEquals(value, value.as(FieldValueType.NUMBER));
        assertWritesBack("1500000.5", value);
    }

    @Test
    void personAndOrganizationIds() throws Exception {
        assertEquals(new FieldValueData.PersonId(38706), read("38706").as(FieldValueType.PERSON));
        assertEquals(
                new FieldValueData.OrganizationId(64779194), read("64779194").as(FieldValueType.ORGANIZATION));
        assertWritesBack("38706", FieldValueData.person(38706));
        assertWritesBack("64779194", FieldValueData.organization(64779194));
    }

    @Test
    void dateKeepsItsOffset() throws Exception {
        FieldValueData value = read("\"2021-02-05T09:00:00.000-08:00\"");
        assertEquals(new FieldValueData.DateValue(OffsetDateTime.parse("2021-02-05T09:00:00-08:00")), value);
        assertEquals(value, value.as(FieldValueType.DATE));
        assertEquals("2021-02-05T09:00:00-08:00", mapper.valueToTree(value).textValue());
    }

    @Test
    void location() throws Exception {
        String json = "{\"street_address\": null, \"city\": \"San Francisco\", \"state\": \"California\","
                + " \"country\": \"United States\", \"continent\": null}";
        FieldValueData value = read(json);
        assertEquals(
                new FieldValueData.LocationValue(
                        Optional.empty(),
                        Optional.of("San Francisco"),
                        Optional.of("California"),
                        Optional.of("United States"),
                        Optional.empty()),
                value);
        assertWritesBack(
                "{\"city\": \"San Francisco\", \"state\": \"California\", \"country\": \"United States\"}", value);
    }

    @Test
    void rankedDropdown() throws Exception {
        String json = "{\"id\": 71, \"text\": \"Low\", \"rank\": 1, \"color\": 4}";
        FieldValueData value = read(json);
        assertEquals(new FieldValueData.RankedDropdown(71, "Low", Optional.of(1), Optional.of(4)), value);
        assertWritesBack(json, value);
    }

    @Test
    void multipleValuesResolveElementByElement() throws Exception {
        FieldValueData value = read("[38706, 1234]").as(FieldValueType.PERSON);
        assertEquals(
                new FieldValueData.Multiple(
                        List.of(new FieldValueData.PersonId(38706), new FieldValueData.PersonId(1234))),
                value);
        assertWritesBack("[38706, 1234]", value);
    }

    @Test
    void anyOtherShapeIsKeptAsRawJson() throws Exception {
        FieldValueData value = read("{\"unexpected\": [true]}");
        JsonNode json = assertInstanceOf(FieldValueData.Raw.class, value).json();
        assertEquals(mapper.readTree("{\"unexpected\": [true]}"), json);
        assertWritesBack("{\"unexpected\": [true]}", value);
        assertInstanceOf(FieldValueData.Raw.class, read("true"));
    }

    @Test
    void aNullValueIsAnEmptyOptionalOfTheFieldValue() throws Exception {
        FieldValue value = mapper.readValue(
                "{\"id\": 1, \"field_id\": 2, \"entity_id\": 3, \"created_at\": \"2021-02-05T09:00:00Z\", \"value\": null}",
                FieldValue.class);
        assertEquals(Optional.empty(), value.value());
    }
}
