package io.affinity.spring.boot.internal;

import io.affinity.client.ratelimit.redis.RedisRateLimiter;
import io.affinity.spring.boot.AffinityRedisRateLimitProperties;
import io.lettuce.core.RedisURI;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Turns the {@code affinity.rate-limit.redis.*} properties into a {@link RedisRateLimiter} builder; unset properties
 * keep the builder's defaults. A value the builder refuses fails with an
 * {@link InvalidConfigurationPropertyValueException} naming the property, which Boot reports in one block at start-up.
 */
public final class RedisRateLimiterFactory {

    /** The prefix of the properties. */
    public static final String PREFIX = "affinity.rate-limit.redis.";

    private static final Pattern CREDENTIALS = Pattern.compile("//[^/@]*@");

    private RedisRateLimiterFactory() {}

    /**
     * @param properties the {@code affinity.rate-limit.redis.*} properties
     * @param apiKey     the {@code affinity.api-key}, which names the shared state when no name is set
     * @param clientSet  whether a customizer will give the builder a Redis client, so that no uri is needed
     * @return a builder with every set property applied
     * @throws InvalidConfigurationPropertyValueException when a property has a value the builder refuses
     * @throws IllegalStateException                       when neither a uri nor a Redis client is available
     * @throws MissingApiKeyException                      when neither a name nor an API key is set
     */
    public static RedisRateLimiter.Builder builder(
            AffinityRedisRateLimitProperties properties, String apiKey, boolean clientSet) {
        RedisRateLimiter.Builder builder = RedisRateLimiter.builder();
        String uri = properties.getUri();
        if (uri != null && !uri.isBlank()) {
            builder.redisUri(checkedUri(uri.trim()));
        } else if (!clientSet) {
            throw new IllegalStateException(PREFIX + "uri is not set: the shared rate limiter (" + PREFIX
                    + "enabled=true) needs the address of Redis, or a RedisRateLimiterBuilderCustomizer that sets "
                    + "a Redis client");
        }
        if (properties.getName() != null) {
            set("name", properties.getName(), builder::name);
        } else if (apiKey != null && !apiKey.isBlank()) {
            builder.apiKey(apiKey.trim());
        } else {
            throw new MissingApiKeyException();
        }
        set("key-prefix", properties.getKeyPrefix(), builder::keyPrefix);
        set("requests-per-minute", properties.getRequestsPerMinute(), builder::requestsPerMinute);
        set("max-concurrent-requests", properties.getMaxConcurrentRequests(), builder::maxConcurrentRequests);
        set("lease-time", properties.getLeaseTime(), builder::leaseTime);
        set("max-queued-requests", properties.getMaxQueuedRequests(), builder::maxQueuedRequests);
        set("max-wait", properties.getMaxWait(), builder::maxWait);
        set("max-server-wait", properties.getMaxServerWait(), builder::maxServerWait);
        set("failure-mode", properties.getFailureMode(), builder::failureMode);
        set("redis-timeout", properties.getRedisTimeout(), builder::redisTimeout);
        set("recovery-interval", properties.getRecoveryInterval(), builder::recoveryInterval);
        set("slot-poll-interval", properties.getSlotPollInterval(), builder::slotPollInterval);

        ClientFactory.rateLimitOptions(properties.getFallback(), PREFIX + "fallback.")
                .ifPresent(builder::fallbackOptions);
        return builder;
    }

    private static String checkedUri(String uri) {
        try {
            RedisURI.create(uri);
            return uri;
        } catch (RuntimeException refused) {
            // neither the value's credentials nor Lettuce's message (which may repeat them) go into the failure
            throw new InvalidConfigurationPropertyValueException(
                    PREFIX + "uri",
                    CREDENTIALS.matcher(uri).replaceFirst("//******@"),
                    "not a Redis URI that Lettuce accepts, such as redis://host:6379/0 or rediss://host:6380");
        }
    }

    private static <T> void set(String property, T value, Consumer<T> setter) {
        ClientFactory.set(PREFIX + property, value, setter);
    }
}
