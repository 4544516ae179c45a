package io.affinity.client;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Netty 4.2's adaptive allocator briefly takes a {@code StampedLock} when two event loops contend for a magazine
 * and it grows the magazine array; BlockHound reports that park, which Netty's own integration does not yet list (a
 * known false positive, see line/armeria#6344). It shows under heavy traffic such as the 50 MB download tests.
 */
public final class NettyAllocatorBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside(
                "io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
    }
}
