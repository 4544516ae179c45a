package io.affinity.client.internal;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Collects a response body into one array, copying each network buffer as it arrives (the buffers
 * themselves are released by Reactor Netty), and refuses to grow past the size limit.
 */
final class BodyBuffer {

    private static final int DEFAULT_CAPACITY = 8 * 1024;

    private final long maxSize;
    private byte[] bytes;
    private int size;

    /**
     * @param expectedSize the declared length, or a negative number when unknown
     * @param maxSize      the most bytes accepted
     */
    BodyBuffer(long expectedSize, long maxSize) {
        this.maxSize = maxSize;
        this.bytes = new byte[(int) Math.min(expectedSize >= 0 ? expectedSize : DEFAULT_CAPACITY, maxSize)];
    }

    /** @return {@code false} when the body would exceed the limit (nothing is copied then) */
    boolean append(ByteBuf chunk) {
        int length = chunk.readableBytes();
        if ((long) size + length > maxSize) {
            return false;
        }
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(maxSize, Math.max((long) size + length, bytes.length * 2L)));
        }
        chunk.readBytes(bytes, size, length);
        size += length;
        return true;
    }

    byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
