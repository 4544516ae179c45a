package io.affinity.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The spec describes exactly the operations of the reference, each once and completely. */
class SpecOperationsTest {

    private static final Pattern REFERENCE_LINE =
            Pattern.compile("^`(GET|POST|PUT|DELETE|PATCH) (/[^`]*)`$", Pattern.MULTILINE);

    private final Spec spec = Spec.load();

    @Test
    void specHoldsExactlyTheReferenceOperations() throws IOException {
        Set<String> expected = referenceOperationsList();
        Set<String> actual =
                spec.operations().stream().map(Spec.Operation::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(59, expected.size(), "operations listed in spec/reference-operations.txt");
        assertEquals(expected, actual);
        System.out.printf("spec operations: %d/%d of the reference%n", actual.size(), expected.size());
    }

    @Test
    void operationListMatchesTheReferenceWhenItIsBeside() throws IOException {
        Path reference = spec.directory()
                .resolve("../../shared/reference/affinity-api-v1.md")
                .normalize();
        if (!Files.exists(reference)) {
            System.out.println("reference not beside the repository; compared with spec/reference-operations.txt only");
            return;
        }
        Set<String> fromReference = new TreeSet<>();
        Matcher m = REFERENCE_LINE.matcher(Files.readString(reference));
        while (m.find()) {
            fromReference.add(m.group(1) + " " + m.group(2).replace("{notes_id}", "{note_id}"));
        }
        assertEquals(fromReference, referenceOperationsList());
    }

    @Test
    void everyOperationHasAUniqueIdATagASummaryAndASuccessResponse() {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Spec.Operation op : spec.operations()) {
            JsonNode node = op.node();
            String id = node.path("operationId").asText("");
            if (id.isEmpty() || !ids.add(id)) {
                problems.add(op.key() + ": missing or duplicate operationId '" + id + "'");
            }
            if (node.path("tags").size() != 1) {
                problems.add(op.key() + ": needs exactly one tag");
            }
            if (node.path("summary").asText("").isBlank()) {
                problems.add(op.key() + ": no summary");
            }
            boolean success = false;
            for (var codes = node.path("responses").fieldNames(); codes.hasNext(); ) {
                success |= codes.next().startsWith("2");
            }
            if (!success) {
                problems.add(op.key() + ": no 2xx response");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyExampleIsReferencedAndEveryReferenceExists() throws IOException {
        Set<String> referenced = new TreeSet<>();
        for (Spec.Example example : spec.examples()) {
            Path file = spec.directory().resolve(example.file()).normalize();
            assertTrue(Files.isRegularFile(file), example.referencedFrom() + " references missing " + file);
            referenced.add(file.getFileName().toString());
        }
        Set<String> present;
        try (Stream<Path> files = Files.list(spec.directory().resolve("examples"))) {
            present = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertFalse(present.isEmpty(), "spec/examples is empty");
        assertEquals(present, referenced, "files in spec/examples and the examples the spec references");
    }

    private Set<String> referenceOperationsList() throws IOException {
        try (Stream<String> lines = Files.lines(spec.directory().resolve("reference-operations.txt"))) {
            return lines.filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
