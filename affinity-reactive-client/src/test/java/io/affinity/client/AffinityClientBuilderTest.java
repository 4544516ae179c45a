package io.affinity.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

class AffinityClientBuilderTest {

    @RegisterExtension
    static final WireMockExtension server = TestSupport.newServer();

    @ParameterizedTest
    @ValueSource(strings = {"http://api.affinity.co", "http://10.0.0.5:8080", "http://localhost.evil.com"})
    void plainHttpIsRefusedForAnyHostButLoopback(String url) {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> AffinityClient.builder().baseUrl(url));
        assertTrue(error.getMessage().startsWith("baseUrl must use https"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://api.affinity.co",
                "https://proxy.example.com/affinity/",
                "http://localhost:8080",
                "http://127.0.0.1:9",
                "http://[::1]:9"
            })
    void httpsAndLoopbackUrlsAreAccepted(String url) {
        assertDoesNotThrow(() -> AffinityClient.builder().baseUrl(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://api.affinity.co", "https://", "https://api.affinity.co?x=1", "not a url"})
    void malformedUrlsAreRefused(String url) {
        assertThrows(
                IllegalArgumentException.class, () -> AffinityClient.builder().baseUrl(url));
    }

    @Test
    void theApiKeyIsRequiredAndNeverShown() {
        IllegalStateException missing = assertThrows(
                IllegalStateException.class, () -> AffinityClient.builder().build());
        assertTrue(missing.getMessage().startsWith("apiKey must be set"));
        assertEquals(
                "apiKey must not be blank",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> AffinityClient.builder().apiKey(" "))
                        .getMessage());

        AffinityClientBuilder builder = AffinityClient.builder().apiKey(TestSupport.API_KEY);
        assertFalse(builder.toString().contains(TestSupport.API_KEY), builder.toString());
        try (AffinityClient client = builder.build()) {
            assertEquals("AffinityClient{baseUrl=https://api.affinity.co, authScheme=BASIC}", client.toString());
        }
    }

    @Test
    void aSuppliedHttpClientIsUsedAndNotDisposedOnClose() {
        server.stubFor(get("/auth/whoami").willReturn(okJson("{}")));
        ConnectionProvider provider = ConnectionProvider.create("user-pool", 2);
        AtomicInteger sent = new AtomicInteger();
        HttpClient own = HttpClient.create(provider).doOnRequest((request, connection) -> sent.incrementAndGet());
        try {
            AffinityClient client = TestSupport.builder(server).httpClient(own).build();
            StepVerifier.create(TestSupport.get(client, "/auth/whoami"))
                    .expectNextCount(1)
                    .verifyComplete();
            client.close();

            assertEquals(1, sent.get());
            assertFalse(provider.isDisposed());
        } finally {
            provider.dispose();
        }
    }

    @Test
    void callsAfterCloseFailWithoutSending() {
        AffinityClient client = TestSupport.builder(server).build();
        client.close();
        client.close();

        StepVerifier.create(TestSupport.get(client, "/lists"))
                .expectErrorMessage("the Affinity client is closed")
                .verify();
        assertEquals(0, server.getAllServeEvents().size());
    }
}
