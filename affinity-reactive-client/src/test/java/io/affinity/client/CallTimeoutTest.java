package io.affinity.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.affinity.client.error.TransportException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The call timeout bounds a whole call, measured on the client's scheduler (virtual time here). */
class CallTimeoutTest {

    @RegisterExtension
    static final WireMockExtension server = TestSupport.newServer();

    @Test
    void aCallThatOutlivesTheCallTimeoutFailsWithATimeoutNamingTheCall() throws Exception {
        server.stubFor(get(anyUrl()).willReturn(okJson("{}").withFixedDelay(3_000)));
        SteppingScheduler time = new SteppingScheduler();
        try (AffinityClient client = time.drive(TestSupport.builder(server))
                .callTimeout(Duration.ofSeconds(2))
                .build()) {
            CompletableFuture<JsonNode> call = TestSupport.get(client, "/slow").toFuture();
            time.awaitTimer();
            time.advanceTimeBy(Duration.ofSeconds(2));
            ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(
                    ExecutionException.class, () -> call.get(5, TimeUnit.SECONDS));
            TransportException timeout = assertInstanceOf(TransportException.class, failure.getCause());
            assertEquals(TransportException.Kind.TIMEOUT, timeout.kind());
            assertEquals("GET", timeout.method());
            assertEquals("/slow", timeout.path());
            assertTrue(timeout.getMessage().contains("call timeout"), timeout.getMessage());
        }
    }

    @Test
    void withoutACallTimeoutTheCallWaitsForItsResponse() {
        server.stubFor(get(anyUrl()).willReturn(okJson("{\"ok\":true}")));
        try (AffinityClient client =
                TestSupport.builder(server).callTimeout(null).build()) {
            assertEquals(
                    true,
                    TestSupport.get(client, "/fast")
                            .block(Duration.ofSeconds(5))
                            .get("ok")
                            .booleanValue());
        }
    }
}
