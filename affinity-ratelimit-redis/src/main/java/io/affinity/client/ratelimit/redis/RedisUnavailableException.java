package io.affinity.client.ratelimit.redis;

import io.affinity.client.ratelimit.RateLimitException;
import io.affinity.client.ratelimit.RateLimitSnapshot;
import java.time.Duration;

/**
 * A {@link RedisRateLimiter} in {@link FailureMode#FAIL_CLOSED} refused a call because Redis could not be reached.
 * Its {@link #retryAfter()} is the interval at which Redis is tried again; the Redis failure is
 * {@link #redisFailure()} (and a suppressed exception, for stack traces).
 */
public class RedisUnavailableException extends RateLimitException {

    private static final long serialVersionUID = 1L;

    private final transient Throwable redisFailure;

    /**
     * Creates the exception.
     *
     * @param method     the HTTP method of the refused call
     * @param path       the request path of the refused call
     * @param retryAfter when Redis is tried again
     * @param limits     the rate limits known when the call was refused
     * @param cause      the Redis failure, or {@code null}
     */
    public RedisUnavailableException(
            String method, String path, Duration retryAfter, RateLimitSnapshot limits, Throwable cause) {
        super(method, path, null, "the shared rate limiter's Redis is unreachable (fail-closed)", retryAfter, limits);
        this.redisFailure = cause;
        if (cause != null) {
            addSuppressed(cause);
        }
    }

    /** @return the Redis failure behind the refusal, if known */
    public java.util.Optional<Throwable> redisFailure() {
        return java.util.Optional.ofNullable(redisFailure);
    }
}
