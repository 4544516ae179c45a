package io.affinity.spring.boot.internal;

import io.affinity.client.AffinityClient;
import io.affinity.client.AffinityClientBuilder;
import io.affinity.client.ConnectionPoolOptions;
import io.affinity.client.observation.AffinityCall;
import io.affinity.client.observation.AffinityClientListener;
import io.affinity.client.observation.CallResult;
import io.affinity.client.ratelimit.RateLimitOptions;
import io.affinity.client.retry.RetryOptions;
import io.affinity.spring.boot.AffinityProperties;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/** Turns the {@code affinity.*} properties into a client builder; unset properties keep the builder's defaults. */
public final class ClientFactory {

    private ClientFactory() {}

    /**
     * @param properties the properties
     * @return a builder with every set property applied
     * @throws MissingApiKeyException when the API key is missing or blank
     */
    public static AffinityClientBuilder builder(AffinityProperties properties) {
        String apiKey = properties.getApiKey();
        if (apiKey == null || apiKey.isBlank()) {
            throw new MissingApiKeyException();
        }
        AffinityClientBuilder builder = AffinityClient.builder().apiKey(apiKey.trim());
        set(properties.getBaseUrl(), builder::baseUrl);
        set(properties.getAuthScheme(), builder::authScheme);
        set(properties.getConnectTimeout(), builder::connectTimeout);
        set(properties.getResponseTimeout(), builder::responseTimeout);
        set(properties.getCallTimeout(), builder::callTimeout);
        set(properties.getAttemptTimeout(), builder::attemptTimeout);
        set(properties.getDownloadTimeout(), builder::downloadTimeout);
        set(properties.getMaxEmptyPages(), builder::maxEmptyPages);
        if (properties.getMaxResponseSize() != null) {
            builder.maxResponseSize(properties.getMaxResponseSize().toBytes());
        }

        AffinityProperties.Retry retry = properties.getRetry();
        if (retry.getMaxAttempts() != null || retry.getBaseDelay() != null || retry.getMaxDelay() != null) {
            RetryOptions.Builder options = RetryOptions.builder();
            set(retry.getMaxAttempts(), options::maxAttempts);
            set(retry.getBaseDelay(), options::baseDelay);
            set(retry.getMaxDelay(), options::maxDelay);
            builder.retryOptions(options.build());
        }

        rateLimitOptions(properties.getRateLimit(), "affinity.rate-limit.").ifPresent(builder::rateLimitOptions);

        AffinityProperties.ConnectionPool pool = properties.getConnectionPool();
        if (pool.getMaxConnections() != null
                || pool.getMaxPendingAcquires() != null
                || pool.getPendingAcquireTimeout() != null
                || pool.getMaxIdleTime() != null
                || pool.getEvictionInterval() != null) {
            ConnectionPoolOptions.Builder options = ConnectionPoolOptions.builder();
            set(pool.getMaxConnections(), options::maxConnections);
            set(pool.getMaxPendingAcquires(), options::maxPendingAcquires);
            set(pool.getPendingAcquireTimeout(), options::pendingAcquireTimeout);
            set(pool.getMaxIdleTime(), options::maxIdleTime);
            set(pool.getEvictionInterval(), options::evictionInterval);
            builder.connectionPoolOptions(options.build());
        }
        return builder;
    }

    /**
     * @param limit  rate-limit properties
     * @param prefix their prefix, such as {@code affinity.rate-limit.}, for messages
     * @return the options with every set property applied, or empty when none is set
     * @throws InvalidConfigurationPropertyValueException when a property has a value the options refuse
     */
    public static Optional<RateLimitOptions> rateLimitOptions(AffinityProperties.RateLimit limit, String prefix) {
        if (limit.getRequestsPerMinute() == null
                && limit.getMaxConcurrentRequests() == null
                && limit.getMaxQueuedRequests() == null
                && limit.getMaxWait() == null
                && limit.getMaxServerWait() == null) {
            return Optional.empty();
        }
        RateLimitOptions.Builder options = RateLimitOptions.builder();
        set(prefix + "requests-per-minute", limit.getRequestsPerMinute(), options::requestsPerMinute);
        set(prefix + "max-concurrent-requests", limit.getMaxConcurrentRequests(), options::maxConcurrentRequests);
        set(prefix + "max-queued-requests", limit.getMaxQueuedRequests(), options::maxQueuedRequests);
        set(prefix + "max-wait", limit.getMaxWait(), options::maxWait);
        set(prefix + "max-server-wait", limit.getMaxServerWait(), options::maxServerWait);
        return Optional.of(options.build());
    }

    /**
     * Applies a property when it is set, turning a value the setter refuses into a failure that names the property.
     *
     * @param property the property's full name
     * @param value    its value, or {@code null} when unset
     * @param setter   where it goes
     * @param <T>      its type
     * @throws InvalidConfigurationPropertyValueException when the setter refuses the value
     */
    static <T> void set(String property, T value, Consumer<T> setter) {
        if (value == null) {
            return;
        }
        try {
            setter.accept(value);
        } catch (IllegalArgumentException refused) {
            throw new InvalidConfigurationPropertyValueException(property, value, refused.getMessage());
        }
    }

    /**
     * @param listeners the listener beans
     * @return one listener that tells them all, or empty when there is none
     */
    public static Optional<AffinityClientListener> listener(List<AffinityClientListener> listeners) {
        if (listeners.isEmpty()) {
            return Optional.empty();
        }
        if (listeners.size() == 1) {
            return Optional.of(listeners.get(0));
        }
        List<AffinityClientListener> all = List.copyOf(listeners);
        return Optional.of(new AffinityClientListener() {
            @Override
            public void requestStarted(AffinityCall call) {
                all.forEach(listener -> listener.requestStarted(call));
            }

            @Override
            public void rateLimitWaited(AffinityCall call, Duration waited) {
                all.forEach(listener -> listener.rateLimitWaited(call, waited));
            }

            @Override
            public void rateLimited(AffinityCall call) {
                all.forEach(listener -> listener.rateLimited(call));
            }

            @Override
            public void retrying(AffinityCall call, int attempt, Throwable cause) {
                all.forEach(listener -> listener.retrying(call, attempt, cause));
            }

            @Override
            public void finished(AffinityCall call, CallResult result) {
                all.forEach(listener -> listener.finished(call, result));
            }
        });
    }

    private static <T> void set(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
