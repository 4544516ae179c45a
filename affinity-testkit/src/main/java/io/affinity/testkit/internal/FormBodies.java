package io.affinity.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads an {@code application/x-www-form-urlencoded} body the way OpenAPI describes it (style {@code form}, explode):
 * guided by the body's schema, a key whose property is an array collects every occurrence, other keys take their one
 * value, and values are text unless the property is a number, an integer or a boolean. The Atlassian validator reads
 * forms by guessing each value's type from its text and makes a key that occurs once a scalar, which refuses the
 * reference's own form examples ({@code organization_ids[]=120611418} is an array of one text).
 */
public final class FormBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FormBodies() {}

    /**
     * @param form the body as sent
     * @param schema the schema of the form (a {@code $ref} is resolved in {@code api})
     * @param api the spec
     * @return the form as the JSON object the schema describes
     */
    public static ObjectNode decode(String form, Schema<?> schema, OpenAPI api) {
        Schema<?> object = resolve(schema, api);
        Map<String, Schema> properties = object.getProperties() == null ? Map.of() : object.getProperties();
        ObjectNode json = NODES.objectNode();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decodeText(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeText(pair.substring(eq + 1));
            Schema<?> property = properties.get(key) == null ? null : resolve(properties.get(key), api);
            if (property != null && "array".equals(property.getType())) {
                JsonNode existing = json.get(key);
                ArrayNode array = existing instanceof ArrayNode a ? a : json.putArray(key);
                array.add(typed(value, property.getItems() == null ? null : resolve(property.getItems(), api)));
            } else {
                json.set(key, typed(value, property));
            }
        }
        return json;
    }

    private static String decodeText(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** The value as the property's type reads it; text that does not read as that type stays text (and is refused). */
    private static JsonNode typed(String value, Schema<?> property) {
        String type = property == null ? null : property.getType();
        try {
            if ("integer".equals(type)) {
                return NODES.numberNode(Long.parseLong(value));
            }
            if ("number".equals(type)) {
                return NODES.numberNode(new java.math.BigDecimal(value));
            }
        } catch (NumberFormatException notANumber) {
            return NODES.textNode(value);
        }
        if ("boolean".equals(type) && (value.equals("true") || value.equals("false"))) {
            return NODES.booleanNode(Boolean.parseBoolean(value));
        }
        return NODES.textNode(value);
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> resolve(Schema<?> schema, OpenAPI api) {
        Schema<?> s = schema;
        while (s != null && s.get$ref() != null) {
            Schema ref = api.getComponents()
                    .getSchemas()
                    .get(s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1));
            s = ref;
        }
        return s;
    }
}
