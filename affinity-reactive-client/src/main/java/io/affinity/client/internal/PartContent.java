package io.affinity.client.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;

/**
 * The bytes of one file part of a multipart body: an array, a file, or a stream of buffers. Arrays and files
 * can be sent as often as retries need; a stream can be sent once, so a request carrying a stream that was
 * already (partly) sent is not retried (see {@link ApiRequest#isReplayable()}). Internal API.
 */
public final class PartContent {

    private final long length;
    private final byte[] bytes;
    private final Path file;
    private final Flux<ByteBuffer> stream;
    private final AtomicBoolean streamOpened;

    private PartContent(long length, byte[] bytes, Path file, Flux<ByteBuffer> stream) {
        this.length = length;
        this.bytes = bytes;
        this.file = file;
        this.stream = stream;
        this.streamOpened = stream == null ? null : new AtomicBoolean();
    }

    /**
     * @param bytes the content, not copied: it must not change until the call completes
     * @return the content
     */
    public static PartContent ofBytes(byte[] bytes) {
        return new PartContent(Objects.requireNonNull(bytes, "bytes").length, bytes, null, null);
    }

    /**
     * @param file the file, read on a bounded elastic thread while the body is written
     * @param size its size in bytes when the call was prepared; a file whose size changes fails the call
     * @return the content
     */
    public static PartContent ofFile(Path file, long size) {
        return new PartContent(size, null, Objects.requireNonNull(file, "file"), null);
    }

    /**
     * @param stream the content; subscribed at most once, when the body is written. Each buffer is sent as it
     *               is, so it must not change after it is emitted.
     * @return the content, of unknown length
     */
    public static PartContent ofStream(Flux<ByteBuffer> stream) {
        return new PartContent(-1, null, null, Objects.requireNonNull(stream, "stream"));
    }

    /** @return the length in bytes, or -1 when unknown (a stream) */
    long length() {
        return length;
    }

    /** @return whether the content can (still) be sent: always for arrays and files, until opened for a stream */
    boolean canBeSent() {
        return streamOpened == null || !streamOpened.get();
    }

    /** @return the content as Netty buffers, read on subscription */
    Flux<ByteBuf> open() {
        if (bytes != null) {
            return Flux.defer(() -> Flux.just(Unpooled.wrappedBuffer(bytes)));
        }
        if (file != null) {
            return FileTransfer.read(file, length);
        }
        return Flux.defer(() -> streamOpened.compareAndSet(false, true)
                ? stream.map(buffer -> Unpooled.wrappedBuffer(Objects.requireNonNull(buffer, "stream buffer")))
                : Flux.error(new IllegalStateException(
                        "a file given as a stream of buffers was already sent once " + "and cannot be sent again")));
    }
}
