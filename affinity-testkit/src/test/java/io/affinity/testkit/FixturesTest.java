package io.affinity.testkit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affinity.model.json.AffinityJson;
import io.swagger.v3.oas.models.media.Schema;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation of the spec answers its fixture: documented 2xx status, content type, rate-limit headers, and a body
 * that decodes into the model type.
 */
class FixturesTest {

    private static final List<String> RATE_LIMIT_HEADERS = List.of(
            "X-Ratelimit-Limit-User",
            "X-Ratelimit-Limit-User-Remaining",
            "X-Ratelimit-Limit-User-Reset",
            "X-Ratelimit-Limit-Org",
            "X-Ratelimit-Limit-Org-Remaining",
            "X-Ratelimit-Limit-Org-Reset");

    private static final ObjectMapper MAPPER = AffinityJson.newObjectMapper();

    @RegisterExtension
    static final AffinityMockServerExtension AFFINITY = AffinityMockServerExtension.builder()
            .server(AffinityMockServer.builder())
            .build();

    /** Injected by the extension, which also resets it before each test and stops it after the class. */
    private static AffinityMockServer server;

    private static Http http;

    @BeforeAll
    static void connect() {
        http = new Http(server);
    }

    /** Decodes a body into the model type the spec names for it (arrays into lists of the item type). */
    static Object decode(String body, Schema<?> schema) throws Exception {
        JsonNode tree = MAPPER.readTree(body);
        Schema<?> chosen = schema;
        if (schema.getOneOf() != null) {
            chosen = schema.getOneOf().stream()
                    .filter(option -> tree.isArray() == "array".equals(option.getType()))
                    .findFirst()
                    .orElseThrow();
        }
        if ("array".equals(chosen.getType())) {
            JavaType type = MAPPER.getTypeFactory().constructCollectionType(List.class, modelClass(chosen.getItems()));
            return MAPPER.readValue(body, type);
        }
        return MAPPER.readValue(body, modelClass(chosen));
    }

    private static Class<?> modelClass(Schema<?> schema) throws ClassNotFoundException {
        String ref = schema.get$ref();
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        try {
            return Class.forName("io.affinity.model." + name);
        } catch (ClassNotFoundException notInTheModelPackage) {
            return Class.forName("io.affinity.model.wire." + name); // the paged envelopes (x-wire-only)
        }
    }

    static Stream<SampleRequests.Sample> samples() {
        return SampleRequests.all().stream();
    }

    @Test
    void theSpecHasAll59Operations() {
        assertEquals(59, server.operationIds().size(), server.operationIds().toString());
        assertEquals(59, samples().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void answersItsFixture(SampleRequests.Sample sample) throws Exception {
        HttpResponse<String> response =
                http.send(sample.method(), sample.pathAndQuery(), sample.contentType(), sample.body());

        assertTrue(
                response.statusCode() >= 200 && response.statusCode() < 300,
                () -> response.statusCode() + " " + response.body() + " " + server.violations());
        assertTrue(server.violations().isEmpty(), () -> server.violations().toString());
        assertAll(RATE_LIMIT_HEADERS.stream()
                .map(h -> () -> assertTrue(response.headers().firstValue(h).isPresent(), h)));
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (sample.responseSchema() != null) {
            assertTrue(contentType.startsWith("application/json"), contentType);
            assertNotNull(decode(response.body(), sample.responseSchema()), sample.operationId());
        }
        List<String> problems = SpecCheck.get().response(sample.method(), sample.pathAndQuery(), response);
        assertTrue(
                problems.isEmpty(),
                () -> sample.operationId() + " answers what the spec forbids:\n" + String.join("\n", problems));
    }

    @Test
    void answersTheUnlimitedRateLimitExampleTheSpecDocuments() throws Exception {
        String unlimited = java.nio.file.Files.readString(
                SpecCheck.SPEC_FILE.getParent().resolve("examples/getRateLimit-unlimited.json"));
        server.override("getRateLimit", 200, unlimited);
        HttpResponse<String> response = http.get("/rate-limit");
        assertEquals(200, response.statusCode());
        assertEquals(List.of(), SpecCheck.get().response("GET", "/rate-limit", response));
        assertEquals(
                "unlimited",
                MAPPER.readTree(response.body()).at("/rate/org_monthly/limit").asText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/persons", "/organizations", "/opportunities", "/lists/450/list-entries?page_size=5"})
    void aFixtureWalkEndsOnTheSecondPage(String pathAndQuery) throws Exception {
        HttpResponse<String> first = http.send("GET", pathAndQuery, null, null);
        String token = MAPPER.readTree(first.body()).path("next_page_token").asText(null);
        assertNotNull(token, "the fixture's first page names a next page");
        String separator = pathAndQuery.contains("?") ? "&" : "?";
        HttpResponse<String> second = http.send("GET", pathAndQuery + separator + "page_token=" + token, null, null);
        assertEquals(200, second.statusCode(), second.body());
        assertTrue(MAPPER.readTree(second.body()).path("next_page_token").isNull(), second.body());
    }
}
