package io.affinity.model.spec;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.affinity.model.value.FieldValueData;

/** Maps a spec schema to the Java model type the generator made of it. */
public final class ModelTypes {

    private static final String MODEL_PACKAGE = "io.affinity.model.";

    private ModelTypes() {}

    /**
     * @param schema a schema node of the spec
     * @param json the JSON the type must hold, to pick the alternative of a {@code oneOf}
     * @return the Java type
     */
    public static JavaType javaType(JsonNode schema, JsonNode json) {
        TypeFactory types = TypeFactory.defaultInstance();
        if (schema.has("$ref")) {
            return types.constructType(modelClass(Spec.refName(schema)));
        }
        if (schema.has("oneOf")) {
            for (JsonNode alternative : schema.get("oneOf")) {
                boolean isArray = "array".equals(alternative.path("type").asText());
                if (isArray == json.isArray()) {
                    return javaType(alternative, json);
                }
            }
            throw new IllegalArgumentException("no oneOf alternative fits " + json.getNodeType());
        }
        if ("array".equals(schema.path("type").asText())) {
            JsonNode first = json.isArray() && !json.isEmpty() ? json.get(0) : json;
            return types.constructCollectionType(java.util.List.class, javaType(schema.get("items"), first));
        }
        throw new IllegalArgumentException("not a model schema: " + schema);
    }

    /** @return the class generated for a named schema */
    public static Class<?> modelClass(String schemaName) {
        if (schemaName.equals("FieldValueValue")) {
            return FieldValueData.class;
        }
        try {
            return Class.forName(MODEL_PACKAGE + schemaName);
        } catch (ClassNotFoundException notInTheModelPackage) {
            try {
                return Class.forName(MODEL_PACKAGE + "wire." + schemaName); // x-wire-only envelopes
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("no model type for schema " + schemaName, e);
            }
        }
    }
}
