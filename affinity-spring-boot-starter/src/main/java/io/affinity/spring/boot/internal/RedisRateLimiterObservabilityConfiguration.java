package io.affinity.spring.boot.internal;

import io.affinity.client.ratelimit.redis.RedisRateLimiter;
import io.affinity.spring.boot.AffinityRedisRateLimiterAutoConfiguration;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared rate limiter's state where a Spring user looks: the gauge
 * {@code affinity.client.rate-limit.redis.available} (1 while Redis answers, 0 during an outage), the counters
 * {@code affinity.client.rate-limit.redis.outages} and {@code affinity.client.rate-limit.redis.errors}, and the
 * health component {@code affinityRateLimiter}. Applies once the application context holds a
 * {@link RedisRateLimiter}, the auto-configured one or the application's own.
 */
@AutoConfiguration(after = AffinityRedisRateLimiterAutoConfiguration.class)
@ConditionalOnClass(RedisRateLimiter.class)
@ConditionalOnBean(RedisRateLimiter.class)
public class RedisRateLimiterObservabilityConfiguration {

    /** Creates the configuration. */
    public RedisRateLimiterObservabilityConfiguration() {}

    /** The meters, when Micrometer is present; Boot binds them to every registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static class Metrics {

        @Bean
        MeterBinder affinityRedisRateLimiterMeters(RedisRateLimiter limiter) {
            return registry -> {
                Gauge.builder("affinity.client.rate-limit.redis.available", limiter, l -> l.redisAvailable() ? 1 : 0)
                        .description("1 while the shared rate limiter's Redis answers, 0 during an outage")
                        .register(registry);
                FunctionCounter.builder("affinity.client.rate-limit.redis.outages", limiter, RedisRateLimiter::outages)
                        .description("Times the shared rate limiter's Redis became unreachable")
                        .register(registry);
                FunctionCounter.builder(
                                "affinity.client.rate-limit.redis.errors", limiter, RedisRateLimiter::redisErrors)
                        .description("Failed Redis calls of the shared rate limiter")
                        .register(registry);
            };
        }
    }

    /** The health component {@code affinityRateLimiter} ({@code management.health.affinity.enabled}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReactiveHealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("affinity")
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "affinityRateLimiterHealthIndicator")
        ReactiveHealthIndicator affinityRateLimiterHealthIndicator(RedisRateLimiter limiter) {
            return new RedisRateLimiterHealthIndicator(limiter);
        }
    }
}
