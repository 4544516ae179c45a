package io.affinity.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator made an immutable value type of every object schema and an open enum of every enum. */
class GeneratedTypesTest {

    private final Spec spec = Spec.load();

    @Test
    void everyObjectSchemaHasAnImmutableValueTypeWithBuilderAndCopies() throws Exception {
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.schemas().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = it.next();
            if (!"object".equals(schema.getValue().path("type").asText())
                    || hasBinary(schema.getValue())
                    || schema.getValue().path("x-form-body").asBoolean()
                    || schema.getValue().path("x-null-value").asBoolean()) {
                continue; // a multipart form with file parts, a form-encoded body or null is not a JSON value type
            }
            count++;
            Class<?> abstractType = ModelTypes.modelClass(schema.getKey());
            try {
                Class<?> immutable = Class.forName(abstractType.getPackageName() + ".Immutable" + schema.getKey());
                assertTrue(abstractType.isAssignableFrom(immutable));
                assertTrue(Modifier.isStatic(
                        immutable.getMethod("copyOf", abstractType).getModifiers()));
                assertEquals(
                        schema.getValue().path("x-wire-only").asBoolean(),
                        abstractType.getPackageName().equals("io.affinity.model.wire"),
                        schema.getKey() + "'s package");
                // users copy and change values without naming the Immutable class
                assertEquals(
                        abstractType,
                        abstractType.getMethod("copyOf", abstractType).getReturnType());
                assertTrue(abstractType.getMethod("toBuilder").getReturnType().getMethod("build") != null);
                Method builder = abstractType.getMethod("builder");
                assertTrue(builder.getReturnType().getMethod("from", abstractType) != null);
            } catch (ReflectiveOperationException e) {
                problems.add(schema.getKey() + ": " + e);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(count > 20, "object schemas: " + count);
        System.out.printf("immutable value types: %d%n", count);
    }

    private static boolean hasBinary(JsonNode schema) {
        for (JsonNode property : schema.path("properties")) {
            JsonNode type = property.has("items") ? property.get("items") : property;
            if ("binary".equals(type.path("format").asText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyEnumSchemaIsAnOpenEnumWithItsNamedConstants() throws Exception {
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.schemas().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = it.next();
            JsonNode node = schema.getValue();
            if (!node.has("enum") || node.path("x-null-value").asBoolean()) {
                continue;
            }
            Class<?> type = ModelTypes.modelClass(schema.getKey());
            List<?> values = (List<?>) type.getMethod("values").invoke(null);
            assertEquals(node.get("enum").size(), values.size(), schema.getKey());
            assertEquals(
                    node.get("enum").size(),
                    node.path("x-enum-varnames").size(),
                    schema.getKey() + " needs x-enum-varnames");
            for (JsonNode name : node.get("x-enum-varnames")) {
                assertTrue(values.contains(type.getField(name.asText()).get(null)), schema.getKey() + "." + name);
            }
        }
    }
}
