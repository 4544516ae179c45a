package io.affinity.client.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one response told about the rate limits: its status, the limits in its headers and its
 * {@code Retry-After}. The client hands it to the {@link RateLimiter} when it releases a permit.
 */
public final class RateLimitFeedback {

    private static final int TOO_MANY_REQUESTS = 429;
    private static final RateLimitFeedback NONE = new RateLimitFeedback(null, RateLimitSnapshot.empty(), null);
    private static final RateLimitFeedback CANCELLED = new RateLimitFeedback(null, RateLimitSnapshot.empty(), null);

    private final Integer statusCode;
    private final RateLimitSnapshot limits;
    private final Duration retryAfter;

    private RateLimitFeedback(Integer statusCode, RateLimitSnapshot limits, Duration retryAfter) {
        this.statusCode = statusCode;
        this.limits = limits;
        this.retryAfter = retryAfter;
    }

    /** @return the feedback of a call that got no response (a transport failure or a timeout) */
    public static RateLimitFeedback none() {
        return NONE;
    }

    /**
     * @return the feedback of a call whose caller cancelled it before its response; a limiter may hold back the
     *         permit for a moment, since the caller's other calls are often being cancelled at the same time
     */
    public static RateLimitFeedback cancelled() {
        return CANCELLED;
    }

    /** @return whether the call was cancelled by its caller before its response */
    public boolean wasCancelled() {
        return this == CANCELLED;
    }

    /**
     * Creates the feedback of a response.
     *
     * @param statusCode the response status
     * @param limits     the limits from the response headers (empty when it had none)
     * @param retryAfter the {@code Retry-After} delay, or {@code null} when absent
     * @return the feedback
     */
    public static RateLimitFeedback of(int statusCode, RateLimitSnapshot limits, Duration retryAfter) {
        return new RateLimitFeedback(statusCode, Objects.requireNonNull(limits, "limits"), retryAfter);
    }

    /** @return the response status; empty when there was no response */
    public OptionalInt statusCode() {
        return statusCode == null ? OptionalInt.empty() : OptionalInt.of(statusCode);
    }

    /** @return whether the server refused the call for its rate limit (HTTP 429) */
    public boolean throttled() {
        return statusCode != null && statusCode == TOO_MANY_REQUESTS;
    }

    /** @return the limits the response headers carried */
    public RateLimitSnapshot limits() {
        return limits;
    }

    /** @return the {@code Retry-After} delay of the response, if it had one */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * How long every caller has to wait before the next request, by the server's word: the
     * {@code Retry-After} delay if present, else the reset of a window with no request left, else (for a 429
     * without either) the reset of the user's window when known.
     *
     * @return the wait, or empty when nothing has to wait
     */
    public Optional<Duration> requiredWait() {
        if (retryAfter != null) {
            return Optional.of(retryAfter);
        }
        Duration wait = null;
        for (Optional<Quota> window : List.of(limits.user(), limits.org())) {
            if (window.isPresent() && window.get().exhausted()) {
                wait = max(wait, window.get().resetAfter());
            }
        }
        if (wait == null && throttled()) {
            wait = limits.user().map(Quota::resetAfter).orElse(null);
        }
        return Optional.ofNullable(wait);
    }

    private static Duration max(Duration a, Duration b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    @Override
    public String toString() {
        return "RateLimitFeedback{status=" + statusCode + ", limits=" + limits + ", retryAfter=" + retryAfter
                + (wasCancelled() ? ", cancelled" : "") + '}';
    }
}
