package io.affinity.testkit.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Registers one WireMock stub per spec operation that answers its documented example (read from the JSON resources in
 * the jar) with the documented status and content type.
 */
final class FixtureStubs {

    /** Priority of the catch-all stub that lets the emulator answer paths the spec does not know. */
    private static final int FALLBACK_PRIORITY = 1_000;
    /** Base priority of fixtures; more literal path segments get a higher priority (lower number). */
    private static final int FIXTURE_PRIORITY = 100;

    private FixtureStubs() {}

    static void register(WireMockServer server, ApiSpec spec) {
        for (Operation operation : spec.operations()) {
            register(server, operation);
        }
        server.stubFor(any(anyUrl()).atPriority(FALLBACK_PRIORITY).willReturn(ErrorReplies.of(404).toBuilder()));
    }

    private static void register(WireMockServer server, Operation operation) {
        int priority = FIXTURE_PRIORITY - operation.literalSegments() * 2;
        if (!operation.isJson()) {
            byte[] body =
                    ("Affinity testkit file for " + operation.operationId() + "\n").getBytes(StandardCharsets.UTF_8);
            stub(
                    server,
                    operation,
                    priority,
                    new Reply(operation.successStatus(), operation.contentType(), body, Map.of()));
            return;
        }
        List<byte[]> examples =
                operation.examples().stream().map(Resources::readBytes).toList();
        if (examples.isEmpty()) {
            stub(
                    server,
                    operation,
                    priority,
                    ErrorReplies.of(501, "The spec has no response example for " + operation.operationId()));
            return;
        }
        byte[] bare =
                examples.stream().filter(e -> parse(e).isArray()).findFirst().orElse(null);
        byte[] envelope =
                examples.stream().filter(e -> parse(e).isObject()).findFirst().orElse(null);
        if (bare != null && envelope != null) {
            // The API answers a bare array without page_size and an envelope with it (GET /lists/{id}/list-entries).
            stub(server, operation, priority, json(operation, bare));
            server.stubFor(mapping(operation, priority - 1)
                    .withQueryParam(PageToken.PAGE_SIZE, matching(".*"))
                    .willReturn(json(operation, envelope).toBuilder()));
            stubLastPage(server, operation, priority - 2, envelope);
        } else {
            stub(server, operation, priority, json(operation, examples.get(0)));
            stubLastPage(server, operation, priority - 1, examples.get(0));
        }
    }

    /**
     * A paged example names a next page; a request for any page token gets the same example as the last page (its
     * {@code next_page_token} null), so that walking the fixtures ends after two pages instead of looping.
     */
    private static void stubLastPage(WireMockServer server, Operation operation, int priority, byte[] example) {
        JsonNode page = parse(example);
        if (!page.isObject() || !page.hasNonNull("next_page_token")) {
            return;
        }
        ObjectNode last = ((ObjectNode) page).deepCopy().putNull("next_page_token");
        byte[] body;
        try {
            body = Json.mapper().writeValueAsBytes(last);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.stubFor(mapping(operation, priority)
                .withQueryParam(PageToken.PAGE_TOKEN, matching(".+"))
                .willReturn(json(operation, body).toBuilder()));
    }

    private static Reply json(Operation operation, byte[] body) {
        return new Reply(operation.successStatus(), operation.contentType(), body, Map.of());
    }

    private static void stub(WireMockServer server, Operation operation, int priority, Reply reply) {
        server.stubFor(mapping(operation, priority).willReturn(reply.toBuilder()));
    }

    private static MappingBuilder mapping(Operation operation, int priority) {
        return request(operation.method(), urlPathTemplate(operation.pathTemplate()))
                .atPriority(priority);
    }

    private static JsonNode parse(byte[] json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("An example in the spec is not JSON", e);
        }
    }
}
