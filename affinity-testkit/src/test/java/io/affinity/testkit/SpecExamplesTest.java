package io.affinity.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file in {@code spec/examples/} validates against the schema the spec shows it for, checked by the Atlassian
 * validator's JSON-schema validation (independent of the Jackson model, which tolerates nulls the spec forbids).
 */
class SpecExamplesTest {

    private static final Path EXAMPLES = SpecCheck.SPEC_FILE.getParent().resolve("examples");

    /** Every example file and the schemas it is shown for: responses, webhook deliveries, x-example-file. */
    static Map<String, List<Schema<?>>> examples() {
        OpenAPI api = SpecCheck.get().openApi();
        Map<String, List<Schema<?>>> examples = new TreeMap<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperations().forEach(op -> {
                    op.getResponses().forEach((status, response) -> collect(examples, response.getContent()));
                    if (op.getCallbacks() != null) {
                        op.getCallbacks()
                                .values()
                                .forEach(callback -> callback.values()
                                        .forEach(callbackItem -> callbackItem
                                                .readOperations()
                                                .forEach(cop -> collect(
                                                        examples,
                                                        cop.getRequestBody().getContent()))));
                    }
                }));
        api.getComponents().getSchemas().forEach((name, schema) -> {
            Object files = schema.getExtensions() == null
                    ? null
                    : schema.getExtensions().get("x-example-file");
            List<?> list = files instanceof List<?> l ? l : files == null ? List.of() : List.of(files);
            for (Object file : list) {
                examples.computeIfAbsent(fileName(file.toString()), k -> new ArrayList<>())
                        .add(new Schema<>().$ref("#/components/schemas/" + name));
            }
        });
        return examples;
    }

    private static void collect(Map<String, List<Schema<?>>> examples, Content content) {
        if (content == null) {
            return;
        }
        content.values().forEach(media -> {
            if (media.getExamples() != null) {
                media.getExamples().values().stream()
                        .filter(e -> e.getExternalValue() != null)
                        .forEach(e -> examples.computeIfAbsent(fileName(e.getExternalValue()), k -> new ArrayList<>())
                                .add(media.getSchema()));
            }
        });
    }

    private static String fileName(String reference) {
        return reference.substring(reference.lastIndexOf('/') + 1);
    }

    @Test
    void everyExampleFileIsShownForASchema() throws IOException {
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> listing = Files.list(EXAMPLES)) {
            listing.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .forEach(files::add);
        }
        assertTrue(files.size() > 59, "example files: " + files.size());
        assertEquals(files, new TreeSet<>(examples().keySet()));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleFileValidatesAgainstItsSchema() {
        return examples().entrySet().stream()
                .flatMap(example -> example.getValue().stream()
                        .map(schema -> DynamicTest.dynamicTest(example.getKey() + " as " + describe(schema), () -> {
                            String json = Files.readString(EXAMPLES.resolve(example.getKey()));
                            List<String> errors = SpecCheck.get().document(json, schema);
                            assertTrue(errors.isEmpty(), () -> example.getKey() + ":\n" + String.join("\n", errors));
                        })));
    }

    @Test
    void theValidatorRefusesANullThatTheSpecForbids() {
        Schema<?> reminder = new Schema<>().$ref("#/components/schemas/Reminder");
        String json = "{\"id\": 1, \"type\": 0, \"created_at\": \"2021-11-22T08:00:00-08:00\","
                + " \"due_date\": \"2021-11-30T08:00:00-08:00\", \"status\": 1, \"creator\": null,"
                + " \"owner\": {\"id\": 443, \"type\": 1, \"first_name\": \"A\", \"last_name\": \"B\"}}";
        assertFalse(SpecCheck.get().document(json, reminder).isEmpty(), "creator is required and not nullable");
        assertTrue(SpecCheck.get()
                .document(
                        json.replace(
                                "\"creator\": null",
                                "\"completer\": null, \"creator\": "
                                        + "{\"id\": 443, \"type\": 1, \"first_name\": \"A\", \"last_name\": \"B\"}"),
                        reminder)
                .isEmpty());
    }

    private static String describe(Schema<?> schema) {
        if (schema.get$ref() != null) {
            return schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        }
        return schema.getType() != null ? schema.getType() : "anyOf";
    }
}
