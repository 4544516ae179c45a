package io.affinity.client.ratelimit.redis;

/** What a {@link RedisRateLimiter} does while Redis cannot be reached. */
public enum FailureMode {

    /**
     * Calls go on under a local token bucket (each process on its own budget, as without Redis) until Redis is
     * back. The default: an outage of the limiter's store does not stop the application.
     */
    FAIL_OPEN,

    /** Calls fail at once with a {@link RedisUnavailableException} until Redis is back. */
    FAIL_CLOSED
}
