package io.affinity.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.affinity.client.error.AffinityException;
import io.affinity.client.error.DecodeException;
import io.affinity.client.error.ResponseTooLargeException;
import io.affinity.client.internal.ApiRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

class TransportTest {

    @RegisterExtension
    static final WireMockExtension server = TestSupport.newServer();

    private AffinityClient client;

    @BeforeEach
    void setUp() {
        client = TestSupport.builder(server).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void sendsUserAgentAcceptEncodingAndBasicAuthWithTheKeyAsPassword() {
        server.stubFor(get("/auth/whoami").willReturn(okJson("{\"tenant\":{\"id\":1}}")));

        StepVerifier.create(TestSupport.get(client, "/auth/whoami"))
                .assertNext(body -> assertEquals(1, body.at("/tenant/id").asInt()))
                .verifyComplete();

        String basic = "Basic "
                + Base64.getEncoder().encodeToString((":" + TestSupport.API_KEY).getBytes(StandardCharsets.UTF_8));
        server.verify(getRequestedFor(urlEqualTo("/auth/whoami"))
                .withHeader("User-Agent", equalTo("affinity-java/0.1.0-SNAPSHOT"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Accept-Encoding", com.github.tomakehurst.wiremock.client.WireMock.containing("gzip"))
                .withHeader("Authorization", equalTo(basic))
                .withoutHeader("Transfer-Encoding"));
    }

    @Test
    void anApiCallThroughAUsersRedirectFollowingClientNeitherFollowsNorLeaksTheKey() {
        WireMockServer elsewhere =
                new WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig()
                        .dynamicPort());
        elsewhere.start();
        try {
            elsewhere.stubFor(get(anyUrl()).willReturn(okJson("{}")));
            server.stubFor(get("/auth/whoami")
                    .willReturn(
                            aResponse().withStatus(302).withHeader("Location", elsewhere.baseUrl() + "/auth/whoami")));
            try (AffinityClient redirecting = TestSupport.builder(server)
                    .httpClient(reactor.netty.http.client.HttpClient.create().followRedirect(true))
                    .build()) {
                StepVerifier.create(TestSupport.get(redirecting, "/auth/whoami"))
                        .expectErrorSatisfies(error -> {
                            AffinityException failure = assertInstanceOf(AffinityException.class, error);
                            assertTrue(failure.getMessage().contains("302"), failure.getMessage());
                        })
                        .verify(java.time.Duration.ofSeconds(10));
            }
            assertEquals(0, elsewhere.getAllServeEvents().size(), "the other host got no request");
        } finally {
            elsewhere.stop();
        }
    }

    @Test
    void sendsTheKeyAsBearerTokenWhenAsked() {
        server.stubFor(get("/auth/whoami").willReturn(okJson("{}")));
        try (AffinityClient bearer =
                TestSupport.builder(server).authScheme(AuthScheme.BEARER).build()) {
            StepVerifier.create(TestSupport.get(bearer, "/auth/whoami"))
                    .expectNextCount(1)
                    .verifyComplete();
        }
        server.verify(getRequestedFor(urlEqualTo("/auth/whoami"))
                .withHeader("Authorization", equalTo("Bearer " + TestSupport.API_KEY)));
    }

    @Test
    void decodesAGzippedBody() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write("{\"name\":\"compressed\"}".getBytes(StandardCharsets.UTF_8));
        }
        server.stubFor(get("/lists/1")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Content-Encoding", "gzip")
                        .withBody(zipped.toByteArray())));

