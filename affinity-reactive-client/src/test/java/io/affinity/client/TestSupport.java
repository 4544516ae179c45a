package io.affinity.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.ResponseType;
import io.affinity.client.retry.RetryOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Mono;

/** Shared pieces of the client's tests over real HTTP. */
final class TestSupport {

    static final String API_KEY = "sk-test-K3Y-9f8e7d6c5b4a";
    static final ResponseType<JsonNode> JSON = ResponseType.of(JsonNode.class);

    private TestSupport() {}

    /** A builder pointed at the WireMock server, retrying without delay. */
    static AffinityClientBuilder builder(WireMockExtension server) {
        return AffinityClient.builder()
                .apiKey(API_KEY)
                .baseUrl(server.baseUrl())
                .retryOptions(RetryOptions.builder()
                        .baseDelay(Duration.ZERO)
                        .maxDelay(Duration.ZERO)
                        .build());
    }

    static WireMockExtension newServer() {
        return WireMockExtension.newInstance()
                .options(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig()
                        .dynamicPort())
                .build();
    }

    static Mono<JsonNode> get(AffinityClient client, String path) {
        return client.engine().mono(() -> ApiRequest.get(path).build(), JSON);
    }

    /** Waits for a condition that real HTTP makes true; never a timing assertion. */
    static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met in time");
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
