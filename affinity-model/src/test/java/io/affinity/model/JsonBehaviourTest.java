package io.affinity.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affinity.model.json.AffinityJson;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the shared mapper and the generated types read and write JSON. */
class JsonBehaviourTest {

    private static final String LIST = """
      {"id": 450, "type": 0, "name": "Founders", "public": true, "owner_id": 38706,
       "creator_id": 38706, "list_size": 7}""";

    private final ObjectMapper mapper = AffinityJson.newObjectMapper();

    @Test
    void unknownPropertiesAreIgnored() throws Exception {
        String json = LIST.replace("\"id\": 450", "\"id\": 450, \"brand_new\": {\"x\": [1]}");
        AffinityList list = mapper.readValue(json, AffinityList.class);
        assertEquals(450L, list.id());
        assertEquals("Founders", list.name());
    }

    @Test
    void anUnknownEnumCodeDecodesAndIsWrittenBackUnchanged() throws Exception {
        AffinityList list = mapper.readValue(LIST.replace("\"type\": 0", "\"type\": 42"), AffinityList.class);
        assertFalse(list.type().isKnown());
        assertEquals(42, list.type().value());
        assertEquals(42, mapper.valueToTree(list).get("type").intValue());
        assertEquals(ListType.of(42), list.type());
    }

    @Test
    void aKnownEnumCodeIsItsNamedConstant() throws Exception {
        AffinityList list = mapper.readValue(LIST.replace("\"type\": 0", "\"type\": 8"), AffinityList.class);
        assertTrue(list.type().isKnown());
        assertEquals(ListType.OPPORTUNITY, list.type());
        assertEquals("OPPORTUNITY", list.type().toString());
    }

    @Test
    void missingAndNullArraysDecodeAsEmptyLists() throws Exception {
        Person absent =
                mapper.readValue("{\"id\": 1, \"type\": 0, \"first_name\": \"A\", \"last_name\": \"B\"}", Person.class);
        Person nulls = mapper.readValue(
                "{\"id\": 1, \"type\": 0, \"first_name\": \"A\", \"last_name\": \"B\", \"emails\": null,"
                        + " \"organization_ids\": null}",
                Person.class);
        assertEquals(List.of(), absent.emails());
        assertEquals(List.of(), nulls.emails());
        assertEquals(List.of(), nulls.organizationIds());
    }

    @Test
    void dateTimesKeepTheServersOffset() throws Exception {
        FieldValue value = mapper.readValue("""
        {"id": 1, "field_id": 2, "entity_id": 3, "created_at": "2017-05-04T10:44:31.526-08:00",
         "value": "x"}""", FieldValue.class);
        assertEquals(ZoneOffset.ofHours(-8), value.createdAt().getOffset());
        assertEquals(OffsetDateTime.parse("2017-05-04T10:44:31.526-08:00"), value.createdAt());
        assertEquals(
                "2017-05-04T10:44:31.526-08:00",
                mapper.valueToTree(value).get("created_at").textValue());
    }

    @Test
    void absentOptionalsAreLeftOutOfRequestBodies() {
        CreatePersonRequest request = CreatePersonRequest.builder()
                .firstName("Jane")
                .lastName("Doe")
                .addEmails("jane@example.com")
                .build();
        JsonNode body = mapper.valueToTree(request);
        assertEquals(List.of("first_name", "last_name", "emails"), fieldNames(body));
    }

    @Test
    void valueTypesHaveBuildersAndCopies() {
        AffinityList list = AffinityList.builder()
                .id(1L)
                .type(ListType.PERSON)
                .name("A")
                .isPublic(false)
                .ownerId(2L)
                .listSize(0L)
                .build();
        AffinityList renamed = ImmutableAffinityList.copyOf(list).withName("B");
        assertEquals("B", renamed.name());
        assertEquals("A", list.name());
        assertEquals(renamed, AffinityList.builder().from(list).name("B").build());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\": 450, \"name\": ", // truncated
                "{\"id\": \"four\", \"type\": 0, \"name\": \"x\"}", // wrong type
                "{\"type\": 0, \"name\": \"x\", \"public\": true}", // required id missing
                "{\"id\": null, \"type\": 0, \"name\": \"x\"}", // required id null
                "{\"id\": 1, \"type\": null, \"name\": \"x\"}", // required enum null
                "{\"id\": 1, \"type\": \"zero\", \"name\": \"x\"}", // enum of the wrong kind
                "[1, 2, 3]", // not an object
                "{\"id\": 1, \"type\": 0, \"name\": \"x\", \"public\": true, \"owner_id\": 1, \"list_size\": 1,"
                        + " \"additional_permissions\": [null]}" // null element in an array
            })
    void aMalformedDocumentFailsWithAJacksonError(String json) {
        Exception error = assertThrows(Exception.class, () -> mapper.readValue(json, AffinityList.class));
        assertInstanceOf(JsonProcessingException.class, error, () -> "not a Jackson error: " + error);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
