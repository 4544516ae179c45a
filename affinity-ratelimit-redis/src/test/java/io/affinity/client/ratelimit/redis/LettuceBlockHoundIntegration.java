package io.affinity.client.ratelimit.redis;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lettuce's command handler takes a {@code StampedLock} for a moment when its channel registers on the event loop;
 * when two connections start at once BlockHound sees the park and fails the connection. That is the driver's setup,
 * not the limiter, which takes no lock.
 */
public final class LettuceBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.CommandHandler", "channelRegistered");
    }
}
