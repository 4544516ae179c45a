package io.affinity.client.ratelimit.redis;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lettuce's command handler takes a {@code StampedLock} for a moment when its channel registers on the event loop;
 * when two connections start at once BlockHound sees the park and fails the connection. Likewise its endpoint's
 * writer lock ({@code SharedLock}) is taken for a moment by every command written, so two event loops releasing
 * permits at once may park on it; BlockHound's error thrown from inside that lock leaves it taken and the next
 * writer spinning for ever. That is the driver's own locking, not the limiter, which takes no lock.
 */
public final class LettuceBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.CommandHandler", "channelRegistered");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "doExclusive");
    }
}
