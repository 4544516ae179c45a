package io.affinity.client.retry;

import io.affinity.client.internal.check.Args;
import java.time.Duration;
import java.util.Objects;

/**
 * When and how often the client tries a failed call again. Immutable; start from {@link #defaults()},
 * {@link #disabled()} or {@link #builder()}.
 *
 * <p>What is retried: a 429 answer, for every method, after the server's {@code Retry-After} or the reset of
 * its rate-limit window; a 500, 502, 503 or 504 answer, a response timeout and a connection closed after the
 * request was sent, only for the idempotent methods GET, PUT and DELETE; a connection that failed before
 * anything was sent, for every method. Delays grow exponentially from {@link #baseDelay()} with full jitter
 * and never exceed {@link #maxDelay()}; a delay the server asks for wins over the computed one.
 *
 * <p>Defaults: 4 attempts in all, base delay 500 ms, maximum delay 30 s.
 */
public final class RetryOptions {

    private static final RetryOptions DEFAULTS = builder().build();
    private static final RetryOptions DISABLED = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;

    private RetryOptions(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.baseDelay = builder.baseDelay;
        this.maxDelay = builder.maxDelay;
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException(
                    "maxDelay (" + maxDelay + ") must not be shorter than baseDelay (" + baseDelay + ")");
        }
    }

    /** @return the default options */
    public static RetryOptions defaults() {
        return DEFAULTS;
    }

    /** @return options that never retry: every call is attempted once */
    public static RetryOptions disabled() {
        return DISABLED;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the most attempts of one call, the first included; 1 means no retry */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return the upper bound of the first backoff delay; each retry doubles it */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** @return the cap of the computed backoff delay */
    public Duration maxDelay() {
        return maxDelay;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetryOptions that
                && maxAttempts == that.maxAttempts
                && baseDelay.equals(that.baseDelay)
                && maxDelay.equals(that.maxDelay);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, baseDelay, maxDelay);
    }

    @Override
    public String toString() {
        return "RetryOptions{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay + '}';
    }

    /** Builder of {@link RetryOptions}. Not thread-safe. */
    public static final class Builder {

        private int maxAttempts = 4;
        private Duration baseDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(30);

        private Builder() {}

        /**
         * @param maxAttempts the most attempts of one call, the first included; at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = Args.atLeast("maxAttempts", maxAttempts, 1);
            return this;
        }

        /**
         * @param baseDelay the upper bound of the first backoff delay; not negative
         * @return this builder
         */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = Args.notNegative("baseDelay", baseDelay);
            return this;
        }

        /**
         * @param maxDelay the cap of the computed backoff delay; not negative, not shorter than the base delay
         * @return this builder
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = Args.notNegative("maxDelay", maxDelay);
            return this;
        }

        /** @return the options */
        public RetryOptions build() {
            return new RetryOptions(this);
        }
    }
}
