/**
 * A {@link io.affinity.client.ratelimit.RateLimiter} shared through Redis by every process that uses one API key:
 * {@link io.affinity.client.ratelimit.redis.RedisRateLimiter}.
 */
module io.affinity.client.ratelimit.redis {
    requires transitive io.affinity.client;
    requires transitive lettuce.core;
    requires org.slf4j;

    exports io.affinity.client.ratelimit.redis;
}
