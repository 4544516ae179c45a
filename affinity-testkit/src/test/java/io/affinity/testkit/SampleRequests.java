package io.affinity.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affinity.testkit.internal.ApiSpec;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds, from the spec alone, a request that conforms to it for every operation. */
final class SampleRequests {

    static final String BOUNDARY = "testkit-boundary";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SampleRequests() {}

    /**
     * A conforming request.
     *
     * @param operationId the operation
     * @param method the HTTP method
     * @param pathAndQuery the path with ids filled in and required query parameters
     * @param contentType the body's content type, or null without a body
     * @param body the body, or null
     */
    record Sample(
            String operationId,
            String method,
            String pathAndQuery,
            String contentType,
            String body,
            Schema<?> responseSchema) {
        @Override
        public String toString() {
            return operationId;
        }
    }

    static List<Sample> all() {
        OpenAPI api = ApiSpec.bundled().openApi();
        List<Sample> samples = new ArrayList<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, op) -> samples.add(sample(api, path, item, method, op))));
        return samples;
    }

    private static Sample sample(
            OpenAPI api,
            String path,
            PathItem item,
            PathItem.HttpMethod method,
            io.swagger.v3.oas.models.Operation op) {
        List<Parameter> params = new ArrayList<>();
        if (item.getParameters() != null) {
            params.addAll(item.getParameters());
        }
        if (op.getParameters() != null) {
            params.addAll(op.getParameters());
        }
        String concretePath = path;
        StringBuilder query = new StringBuilder();
        for (Parameter raw : params) {
            Parameter p = resolve(api, raw);
            if ("path".equals(p.getIn())) {
                concretePath = concretePath.replace(
                        "{" + p.getName() + "}",
                        value(api, p.getName(), p.getSchema()).asText());
            } else if ("query".equals(p.getIn()) && Boolean.TRUE.equals(p.getRequired())) {
                query.append(query.length() == 0 ? '?' : '&')
                        .append(p.getName())
                        .append('=')
                        .append(URLEncoder.encode(
                                value(api, p.getName(), p.getSchema()).asText(), StandardCharsets.UTF_8));
            }
        }
        String contentType = null;
        String body = null;
        if (op.getRequestBody() != null) {
            Map.Entry<String, MediaType> media =
                    op.getRequestBody().getContent().entrySet().iterator().next();
            contentType = media.getKey();
            JsonNode sample = value(api, "body", media.getValue().getSchema());
            if (contentType.startsWith("multipart/form-data")) {
                body = multipart(sample);
                contentType = contentType + "; boundary=" + BOUNDARY;
            } else {
                body = sample.toString();
            }
        }
        Schema<?> responseSchema = op.getResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2"))
                .min(Map.Entry.comparingByKey())
                .map(e -> e.getValue().getContent())
                .filter(content -> content != null && content.containsKey("application/json"))
                .map(content -> content.get("application/json").getSchema())
                .orElse(null);
        return new Sample(op.getOperationId(), method.name(), concretePath + query, contentType, body, responseSchema);
    }

    private static String multipart(JsonNode fields) {
        StringBuilder body = new StringBuilder();
        fields.fields().forEachRemaining(field -> {
            body.append("--").append(BOUNDARY).append("\r\n");
            boolean file = field.getKey().startsWith("file");
            body.append("Content-Disposition: form-data; name=\"")
                    .append(field.getKey())
                    .append('"')
                    .append(file ? "; filename=\"hello.txt\"\r\nContent-Type: text/plain" : "")
                    .append("\r\n\r\n")
                    .append(file ? "hello" : field.getValue().asText())
                    .append("\r\n");
        });
        return body.append("--").append(BOUNDARY).append("--\r\n").toString();
    }

    private static Parameter resolve(OpenAPI api, Parameter p) {
        if (p.get$ref() == null) {
            return p;
        }
        return api.getComponents()
                .getParameters()
                .get(p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1));
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> resolve(OpenAPI api, Schema<?> schema) {
        Schema<?> s = schema;
        while (s.get$ref() != null) {
            Schema ref = api.getComponents()
                    .getSchemas()
                    .get(s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1));
            s = ref;
        }
        return s;
    }

    /** A conforming value: objects with their required properties, the first enum value, typed scalars. */
    static JsonNode value(OpenAPI api, String name, Schema<?> raw) {
        Schema<?> schema = resolve(api, raw);
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return new ObjectMapper().valueToTree(schema.getEnum().get(0));
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return value(api, name, schema.getOneOf().get(0));
        }
        String type = schema.getType() != null
                ? schema.getType()
                : schema.getTypes() != null && !schema.getTypes().isEmpty()
                        ? schema.getTypes().iterator().next()
                        : "object";
        return switch (type) {
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode().add(value(api, name, schema.getItems()));
            case "string" -> NODES.textNode(string(name, schema));
            default -> object(api, schema);
        };
    }

    private static String string(String name, Schema<?> schema) {
        if ("date-time".equals(schema.getFormat())) {
            return name.startsWith("end") || name.startsWith("max") ? "2024-02-01T00:00:00Z" : "2024-01-01T00:00:00Z";
        }
        if ("date".equals(schema.getFormat())) {
            return "2024-01-01";
        }
        if ("binary".equals(schema.getFormat())) {
            return "hello";
        }
        return "sample";
    }

    private static ObjectNode object(OpenAPI api, Schema<?> schema) {
        ObjectNode node = NODES.objectNode();
        if (schema.getRequired() != null && schema.getProperties() != null) {
            for (String property : schema.getRequired()) {
                node.set(property, value(api, property, schema.getProperties().get(property)));
            }
        }
        return node;
    }
}
