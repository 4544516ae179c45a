package io.affinity.spring.boot;

import io.affinity.client.AffinityClient;
import io.affinity.client.ratelimit.RateLimiter;
import io.affinity.client.ratelimit.redis.RedisRateLimiter;
import io.affinity.spring.boot.internal.RedisRateLimiterFactory;
import io.lettuce.core.RedisClient;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Auto-configures a {@link RedisRateLimiter} from the {@code affinity.rate-limit.redis.*} properties
 * ({@link AffinityRedisRateLimitProperties}); the auto-configured {@link AffinityClient} then takes its permits from
 * it, so every replica with the same name (by default: the same API key) shares one limit.
 *
 * <p>Active when {@code affinity-ratelimit-redis} and Lettuce are on the class path, the application defines no
 * {@link RateLimiter} bean of its own, and {@code affinity.rate-limit.redis.enabled} is {@code true}, or it is unset
 * and {@code affinity.rate-limit.redis.uri} is set. The limiter, and the Redis client it created, are closed with the
 * context. {@link RedisRateLimiterBuilderCustomizer} beans adjust its builder. With Micrometer, the gauge
 * {@code affinity.client.rate-limit.redis.available} (1 or 0) and the counters
 * {@code affinity.client.rate-limit.redis.outages} and {@code .errors}; with the actuator, the health component
 * {@code affinityRateLimiter}.
 */
@AutoConfiguration(before = AffinityAutoConfiguration.class)
@ConditionalOnClass({AffinityClient.class, RedisRateLimiter.class, RedisClient.class})
@Conditional(AffinityRedisRateLimiterAutoConfiguration.OnSharedRateLimit.class)
@EnableConfigurationProperties({AffinityProperties.class, AffinityRedisRateLimitProperties.class})
public class AffinityRedisRateLimiterAutoConfiguration {

    /** Creates the auto-configuration. */
    public AffinityRedisRateLimiterAutoConfiguration() {}

    /**
     * The shared limiter, closed with the application context. It connects to Redis in the background: an unreachable
     * Redis does not stop start-up, calls follow the failure mode until it answers.
     *
     * @param properties  the {@code affinity.rate-limit.redis.*} properties
     * @param client      the {@code affinity.*} properties, whose API key names the limiter when no name is set
     * @param customizers the customizers of the builder, in order
     * @return the limiter
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(RateLimiter.class)
    public RedisRateLimiter affinityRedisRateLimiter(
            AffinityRedisRateLimitProperties properties,
            AffinityProperties client,
            ObjectProvider<RedisRateLimiterBuilderCustomizer> customizers) {
        List<RedisRateLimiterBuilderCustomizer> all =
                customizers.orderedStream().toList();
        RedisRateLimiter.Builder builder =
                RedisRateLimiterFactory.builder(properties, client.getApiKey(), !all.isEmpty());
        all.forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /**
     * {@code affinity.rate-limit.redis.enabled=true}, or {@code enabled} unset and
     * {@code affinity.rate-limit.redis.uri} set.
     */
    static final class OnSharedRateLimit extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Binder binder = Binder.get(context.getEnvironment());
            Boolean enabled = binder.bind(RedisRateLimiterFactory.PREFIX + "enabled", Boolean.class)
                    .orElse(null);
            if (enabled != null) {
                return new ConditionOutcome(enabled, RedisRateLimiterFactory.PREFIX + "enabled=" + enabled);
            }
            String uri = binder.bind(RedisRateLimiterFactory.PREFIX + "uri", String.class)
                    .orElse("");
            return uri.isBlank()
                    ? ConditionOutcome.noMatch("neither " + RedisRateLimiterFactory.PREFIX + "enabled nor "
                            + RedisRateLimiterFactory.PREFIX + "uri is set")
                    : ConditionOutcome.match(RedisRateLimiterFactory.PREFIX + "uri is set");
        }
    }
}
