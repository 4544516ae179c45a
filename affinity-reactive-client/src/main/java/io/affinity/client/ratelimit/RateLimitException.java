package io.affinity.client.ratelimit;

import io.affinity.client.error.ErrorResponseException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A rate limit stopped the call: either the server answered 429 (after the retries allowed, if any), or the
 * client's rate limiter made the call wait longer than the configured maximum wait (then there is no status).
 */
public class RateLimitException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;
    private final transient RateLimitSnapshot limits;

    /**
     * Creates the exception.
     *
     * @param method        the HTTP method of the failed call
     * @param path          the request path of the failed call
     * @param statusCode    429 when the server refused the call, {@code null} when the limiter gave up waiting
     * @param serverMessage the message the server gave in its body, or {@code null}
     * @param retryAfter    how long to wait before trying again, or {@code null} when unknown
     * @param limits        the rate limits known when the call failed
     */
    public RateLimitException(
            String method,
            String path,
            Integer statusCode,
            String serverMessage,
            Duration retryAfter,
            RateLimitSnapshot limits) {
        super(
                method,
                path,
                statusCode,
                serverMessage,
                statusCode == null
                        ? "gave up waiting for the rate limit"
                                + (retryAfter == null ? "" : ", which resets in " + retryAfter)
                        : "rate limit exceeded" + (retryAfter == null ? "" : ", retry after " + retryAfter));
        this.retryAfter = retryAfter;
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** @return how long to wait before trying again, when known ({@code Retry-After} or the window's reset) */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** @return the rate limits known when the call failed */
    public RateLimitSnapshot limits() {
        return limits;
    }
}
