package io.affinity.client;

import io.affinity.client.retry.RetryOptions;
import io.affinity.testkit.AffinityMockServer;
import java.time.Duration;

/**
 * How resource tests reach the testkit: every resource test builds its client here, so that the
 * operation-coverage check sees every server the suite talks to. {@link ResourceTest} builds each test's default
 * client with {@link #client(AffinityMockServer)}; a test that needs other options uses
 * {@link #builder(AffinityMockServer)}.
 */
public final class ResourceTestSupport {

    private ResourceTestSupport() {}

    /**
     * @param server a started testkit server
     * @return a client of that server, retrying without delay
     */
    public static AffinityClient client(AffinityMockServer server) {
        return builder(server).build();
    }

    /**
     * @param server a started testkit server
     * @return a builder pointed at that server with its API key, retrying without delay
     */
    public static AffinityClientBuilder builder(AffinityMockServer server) {
        OperationCoverage.register(server);
        return AffinityClient.builder()
                .apiKey(server.apiKey())
                .baseUrl(server.baseUrl().toString())
                .retryOptions(RetryOptions.builder()
                        .baseDelay(Duration.ZERO)
                        .maxDelay(Duration.ZERO)
                        .build());
    }
}
