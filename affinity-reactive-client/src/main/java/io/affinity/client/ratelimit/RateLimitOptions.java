package io.affinity.client.ratelimit;

import io.affinity.client.internal.Args;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the client's default rate limiter. Immutable; start from {@link #defaults()} or
 * {@link #builder()}.
 *
 * <p>Defaults: 900 requests a minute (the API's per-user limit, replaced by the server's numbers once its
 * headers arrive), at most 32 requests in flight, at most 1,000 callers waiting, no maximum wait.
 */
public final class RateLimitOptions {

    private static final RateLimitOptions DEFAULTS = builder().build();

    private final int requestsPerMinute;
    private final int maxConcurrentRequests;
    private final int maxQueuedRequests;
    private final Duration maxWait;

    private RateLimitOptions(Builder builder) {
        this.requestsPerMinute = builder.requestsPerMinute;
        this.maxConcurrentRequests = builder.maxConcurrentRequests;
        this.maxQueuedRequests = builder.maxQueuedRequests;
        this.maxWait = builder.maxWait;
    }

    /** @return the default options */
    public static RateLimitOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the requests a minute allowed until the server reports its own limit */
    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    /** @return the most requests in flight at once */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** @return the most callers waiting for a permit; one more fails with a {@code RequestQueueFullException} */
    public int maxQueuedRequests() {
        return maxQueuedRequests;
    }

    /**
     * @return how long a caller waits for a permit before failing with a {@code RateLimitException}; empty
     *         means as long as it takes
     */
    public Optional<Duration> maxWait() {
        return Optional.ofNullable(maxWait);
    }

    @Override
    public String toString() {
        return "RateLimitOptions{requestsPerMinute=" + requestsPerMinute + ", maxConcurrentRequests="
                + maxConcurrentRequests + ", maxQueuedRequests=" + maxQueuedRequests + ", maxWait=" + maxWait + '}';
    }

    /** Builder of {@link RateLimitOptions}. Not thread-safe. */
    public static final class Builder {

        private int requestsPerMinute = 900;
        private int maxConcurrentRequests = 32;
        private int maxQueuedRequests = 1_000;
        private Duration maxWait;

        private Builder() {
        }

        /**
         * @param requestsPerMinute requests a minute until the server reports its limit; at least 1
         * @return this builder
         */
        public Builder requestsPerMinute(int requestsPerMinute) {
            this.requestsPerMinute = Args.atLeast("requestsPerMinute", requestsPerMinute, 1);
            return this;
        }

        /**
         * @param maxConcurrentRequests the most requests in flight at once; at least 1
         * @return this builder
         */
        public Builder maxConcurrentRequests(int maxConcurrentRequests) {
            this.maxConcurrentRequests = Args.atLeast("maxConcurrentRequests", maxConcurrentRequests, 1);
            return this;
        }

        /**
         * @param maxQueuedRequests the most callers waiting for a permit; 0 fails every call that cannot
         *                          start at once
         * @return this builder
         */
        public Builder maxQueuedRequests(int maxQueuedRequests) {
            this.maxQueuedRequests = Args.atLeast("maxQueuedRequests", maxQueuedRequests, 0);
            return this;
        }

        /**
         * @param maxWait how long a caller may wait for a permit, or {@code null} for no limit; not negative
         * @return this builder
         */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = maxWait == null ? null : Args.notNegative("maxWait", maxWait);
            return this;
        }

        /** @return the options */
        public RateLimitOptions build() {
            return new RateLimitOptions(this);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RateLimitOptions that && requestsPerMinute == that.requestsPerMinute
                && maxConcurrentRequests == that.maxConcurrentRequests && maxQueuedRequests == that.maxQueuedRequests
                && Objects.equals(maxWait, that.maxWait);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requestsPerMinute, maxConcurrentRequests, maxQueuedRequests, maxWait);
    }
}
