package io.affinity.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reported a leaked buffer while it ran. Tests run with
 * {@code -Dio.netty.leakDetection.level=paranoid}, so every buffer is tracked; a collection followed by
 * fresh allocations makes the detector report what was collected unreleased.
 */
public final class NettyLeakCheck implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        for (int round = 0; round < 3; round++) {
            System.gc();
            for (ByteBufAllocator allocator :
                    new ByteBufAllocator[] {PooledByteBufAllocator.DEFAULT, UnpooledByteBufAllocator.DEFAULT}) {
                for (int i = 0; i < 100; i++) {
                    allocator.buffer(16).release();
                }
            }
        }
        assertEquals(List.of(), LogCapture.takeLeakReports(), "Netty reported leaked buffers");
    }
}
