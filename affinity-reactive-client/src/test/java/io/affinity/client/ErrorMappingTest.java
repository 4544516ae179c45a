package io.affinity.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.affinity.client.error.AffinityException;
import io.affinity.client.error.AuthenticationException;
import io.affinity.client.error.ConflictException;
import io.affinity.client.error.ErrorResponseException;
import io.affinity.client.error.NotFoundException;
import io.affinity.client.error.PermissionDeniedException;
import io.affinity.client.error.ServerException;
import io.affinity.client.error.TransportException;
import io.affinity.client.error.ValidationException;
import io.affinity.client.ratelimit.RateLimitException;
import io.affinity.client.retry.RetryOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class ErrorMappingTest {

    @RegisterExtension
    static final WireMockExtension server = TestSupport.newServer();

    private AffinityClient client;

    @BeforeEach
    void setUp() {
        client = TestSupport.builder(server)
                .retryOptions(RetryOptions.disabled())
                .build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, ValidationException.class),
                Arguments.of(422, ValidationException.class),
                Arguments.of(401, AuthenticationException.class),
                Arguments.of(403, PermissionDeniedException.class),
                Arguments.of(404, NotFoundException.class),
                Arguments.of(409, ConflictException.class),
                Arguments.of(429, RateLimitException.class),
                Arguments.of(500, ServerException.class),
                Arguments.of(503, ServerException.class),
                Arguments.of(418, ErrorResponseException.class));
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void eachStatusHasItsTypeAndNamesMethodPathAndStatus(int status, Class<? extends AffinityException> type) {
        server.stubFor(get("/persons/7")
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"message\":\"nope\"}]}")));

        StepVerifier.create(TestSupport.get(client, "/persons/7"))
                .expectErrorSatisfies(error -> {
                    assertEquals(type, error.getClass());
                    ErrorResponseException response = (ErrorResponseException) error;
                    assertEquals("GET", response.method());
                    assertEquals("/persons/7", response.path());
                    assertEquals(status, response.statusCode().getAsInt());
                    assertEquals("nope", response.serverMessage().orElseThrow());
                    assertTrue(error.getMessage().startsWith("GET /persons/7 -> " + status + ": "), error.getMessage());
                    assertTrue(error.getMessage().endsWith(": nope"), error.getMessage());
                })
                .verify();
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("{\"errors\":[{\"message\":\"a\"},{\"message\":\"b\"}]}", "a; b"),
                Arguments.of("{\"errors\":[\"name is required\"]}", "name is required"),
                Arguments.of("{\"error\":\"Invalid page_token variable\"}", "Invalid page_token variable"),
                Arguments.of("{\"error\":{\"message\":\"nested\"}}", "nested"),
                Arguments.of("{\"message\":\"plain message\"}", "plain message"),
                Arguments.of("Something went wrong\n", "Something went wrong"),
                Arguments.of("{\"unexpected\":1}", "{\"unexpected\":1}"));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void theServerMessageIsFoundInEveryShape(String body, String message) {
        server.stubFor(get("/lists").willReturn(aResponse().withStatus(422).withBody(body)));

        StepVerifier.create(TestSupport.get(client, "/lists"))
                .expectErrorSatisfies(error -> assertEquals(
                        message,
                        assertInstanceOf(ValidationException.class, error)
                                .serverMessage()
                                .orElseThrow()))
                .verify();
    }

    @Test
    void aKeyEchoedByTheServerIsRedacted() {
        server.stubFor(get("/lists")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody("{\"error\":\"invalid key " + TestSupport.API_KEY + "\"}")));

        StepVerifier.create(TestSupport.get(client, "/lists"))
                .expectErrorSatisfies(error -> {
                    assertFalse(error.getMessage().contains(TestSupport.API_KEY), error.getMessage());
                    assertTrue(error.getMessage().contains("invalid key [REDACTED]"), error.getMessage());
                })
                .verify();
    }

    @Test
    void aRateLimitErrorCarriesRetryAfterAndTheLimits() {
        server.stubFor(get("/lists")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "17")
                        .withHeader("X-Ratelimit-Limit-User", "900")
                        .withHeader("X-Ratelimit-Limit-User-Remaining", "0")
                        .withHeader("X-Ratelimit-Limit-User-Reset", "17")
                        .withHeader("X-Ratelimit-Limit-Org", "40000")
                        .withHeader("X-Ratelimit-Limit-Org-Remaining", "39000")
                        .withHeader("X-Ratelimit-Limit-Org-Reset", "86400")));

        StepVerifier.create(TestSupport.get(client, "/lists"))
                .expectErrorSatisfies(error -> {
                    RateLimitException limited = assertInstanceOf(RateLimitException.class, error);
                    assertEquals(Duration.ofSeconds(17), limited.retryAfter().orElseThrow());
                    assertEquals(900, limited.limits().user().orElseThrow().limit());
                    assertEquals(0, limited.limits().user().orElseThrow().remaining());
                    assertEquals(39000, limited.limits().org().orElseThrow().remaining());
                })
                .verify();
    }

    @Test
    void aRefusedConnectionIsATransportFailureBeforeSending() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (AffinityClient dead = AffinityClient.builder()
                .apiKey(TestSupport.API_KEY)
                .baseUrl("http://127.0.0.1:" + closedPort)
                .retryOptions(RetryOptions.disabled())
                .build()) {
            StepVerifier.create(TestSupport.get(dead, "/lists"))
                    .expectErrorSatisfies(error -> {
                        TransportException transport = assertInstanceOf(TransportException.class, error);
                        assertEquals(TransportException.Kind.CONNECT, transport.kind());
                        assertFalse(transport.requestMayHaveBeenSent());
                        assertTrue(
                                error.getMessage()
                                        .startsWith("GET /lists: could not connect (the request was not sent)"),
                                error.getMessage());
                    })
                    .verify();
        }
    }

    @Test
    void aResetConnectionIsATransportFailureAfterSending() {
        server.stubFor(get("/lists").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        StepVerifier.create(TestSupport.get(client, "/lists"))
                .expectErrorSatisfies(error -> {
                    TransportException transport = assertInstanceOf(TransportException.class, error);
                    assertEquals(TransportException.Kind.CONNECTION_CLOSED, transport.kind());
                    assertTrue(transport.requestMayHaveBeenSent());
                })
                .verify();
    }

    @Test
    void aSlowResponseTimesOut() {
        server.stubFor(get("/slow").willReturn(okJson("{}").withFixedDelay(2_000)));

        try (AffinityClient impatient = TestSupport.builder(server)
                .retryOptions(RetryOptions.disabled())
                .responseTimeout(Duration.ofMillis(200))
                .build()) {
            StepVerifier.create(TestSupport.get(impatient, "/slow"))
                    .expectErrorSatisfies(error -> {
                        TransportException transport = assertInstanceOf(TransportException.class, error);
                        assertEquals(TransportException.Kind.TIMEOUT, transport.kind());
                        assertTrue(transport.requestMayHaveBeenSent());
                        assertEquals("/slow", transport.path());
                    })
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void blockHoundGuardsTheNonBlockingThreads() {
        StepVerifier.create(Mono.fromCallable(() -> {
                            Thread.sleep(1);
                            return 1;
                        })
                        .subscribeOn(Schedulers.parallel()))
                .expectError(BlockingOperationError.class)
                .verify();
    }
}
