package io.affinity.client.blocking;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import reactor.core.publisher.Flux;

/**
 * The bytes of a streamed download as an {@link InputStream}. One buffer is requested at a time, when the
 * bytes in hand are used up, so the whole file is never held in memory; closing the stream (from any thread)
 * cancels the download.
 *
 * <p>The first buffer is awaited when the stream is created, so that a call that fails outright (a bad
 * argument, a missing file) throws the client's exception from {@code download} itself. A failure later in
 * the transfer is thrown by {@code read} as an {@link IOException} whose cause is the client's exception, as
 * the {@code InputStream} contract expects; an interrupt is an {@link InterruptedIOException}.
 */
final class ByteBufferInputStream extends InputStream {

    private static final ByteBuffer NONE = ByteBuffer.allocate(0);

    private final Cursor<ByteBuffer> buffers;
    private ByteBuffer current;
    private volatile boolean closed;

    ByteBufferInputStream(Flux<ByteBuffer> buffers) {
        this.buffers = new Cursor<>(buffers);
        this.current = this.buffers.next().orElse(NONE);
    }

    @Override
    public int read() throws IOException {
        return fill() ? current.get() & 0xFF : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, current.remaining());
        current.get(target, offset, count);
        return count;
    }

    @Override
    public int available() {
        return closed ? 0 : current.remaining();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            buffers.close();
        }
    }

    /** @return whether bytes are in hand, fetching the next buffer when the current one is used up */
    private boolean fill() throws IOException {
        if (closed) {
            throw new IOException("the download stream is closed");
        }
        while (!current.hasRemaining()) {
            Optional<ByteBuffer> next = next();
            if (next.isEmpty()) {
                return false;
            }
            current = next.get();
        }
        return true;
    }

    private Optional<ByteBuffer> next() throws IOException {
        try {
            return buffers.next();
        } catch (CancellationException cancelled) {
            if (closed) {
                throw new IOException("the download stream was closed", cancelled);
            }
            InterruptedIOException interrupted = new InterruptedIOException(cancelled.getMessage());
            interrupted.initCause(cancelled);
            throw interrupted;
        } catch (RuntimeException failed) {
            throw new IOException("the download failed: " + failed.getMessage(), failed);
        }
    }
}
