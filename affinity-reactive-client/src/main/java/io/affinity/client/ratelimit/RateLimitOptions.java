package io.affinity.client.ratelimit;

import io.affinity.client.internal.check.Args;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the client's default rate limiter. Immutable; start from {@link #defaults()} or
 * {@link #builder()}.
 *
 * <p>Defaults: 900 requests a minute (the API's per-user limit, replaced by the server's numbers once its
 * headers arrive), at most 32 requests in flight, at most 1,000 callers waiting, each for at most
 * {@value #DEFAULT_MAX_WAIT_MINUTES} minutes, and server-imposed waits accepted up to
 * {@value #DEFAULT_MAX_SERVER_WAIT_SECONDS} seconds.
 *
 * <p>What the server's headers can do: the per-user window's reset closes the gate for every caller for at most
 * one minute (the window's length), whatever the header says; a {@code Retry-After} or an exhausted window
 * whose reset lies beyond {@link #maxServerWait()} (a huge {@code Retry-After}, an exhausted monthly
 * organization quota) does not close the gate: for {@link #maxServerWait()} the calls that would wait fail at
 * once with a {@code RateLimitException} carrying the reset, then calls go to the server again. No header can
 * make a caller wait longer than {@link #maxWait()}.
 */
public final class RateLimitOptions {

    /** The default of {@link #maxWait()}, in minutes. */
    public static final int DEFAULT_MAX_WAIT_MINUTES = 5;
    /** The default of {@link #maxServerWait()}, in seconds. */
    public static final int DEFAULT_MAX_SERVER_WAIT_SECONDS = 120;

    private static final RateLimitOptions DEFAULTS = builder().build();

    private final int requestsPerMinute;
    private final int maxConcurrentRequests;
    private final int maxQueuedRequests;
    private final Duration maxWait;
    private final Duration maxServerWait;

    private RateLimitOptions(Builder builder) {
        this.requestsPerMinute = builder.requestsPerMinute;
        this.maxConcurrentRequests = builder.maxConcurrentRequests;
        this.maxQueuedRequests = builder.maxQueuedRequests;
        this.maxWait = builder.maxWait;
        this.maxServerWait = builder.maxServerWait;
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
     * @return how long a caller waits for a permit before failing with a {@code RateLimitException} (default
     *         {@value #DEFAULT_MAX_WAIT_MINUTES} minutes); empty means as long as it takes
     */
    public Optional<Duration> maxWait() {
        return Optional.ofNullable(maxWait);
    }

    /**
     * @return the longest wait the server may impose through {@code Retry-After} or a window's reset (default
     *         {@value #DEFAULT_MAX_SERVER_WAIT_SECONDS} s); a longer one fails the calls that would wait at once
     *         instead of holding them
     */
    public Duration maxServerWait() {
        return maxServerWait;
    }

    @Override
    public String toString() {
        return "RateLimitOptions{requestsPerMinute=" + requestsPerMinute + ", maxConcurrentRequests="
                + maxConcurrentRequests + ", maxQueuedRequests=" + maxQueuedRequests + ", maxWait=" + maxWait
                + ", maxServerWait=" + maxServerWait + '}';
    }

    /** Builder of {@link RateLimitOptions}. Not thread-safe. */
    public static final class Builder {

        private int requestsPerMinute = 900;
        private int maxConcurrentRequests = 32;
        private int maxQueuedRequests = 1_000;
        private Duration maxWait = Duration.ofMinutes(DEFAULT_MAX_WAIT_MINUTES);
        private Duration maxServerWait = Duration.ofSeconds(DEFAULT_MAX_SERVER_WAIT_SECONDS);

        private Builder() {}

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
         * @param maxWait how long a caller may wait for a permit (default {@value #DEFAULT_MAX_WAIT_MINUTES}
         *                minutes), or {@code null} for no limit; not negative
         * @return this builder
         */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = maxWait == null ? null : Args.notNegative("maxWait", maxWait);
            return this;
        }

        /**
         * @param maxServerWait the longest wait the server may impose through {@code Retry-After} or a window's
         *                      reset (default {@value #DEFAULT_MAX_SERVER_WAIT_SECONDS} s); beyond it the calls
         *                      that would wait fail at once; positive
         * @return this builder
         */
        public Builder maxServerWait(Duration maxServerWait) {
            this.maxServerWait = Args.positive("maxServerWait", maxServerWait);
            return this;
        }

        /** @return the options */
        public RateLimitOptions build() {
            return new RateLimitOptions(this);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RateLimitOptions that
                && requestsPerMinute == that.requestsPerMinute
                && maxConcurrentRequests == that.maxConcurrentRequests
                && maxQueuedRequests == that.maxQueuedRequests
                && Objects.equals(maxWait, that.maxWait)
                && maxServerWait.equals(that.maxServerWait);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requestsPerMinute, maxConcurrentRequests, maxQueuedRequests, maxWait, maxServerWait);
    }
}
