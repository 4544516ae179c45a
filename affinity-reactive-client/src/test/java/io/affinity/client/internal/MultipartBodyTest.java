package io.affinity.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.error.TransportException;
import io.affinity.client.ratelimit.RateLimitOptions;
import io.affinity.client.retry.RetryOptions;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The multipart body the engine streams, and how retries treat a body that can be sent only once. */
class MultipartBodyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    @Test
    void theDeclaredLengthIsTheLengthWritten() throws Exception {
        Path file = temp.resolve("a \"quoted\"\nname.txt");
        Files.writeString(file, "y".repeat(150_000));
        ApiRequest request = ApiRequest.post("/entity-files")
                .multipartField("person_id", 1)
                .multipartFile(
                        "files[]",
                        file.getFileName().toString(),
                        "text/plain",
                        PartContent.ofFile(file, Files.size(file)))
                .multipartFile("files[]", "b.bin", "application/octet-stream", PartContent.ofBytes(new byte[] {1, 2}))
                .build();
        Multipart multipart = new Multipart(((ApiRequest.MultipartBody) request.body()).parts());

        String body = written(multipart);

        assertEquals(multipart.length(), body.getBytes(StandardCharsets.ISO_8859_1).length);
        String boundary = multipart.contentType().substring("multipart/form-data; boundary=".length());
        assertTrue(
                body.startsWith(
                        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"person_id\"\r\n\r\n1" + "\r\n"),
                body.substring(0, 120));
        assertTrue(body.contains("filename=\"a %22quoted%22%0Aname.txt\""), "quotes and line breaks are escaped");
        assertTrue(body.endsWith("\r\n--" + boundary + "--\r\n"));
        assertEquals(body, written(multipart), "files and arrays can be written again");
    }

    @Test
    void aFileThatChangedSizeFailsTheBody() throws Exception {
        Path file = temp.resolve("grows.txt");
        Files.writeString(file, "abc");
        Multipart multipart = new Multipart(java.util.List.of(
                new ApiRequest.FilePart("file", "grows.txt", "text/plain", PartContent.ofFile(file, 2))));

        StepVerifier.create(multipart.content().doOnNext(ByteBuf::release).then())
                .expectErrorSatisfies(
                        error -> assertTrue(error.getCause().getMessage().contains("grew"), error.toString()))
                .verify(TIMEOUT);
    }

    @Test
    void aStreamMakesTheLengthUnknownAndTheRequestNotReplayableOnceSent() {
        ApiRequest request = ApiRequest.post("/entity-files")
                .multipartField("person_id", 1)
                .multipartFile(
                        "file",
                        "s.txt",
                        "text/plain",
                        PartContent.ofStream(Flux.just(ByteBuffer.wrap("streamed".getBytes(StandardCharsets.UTF_8)))))
                .build();
        Multipart multipart = new Multipart(((ApiRequest.MultipartBody) request.body()).parts());

        assertEquals(-1, multipart.length());
        assertTrue(request.isReplayable(), "not sent yet");
        assertTrue(written(multipart).contains("\r\n\r\nstreamed\r\n"));
        assertFalse(request.isReplayable(), "the stream was read");
        StepVerifier.create(multipart.content().doOnNext(ByteBuf::release).then())
                .expectErrorMessage(
                        "a file given as a stream of buffers was already sent once and cannot be sent " + "again")
                .verify(TIMEOUT);
    }

    @Test
    void aConnectFailureIsRetriedUntilTheStreamIsRead() {
        RetryPolicy policy = new RetryPolicy(
                RetryOptions.builder()
                        .maxAttempts(3)
                        .baseDelay(Duration.ZERO)
                        .maxDelay(Duration.ZERO)
                        .build(),
                RateLimitOptions.defaults(),
                Schedulers.parallel());
        PartContent stream = PartContent.ofStream(Flux.just(ByteBuffer.allocate(1)));
        ApiRequest request = ApiRequest.post("/entity-files")
                .multipartFile("file", "s", "text/plain", stream)
                .multipartField("person_id", 1)
                .build();
        TransportException notSent =
                new TransportException("POST", "/entity-files", TransportException.Kind.CONNECT, false, null);

        AtomicInteger attempts = new AtomicInteger();
        StepVerifier.create(policy.retrying(
                        Mono.defer(() -> {
                            attempts.incrementAndGet();
                            return Mono.error(notSent);
                        }),
                        request))
                .expectErrorMatches(notSent::equals)
                .verify(TIMEOUT);
        assertEquals(3, attempts.get(), "nothing was sent: the stream is still unread");

        stream.open().doOnNext(ByteBuf::release).blockLast(TIMEOUT);
        attempts.set(0);
        StepVerifier.create(policy.retrying(
                        Mono.defer(() -> {
                            attempts.incrementAndGet();
                            return Mono.error(notSent);
                        }),
                        request))
                .expectErrorMatches(notSent::equals)
                .verify(TIMEOUT);
        assertEquals(1, attempts.get(), "a read stream cannot be sent again");
    }

    private static String written(Multipart multipart) {
        return multipart
                .content()
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.ISO_8859_1);
                    } finally {
                        buffer.release();
                    }
                })
                .collectList()
                .map(parts -> String.join("", parts))
                .block(TIMEOUT);
    }
}
