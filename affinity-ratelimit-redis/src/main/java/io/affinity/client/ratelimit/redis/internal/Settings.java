package io.affinity.client.ratelimit.redis.internal;

import io.affinity.client.ratelimit.RateLimitOptions;
import java.time.Duration;

/**
 * The settings of a {@link SharedRateLimiter}, checked by the public builder.
 *
 * @param namespace             the name shared by the processes (a user's name or a hash of the API key)
 * @param keyPrefix             the prefix of the Redis keys
 * @param requestsPerMinute     the limit until a response reports the server's
 * @param maxConcurrentRequests the cluster-wide in-flight cap, 0 for none
 * @param leaseTime             how long a permit's in-flight slot lasts unless released
 * @param maxQueuedRequests     the most callers of this process waiting at once
 * @param maxWait               the longest wait of one caller, or {@code null}
 * @param maxServerWait         the longest wait the server may impose
 * @param failClosed            whether calls fail (rather than use the fallback) while Redis is unreachable
 * @param fallbackOptions       the settings of the local limiter used while Redis is unreachable
 * @param redisTimeout          the longest a Redis command may take before Redis counts as unreachable
 * @param recoveryInterval      how often an unreachable Redis is tried again
 * @param slotPollInterval      how often a caller waiting for an in-flight slot asks again
 */
public record Settings(
        String namespace,
        String keyPrefix,
        int requestsPerMinute,
        int maxConcurrentRequests,
        Duration leaseTime,
        int maxQueuedRequests,
        Duration maxWait,
        Duration maxServerWait,
        boolean failClosed,
        RateLimitOptions fallbackOptions,
        Duration redisTimeout,
        Duration recoveryInterval,
        Duration slotPollInterval) {}