        StepVerifier.create(TestSupport.get(client, "/lists/1"))
                .assertNext(body -> assertEquals("compressed", body.get("name").asText()))
                .verifyComplete();
    }

    @Test
    void encodesPathVariablesAndKeepsQueryOrderWithRepeatedNames() {
        server.stubFor(any(anyUrl()).willReturn(okJson("{}")));

        StepVerifier.create(client.engine()
                        .mono(
                                () -> ApiRequest.get("/lists/{list_id}/list-entries/{entry}")
                                        .pathParam("list_id", "a b/c")
                                        .pathParam("entry", 7)
                                        .query("term", "Ada & Bob")
                                        .queryEach("ids[]", List.of(3, 1, 2))
                                        .query("absent", null)
                                        .query("with_interaction_dates", true)
                                        .build(),
                                TestSupport.JSON))
                .expectNextCount(1)
                .verifyComplete();

        server.verify(getRequestedFor(urlEqualTo("/lists/a%20b%2Fc/list-entries/7"
                + "?term=Ada%20%26%20Bob&ids%5B%5D=3&ids%5B%5D=1&ids%5B%5D=2&with_interaction_dates=true")));
    }

    @Test
    void writesJsonAndFormBodies() {
        server.stubFor(post(anyUrl()).willReturn(okJson("{\"id\":5}")));

        StepVerifier.create(client.engine()
                        .mono(
                                () -> ApiRequest.post("/lists")
                                        .jsonBody(Map.of("name", "Deals", "type", 8))
                                        .build(),
                                TestSupport.JSON))
                .assertNext(body -> assertEquals(5, body.get("id").asInt()))
                .verifyComplete();
        StepVerifier.create(client.engine()
                        .mono(
                                () -> ApiRequest.post("/webhook/subscribe")
                                        .formField("webhook_url", "https://example.com/hook?a=1")
                                        .formField("skipped", null)
                                        .build(),
                                TestSupport.JSON))
                .expectNextCount(1)
                .verifyComplete();

        server.verify(postRequestedFor(urlEqualTo("/lists"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"name\":\"Deals\",\"type\":8}")));
        server.verify(postRequestedFor(urlEqualTo("/webhook/subscribe"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("webhook_url=https%3A%2F%2Fexample.com%2Fhook%3Fa%3D1")));
    }

    @Test
    void anEmptyBodyCompletesEmpty() {
        server.stubFor(get("/empty").willReturn(aResponse().withStatus(204)));

        StepVerifier.create(TestSupport.get(client, "/empty")).verifyComplete();
    }

    @Test
    void aBodyOverTheSizeLimitFailsAndTheClientGoesOn() {
        String big = "{\"data\":\"" + "x".repeat(5_000) + "\"}";
        server.stubFor(get("/big").willReturn(okJson(big)));
        server.stubFor(get("/chunked")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withChunkedDribbleDelay(5, 20)
                        .withBody(big)));
        server.stubFor(get("/small").willReturn(okJson("{\"ok\":true}")));

        try (AffinityClient capped =
                TestSupport.builder(server).maxResponseSize(1_000).build()) {
            for (String path : List.of("/big", "/chunked")) {
                StepVerifier.create(TestSupport.get(capped, path))
                        .expectErrorSatisfies(error -> {
                            ResponseTooLargeException tooLarge =
                                    assertInstanceOf(ResponseTooLargeException.class, error);
                            assertEquals(1_000, tooLarge.maxResponseSize());
                            assertTrue(error.getMessage().startsWith("GET " + path + " -> 200: "), error.getMessage());
                        })
                        .verify();
            }
            StepVerifier.create(TestSupport.get(capped, "/small"))
                    .assertNext(body -> assertTrue(body.get("ok").asBoolean()))
                    .verifyComplete();
        }
    }

    @Test
    void anUndecodableBodyFailsWithASnippet() {
        server.stubFor(get("/broken").willReturn(okJson("{\"name\": \"unterminated")));

        StepVerifier.create(TestSupport.get(client, "/broken"))
                .expectErrorSatisfies(error -> {
                    DecodeException decode = assertInstanceOf(DecodeException.class, error);
                    assertEquals("{\"name\": \"unterminated", decode.bodySnippet());
                    assertTrue(
                            error.getMessage().startsWith("GET /broken -> 200: could not decode"), error.getMessage());
                })
                .verify();
    }

    @Test
    void invalidArgumentsFailThePublisherBeforeAnythingIsSent() {
        var call = client.engine()
                .mono(
                        () -> ApiRequest.get("/lists/{list_id}")
                                .pathParam("list_id", io.affinity.client.internal.check.Args.positive("listId", -3))
                                .build(),
                        TestSupport.JSON);

        StepVerifier.create(call)
                .expectErrorSatisfies(error -> {
                    assertInstanceOf(IllegalArgumentException.class, error);
                    assertEquals("listId must be positive, was -3", error.getMessage());
                })
                .verify();
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void debugLogsNameMethodPathStatusAttemptAndLatencyButNeverTheKey() {
        server.stubFor(get(urlPathEqualTo("/persons")).willReturn(okJson("{}")));
        server.stubFor(get("/echo")
                .willReturn(
                        aResponse().withStatus(400).withBody("{\"message\":\"bad key " + TestSupport.API_KEY + "\"}")));
        LogCapture.clear();

        StepVerifier.create(TestSupport.get(client, "/persons"))
                .expectNextCount(1)
                .verifyComplete();
        StepVerifier.create(TestSupport.get(client, "/echo"))
                .expectErrorSatisfies(error -> assertFalse(error.getMessage().contains(TestSupport.API_KEY)))
                .verify();

        List<String> lines = LogCapture.lines();
        assertTrue(
                lines.stream().anyMatch(line -> line.matches("DEBUG .* GET /persons -> 200 \\(attempt 1, \\d+ ms\\)")),
                lines.toString());
        String basic = Base64.getEncoder().encodeToString((":" + TestSupport.API_KEY).getBytes(StandardCharsets.UTF_8));
        assertTrue(lines.stream().noneMatch(line -> line.contains(TestSupport.API_KEY) || line.contains(basic)));
        assertFalse(client.toString().contains(TestSupport.API_KEY));
    }
}
