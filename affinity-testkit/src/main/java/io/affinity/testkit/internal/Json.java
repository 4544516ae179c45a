package io.affinity.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affinity.model.json.AffinityJson;

/** The SDK's shared ObjectMapper, which the testkit reads and writes its JSON with. */
final class Json {

    private static final ObjectMapper MAPPER = AffinityJson.newObjectMapper();

    private Json() {}

    static ObjectMapper mapper() {
        return MAPPER;
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Serializes a tree or value to UTF-8 bytes. */
    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize testkit JSON", e);
        }
    }
}
