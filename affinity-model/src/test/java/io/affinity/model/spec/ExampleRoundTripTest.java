package io.affinity.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affinity.model.json.AffinityJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every example of the spec decodes into its model type and re-encodes to the same JSON. */
class ExampleRoundTripTest {

    private final Spec spec = Spec.load();
    private final ObjectMapper mapper = AffinityJson.newObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyJsonExampleRoundTrips() {
        List<Spec.Example> examples =
                spec.examples().stream().filter(e -> e.file().endsWith(".json")).toList();
        assertTrue(examples.size() > 59, "examples found: " + examples.size());
        return examples.stream()
                .map(example -> DynamicTest.dynamicTest(
                        example.file() + " (" + example.referencedFrom() + ")", () -> roundTrip(example)));
    }

    private void roundTrip(Spec.Example example) throws IOException {
        Path file = spec.directory().resolve(example.file());
        JsonNode original = mapper.readTree(Files.readString(file));
        JavaType type = ModelTypes.javaType(example.schema(), original);
        Object decoded = mapper.readValue(file.toFile(), type);
        assertNotNull(decoded);
        JsonNode reencoded = mapper.valueToTree(decoded);
        assertEquals(normalize(original), normalize(reencoded), "round trip of " + example.file() + " as " + type);
    }

    /**
     * Normalizes what may legitimately differ: an absent, null or empty-array property; a number's
     * notation; a date-time's notation of the same instant and offset.
     */
    static JsonNode normalize(JsonNode node) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node.isObject()) {
            ObjectNode result = nodes.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (!value.isNull() && !(value.isArray() && value.isEmpty())) {
                    result.set(field.getKey(), normalize(value));
                }
            }
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = nodes.arrayNode();
            node.forEach(element -> result.add(normalize(element)));
            return result;
        }
        if (node.isNumber()) {
            return nodes.numberNode(node.decimalValue().stripTrailingZeros());
        }
        if (node.isTextual()) {
            try {
                return nodes.textNode(OffsetDateTime.parse(node.textValue()).toString());
            } catch (DateTimeParseException notADateTime) {
                return node;
            }
        }
        return node;
    }
}
