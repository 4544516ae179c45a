package io.affinity.model.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The spec as a JSON tree, with the few walks the tests need. */
public final class Spec {

    /** The HTTP methods an OpenAPI path item may hold. */
    public static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final Path file;
    private final JsonNode root;

    private Spec(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** @return the spec named by the {@code affinity.spec.file} system property */
    public static Spec load() {
        Path file = Path.of(System.getProperty("affinity.spec.file", "../spec/affinity-v1.yaml"));
        try {
            return new Spec(
                    file.toAbsolutePath().normalize(), new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the folder of the spec file; example paths are relative to it */
    public Path directory() {
        return file.getParent();
    }

    /** @return the whole document */
    public JsonNode root() {
        return root;
    }

    /** @return {@code components.schemas} */
    public JsonNode schemas() {
        return root.path("components").path("schemas");
    }

    /** An operation of the spec. */
    public record Operation(String method, String path, JsonNode node) {
        /** @return "METHOD /path" */
        public String key() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** @return every operation, in document order */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.add(new Operation(op.getKey(), path.getKey(), op.getValue()));
                }
            }
        }
        return operations;
    }

    /** An example file and the schema it shows. */
    public record Example(String file, JsonNode schema, String referencedFrom) {}

    /**
     * @return every example the spec references: response examples by {@code externalValue}, and
     *     resource examples by a schema's {@code x-example-file} (one path or a list)
     */
    public List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        for (Operation op : operations()) {
            for (Iterator<Map.Entry<String, JsonNode>> responses =
                            op.node().path("responses").fields();
                    responses.hasNext(); ) {
                Map.Entry<String, JsonNode> response = responses.next();
                for (JsonNode media : response.getValue().path("content")) {
                    for (JsonNode example : media.path("examples")) {
                        if (example.has("externalValue")) {
                            examples.add(new Example(
                                    example.get("externalValue").asText(),
                                    media.path("schema"),
                                    op.key() + " " + response.getKey()));
                        }
                    }
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> schemas = schemas().fields(); schemas.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            JsonNode files = schema.getValue().path("x-example-file");
            JsonNode ref = new ObjectMapper().createObjectNode().put("$ref", "#/components/schemas/" + schema.getKey());
            for (JsonNode file : files.isArray() ? files : List.of(files)) {
                if (file.isTextual()) {
                    examples.add(new Example(file.asText(), ref, "schema " + schema.getKey()));
                }
            }
        }
        return examples;
    }

    /** @return the name of a {@code #/components/schemas/Name} reference */
    public static String refName(JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
