package io.affinity.client.ratelimit.redis;

import java.time.Duration;

/**
 * Hears about the Redis behind a {@link RedisRateLimiter} becoming unreachable and reachable again, for example to
 * feed metrics or health checks. Called from the limiter's threads: return quickly and never block.
 */
public interface RedisRateLimiterListener {

    /** A listener that does nothing. */
    RedisRateLimiterListener NONE = new RedisRateLimiterListener() {};

    /**
     * Redis became unreachable: from now on calls use the fallback or fail, as configured. Called once per outage.
     *
     * @param cause the failure that started the outage
     */
    default void onRedisUnavailable(Throwable cause) {}

    /**
     * Redis is reachable again and shared limiting has resumed.
     *
     * @param outage how long Redis was unreachable
     */
    default void onRedisRecovered(Duration outage) {}
}
