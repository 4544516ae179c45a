/**
 * A {@link io.affinity.client.ratelimit.RateLimiter} shared through Redis by every process that uses one Affinity
 * API key: {@link io.affinity.client.ratelimit.redis.RedisRateLimiter}, its
 * {@link io.affinity.client.ratelimit.redis.FailureMode} while Redis is unreachable, and a
 * {@link io.affinity.client.ratelimit.redis.RedisRateLimiterListener} for outages.
 */
package io.affinity.client.ratelimit.redis;
