package io.affinity.spring.boot.internal;

import io.affinity.client.ratelimit.redis.FailureMode;
import io.affinity.client.ratelimit.redis.RedisRateLimiter;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * The {@code affinityRateLimiter} health: whether the shared rate limiter's Redis answers, with its outage and error
 * counts. While Redis is unreachable it stays UP in {@link FailureMode#FAIL_OPEN} (calls go on under the local
 * limiter, so a replica must not be restarted for it) and is DOWN in {@link FailureMode#FAIL_CLOSED} (calls fail).
 * Reads counters only: no Redis call, never blocks.
 */
public final class RedisRateLimiterHealthIndicator implements ReactiveHealthIndicator {

    private final RedisRateLimiter limiter;

    /** @param limiter the limiter */
    public RedisRateLimiterHealthIndicator(RedisRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Health> health() {
        return Mono.fromSupplier(() -> {
            boolean available = limiter.redisAvailable();
            FailureMode failureMode = limiter.failureMode();
            Health.Builder health = available || failureMode == FailureMode.FAIL_OPEN ? Health.up() : Health.down();
            return health.withDetail("redisAvailable", available)
                    .withDetail("failureMode", failureMode.name())
                    .withDetail("outages", limiter.outages())
                    .withDetail("redisErrors", limiter.redisErrors())
                    .build();
        });
    }
}
