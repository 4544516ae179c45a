package io.affinity.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example request of the reference (each {@code curl} with {@code -d} or {@code -F}) is accepted by the spec
 * (checked directly with the Atlassian validator) and by the testkit's validator (sent over HTTP as curl sends it),
 * except the three GET examples that pass {@code -d} by mistake.
 */
class ReferenceRequestsTest {

    /** The copy of the reference's example requests kept with the tests, so that the build does not need it. */
    static final String COPY = "reference-requests.json";

    /**
     * Three GET examples pass query parameters with {@code -d}, which makes curl send a POST with a body: they
     * describe GET searches and are not requests of the operations they would reach. Reference line of the
     * {@code -d} and what it describes.
     */
    static final Map<Integer, String> MISTAKEN_GETS = Map.of(
            2096, "GET /persons with interaction date filters",
            2533, "GET /organizations with page_token",
            2543, "GET /organizations with interaction date filters");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String BOUNDARY = "reference-boundary";

    @RegisterExtension
    static final AffinityMockServerExtension AFFINITY = AffinityMockServerExtension.builder()
            .server(AffinityMockServer.builder())
            .build();

    private static AffinityMockServer server;
    private static Http http;

    @BeforeAll
    static void connect() {
        http = new Http(server);
    }

    static List<ReferenceRequests.Example> copy() throws IOException {
        try (InputStream in = ReferenceRequestsTest.class.getClassLoader().getResourceAsStream(COPY)) {
            return JSON.readValue(in, new TypeReference<List<ReferenceRequests.Example>>() {});
        }
    }

    static Stream<ReferenceRequests.Example> accepted() throws IOException {
        return copy().stream().filter(e -> !MISTAKEN_GETS.containsKey(e.line()));
    }

    @Test
    void theCopyHoldsTheReferencesExampleRequests() throws IOException {
        Path reference = SpecCheck.SPEC_FILE
                .getParent()
                .resolve("../../shared/reference/affinity-api-v1.md")
                .normalize();
        if (!Files.exists(reference)) {
            System.out.println("reference not beside the repository; using the copy " + COPY);
            return;
        }
        List<ReferenceRequests.Example> parsed = ReferenceRequests.parse(Files.readAllLines(reference));
        if (Boolean.getBoolean("affinity.reference.write")) {
            JSON.writeValue(Path.of("src/test/resources", COPY).toFile(), parsed);
        }
        assertEquals(JSON.writeValueAsString(parsed), JSON.writeValueAsString(copy()));
    }

    @Test
    void theExamplesAreAllCurlsWithDataAndTheMistakenGetsAreKnown() throws IOException {
        List<ReferenceRequests.Example> all = copy();
        assertTrue(all.size() >= 25, "example requests: " + all.size());
        Map<Integer, String> mistaken = all.stream()
                .filter(e -> MISTAKEN_GETS.containsKey(e.line()))
                .collect(Collectors.toMap(
                        ReferenceRequests.Example::line,
                        e -> e.method() + " " + e.pathAndQuery(),
                        (a, b) -> a,
                        TreeMap::new));
        assertEquals(
                Map.of(2096, "POST /persons", 2533, "POST /organizations", 2543, "POST /organizations"),
                mistaken,
                "curl turns -d into a POST: these three are GET searches written with -d");
    }

    @ParameterizedTest(name = "line {0}")
    @MethodSource("accepted")
    void isAcceptedByTheSpec(ReferenceRequests.Example example) {
        List<String> errors = SpecCheck.get()
                .request(
                        example.method(),
                        example.pathAndQuery(),
                        example.contentType(BOUNDARY),
                        example.body(BOUNDARY));
        assertTrue(errors.isEmpty(), () -> example + "\n" + String.join("\n", errors));
    }

    @ParameterizedTest(name = "line {0}")
    @MethodSource("accepted")
    void isAcceptedByTheTestkit(ReferenceRequests.Example example) {
        HttpResponse<String> response = http.send(
                example.method(), example.pathAndQuery(), example.contentType(BOUNDARY), example.body(BOUNDARY));
        assertTrue(server.violations().isEmpty(), () -> example + "\n" + server.violations());
        assertTrue(
                response.statusCode() / 100 == 2, () -> example + "\n" + response.statusCode() + " " + response.body());
    }
}
