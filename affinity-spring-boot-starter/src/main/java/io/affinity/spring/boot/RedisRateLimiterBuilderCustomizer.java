package io.affinity.spring.boot;

import io.affinity.client.ratelimit.redis.RedisRateLimiter;

/**
 * Customizes the builder of the auto-configured {@link RedisRateLimiter} after the
 * {@code affinity.rate-limit.redis.*} properties were applied: for example
 * {@code builder.redisClient(appClient, uri)} to share the application's Lettuce client (which the limiter then
 * leaves open), a {@code listener(...)}, or a {@code scheduler(...)}.
 */
@FunctionalInterface
public interface RedisRateLimiterBuilderCustomizer {

    /** @param builder the builder of the limiter bean */
    void customize(RedisRateLimiter.Builder builder);
}
