package io.affinity.client.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.error.NotFoundException;
import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.AffinityMockServerTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** Downloads as an {@link InputStream}: eager failures, IOException mid-transfer, close from another thread. */
@AffinityMockServerTest
class DownloadTest {

    private AffinityMockServer server;
    private AffinityBlockingClient client;

    @BeforeEach
    void setUp(AffinityMockServer server) {
        this.server = server;
        this.client = AffinityBlockingClient.builder()
                .apiKey(server.apiKey())
                .baseUrl(server.baseUrl().toString())
                .build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void theFileIsReadThroughTheStream() throws IOException {
        try (InputStream content = client.entityFiles().download(1)) {
            String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("Affinity testkit file"), text);
        }
        assertEquals(1, server.journal().count("downloadEntityFile"));
    }

    @Test
    void aBadIdOrAMissingFileFailsTheCallItself() {
        IllegalArgumentException bad = assertThrows(
                IllegalArgumentException.class, () -> client.entityFiles().download(-1));
        assertTrue(bad.getMessage().contains("entityFileId"), bad.getMessage());
        server.override("downloadEntityFile", 404, "{\"errors\":[{\"message\":\"not found\"}]}");
        assertThrows(NotFoundException.class, () -> client.entityFiles().download(7));
    }

    @Test
    void aFailureLaterInTheTransferIsAnIOExceptionWithTheCause() throws IOException {
        Flux<ByteBuffer> failing = Flux.concat(
                Flux.just(ByteBuffer.wrap(new byte[] {1, 2})),
                Flux.error(new IllegalStateException("connection lost")));
        try (InputStream content = new ByteBufferInputStream(failing)) {
            assertEquals(1, content.read());
            assertEquals(2, content.read());
            IOException failure = assertThrows(IOException.class, content::read);
            assertInstanceOf(IllegalStateException.class, failure.getCause());
        }
    }

    @Test
    void closingFromAnotherThreadWakesAReaderWaitingForBytes() throws Exception {
        Flux<ByteBuffer> stalled = Flux.concat(Flux.just(ByteBuffer.wrap(new byte[] {1})), Flux.never());
        InputStream content = new ByteBufferInputStream(stalled);
        assertEquals(1, content.read());
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return content.read();
            } catch (IOException e) {
                throw new CancellationException(e.getMessage());
            }
        });
        awaitWaiting(reader);
        content.close();
        ExecutionException woke = assertThrows(ExecutionException.class, () -> reader.get(10, TimeUnit.SECONDS));
        assertInstanceOf(CancellationException.class, woke.getCause());
    }

    /** Lets the reader reach its wait; the test is correct whether or not it got there first. */
    private static void awaitWaiting(CompletableFuture<?> reader) throws InterruptedException {
        for (int i = 0; i < 20 && !reader.isDone(); i++) {
            Thread.sleep(5);
        }
    }
}
