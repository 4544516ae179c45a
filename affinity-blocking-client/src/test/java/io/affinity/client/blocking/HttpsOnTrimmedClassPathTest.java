package io.affinity.client.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.affinity.client.error.TransportException;
import io.affinity.client.retry.RetryOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The blocking client leaves some of Reactor Netty's codecs out of its dependencies (see its pom). An HTTPS call
 * initialises the classes that would miss one (HttpClientConfig, HttpClientSecure, the TLS pipeline): with a class
 * missing the call hangs on the event loop until the call timeout instead of failing to connect at once.
 */
class HttpsOnTrimmedClassPathTest {

    @Test
    void anHttpsCallToAClosedPortFailsToConnectAtOnce() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (AffinityBlockingClient client = AffinityBlockingClient.builder()
                .apiKey("key")
                .baseUrl("https://127.0.0.1:" + closedPort)
                .retryOptions(RetryOptions.disabled())
                .callTimeout(Duration.ofSeconds(30))
                .build()) {
            TransportException error = assertTimeoutPreemptively(
                    Duration.ofSeconds(20), () -> assertThrows(TransportException.class, client::whoami));
            assertEquals(TransportException.Kind.CONNECT, error.kind(), error.getMessage());
            assertFalse(error.requestMayHaveBeenSent());
        }
    }
}
