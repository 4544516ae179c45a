package io.affinity.model.jackson3.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affinity.model.json.AffinityJson;
import io.affinity.model.value.FieldValueData;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Reads and writes {@link FieldValueData} through the model's own (Jackson 2) rules, so that both Jackson
 * versions agree on every variant: a value is written as the tokens the Jackson 2 mapper writes, and
 * read by carrying the Jackson 3 tree over to Jackson 2's node model, numbers keeping their kind.
 */
public final class FieldValueDataBridge {

    private static final ObjectMapper JACKSON2 = AffinityJson.newObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonFactory TOKENS = new JsonFactory();

    private FieldValueDataBridge() {}

    /** Writes a field value in the shape of its variant. */
    public static final class Writer extends StdSerializer<FieldValueData> {

        /** Creates the serializer. */
        public Writer() {
            super(FieldValueData.class);
        }

        @Override
        public void serialize(FieldValueData value, JsonGenerator gen, SerializationContext context) {
            String json;
            try {
                json = JACKSON2.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw DatabindException.from(gen, "field value not writable: " + e.getOriginalMessage(), e);
            }
            // copied token by token, numbers exactly: any generator (pretty printer, token buffer) gets structure
            try (JsonParser parser = TOKENS.createParser(ObjectReadContext.empty(), json)) {
                parser.nextToken();
                gen.copyCurrentStructureExact(parser);
            }
        }
    }

    /** Reads a field value from its JSON shape. */
    public static final class Reader extends StdDeserializer<FieldValueData> {

        private static final long serialVersionUID = 1L;

        /** Creates the deserializer. */
        public Reader() {
            super(FieldValueData.class);
        }

        @Override
        public FieldValueData deserialize(JsonParser parser, DeserializationContext context) {
            JsonNode tree = context.readTree(parser);
            try {
                return JACKSON2.treeToValue(toJackson2(tree), FieldValueData.class);
            } catch (JsonProcessingException e) {
                return context.reportInputMismatch(this, "field value not readable: %s", e.getOriginalMessage());
            }
        }

        @Override
        public FieldValueData getNullValue(DeserializationContext context) {
            return null;
        }
    }

    static com.fasterxml.jackson.databind.JsonNode toJackson2(JsonNode node) {
        if (node.isObject()) {
            ObjectNode result = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                result.set(field.getKey(), toJackson2(field.getValue()));
            }
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = NODES.arrayNode(node.size());
            for (JsonNode element : node.values()) {
                result.add(toJackson2(element));
            }
            return result;
        }
        if (node.isString()) {
            return NODES.textNode(node.stringValue());
        }
        if (node.isBoolean()) {
            return NODES.booleanNode(node.booleanValue());
        }
        if (node.isNumber()) {
            if (node.isInt()) {
                return NODES.numberNode(node.intValue());
            }
            if (node.isLong()) {
                return NODES.numberNode(node.longValue());
            }
            if (node.isBigInteger()) {
                return NODES.numberNode(node.bigIntegerValue());
            }
            if (node.isDouble()) {
                return NODES.numberNode(node.doubleValue());
            }
            if (node.isFloat()) {
                return NODES.numberNode(node.floatValue());
            }
            return NODES.numberNode(node.decimalValue());
        }
        return NODES.nullNode();
    }
}
