package io.affinity.client.blocking;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import reactor.core.publisher.Flux;

/**
 * The bytes of a streamed download as an {@link InputStream}. One buffer is requested at a time, when the
 * bytes in hand are used up, so the whole file is never held in memory; closing the stream cancels the
 * download.
 */
final class ByteBufferInputStream extends InputStream {

    private final Cursor<ByteBuffer> buffers;
    private ByteBuffer current = ByteBuffer.allocate(0);
    private boolean closed;

    ByteBufferInputStream(Flux<ByteBuffer> buffers) {
        this.buffers = new Cursor<>(buffers);
    }

    @Override
    public int read() throws IOException {
        return fill() ? current.get() & 0xFF : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, target.length);
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
        return current.remaining();
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
            Optional<ByteBuffer> next = buffers.next();
            if (next.isEmpty()) {
                return false;
            }
            current = next.get();
        }
        return true;
    }
}
