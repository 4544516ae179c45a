package io.affinity.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the spec was exercised against the testkit by this module's tests (read from the testkit's
 * journals, see {@link OperationCoverage}). Runs after every other test class ({@link ClassOrderer.OrderAnnotation}
 * in {@code junit-platform.properties}); run alone, it reports every operation as missing.
 */
@Order(Integer.MAX_VALUE)
class OperationCoverageTest {

    private static final String SPEC = "/io/affinity/testkit/spec/affinity-v1.yaml";
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @Test
    void theClientTestsExerciseEveryOperationOfTheSpec() throws IOException {
        List<String> operations = specOperations();
        assertEquals(59, operations.size(), "operations read from the spec: " + operations);

        Set<String> exercised = OperationCoverage.exercised();
        Set<String> missing = new TreeSet<>(operations);
        missing.removeAll(exercised);
        int covered = operations.size() - missing.size();
        System.out.println("Operation coverage against the testkit: " + covered + "/" + operations.size()
                + (missing.isEmpty() ? "" : ", missing: " + missing));
        assertTrue(
                missing.isEmpty(),
                "the client's tests exercised " + covered + "/" + operations.size()
                        + " operations against the testkit; never exercised: " + missing);
    }

    /** The operationIds of the spec's paths, in spec order (callbacks, which are not API operations, excluded). */
    private static List<String> specOperations() throws IOException {
        JsonNode spec;
        try (InputStream yaml = OperationCoverageTest.class.getResourceAsStream(SPEC)) {
            if (yaml == null) {
                throw new IllegalStateException("the testkit jar holds no spec at " + SPEC);
            }
            spec = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        }
        List<String> operations = new ArrayList<>();
        spec.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    if (METHODS.contains(operation.getKey())) {
                        operations.add(operation.getValue().path("operationId").asText());
                    }
                }));
        return operations;
    }
}
