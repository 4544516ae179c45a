package io.affinity.client.internal;

import io.affinity.client.ratelimit.Quota;
import io.affinity.client.ratelimit.RateLimitFeedback;
import io.affinity.client.ratelimit.RateLimitSnapshot;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads the rate-limit headers and {@code Retry-After} of a response. */
final class RateLimitHeaders {

    private static final String PREFIX = "X-Ratelimit-Limit-";
    private static final String UNLIMITED = "unlimited";
    /**
     * The longest wait a header may ask for: a monthly window. Longer values are taken as this, so that a
     * nonsensical header cannot overflow the limiter's clock arithmetic.
     */
    static final Duration MAX_WAIT = Duration.ofDays(31);

    /** What {@link #number} answers for a missing or unreadable value. */
    private static final long ABSENT = Long.MIN_VALUE;

    private RateLimitHeaders() {}

    static RateLimitFeedback feedback(RawResponse response, Clock clock) {
        Instant now = clock.instant();
        HttpHeaders headers = response.headers();
        RateLimitSnapshot limits = RateLimitSnapshot.of(quota(headers, USER, now), quota(headers, ORG, now));
        return RateLimitFeedback.of(response.status(), limits, retryAfter(headers.get("Retry-After"), now));
    }

    /** The names of a window's three headers, built once rather than on every response. */
    private record WindowHeaders(String limit, String remaining, String reset) {

        WindowHeaders(String window) {
            this(PREFIX + window, PREFIX + window + "-Remaining", PREFIX + window + "-Reset");
        }
    }

    private static final WindowHeaders USER = new WindowHeaders("User");
    private static final WindowHeaders ORG = new WindowHeaders("Org");

    private static Quota quota(HttpHeaders headers, WindowHeaders window, Instant now) {
        long limit = count(headers.get(window.limit()));
        if (limit == ABSENT) {
            return null;
        }
        long remaining = count(headers.get(window.remaining()));
        long reset = number(headers.get(window.reset()));
        if (remaining == ABSENT || reset == ABSENT) {
            return null;
        }
        return new Quota(limit, Math.max(0, remaining), seconds(reset), now);
    }

    /** A window's count: a number, or {@code unlimited} on plans without a cap; {@link #ABSENT} when neither. */
    private static long count(String value) {
        if (value != null && value.trim().equalsIgnoreCase(UNLIMITED)) {
            return Quota.UNLIMITED;
        }
        return number(value);
    }

    /**
     * {@code Retry-After} as delay-seconds or as an HTTP date; {@code null} when absent, unreadable, negative or
     * a date already past, so that the client's own backoff applies.
     */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        long seconds = number(value);
        if (seconds != ABSENT) {
            return seconds < 0 ? null : seconds(seconds);
        }
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration wait = Duration.between(now, at);
            return wait.isNegative() ? null : min(wait, MAX_WAIT);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** A wait in seconds, between zero and {@link #MAX_WAIT}. */
    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(Math.max(0, Math.min(seconds, MAX_WAIT.toSeconds())));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** @return the number, or {@link #ABSENT} when there is none or it is unreadable: no boxing on this path */
    private static long number(String value) {
        if (value == null) {
            return ABSENT;
        }
        try {
            long number = Long.parseLong(value.trim());
            return number == ABSENT ? ABSENT + 1 : number;
        } catch (NumberFormatException unreadable) {
            return ABSENT;
        }
    }
}
