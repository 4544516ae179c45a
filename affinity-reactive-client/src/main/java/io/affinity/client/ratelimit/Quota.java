package io.affinity.client.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One rate-limit window as the server last reported it in the {@code X-Ratelimit-Limit-*} headers.
 *
 * <p>A window without a cap (plans without a monthly limit answer {@code unlimited}) has {@link #UNLIMITED} as
 * its limit and remaining count; {@link #unlimited()} tells.
 *
 * @param limit       requests allowed in the window, or {@link #UNLIMITED}
 * @param remaining   requests left in the window, or {@link #UNLIMITED}
 * @param resetAfter  time from {@code observedAt} until the window resets
 * @param observedAt  when the response carrying these numbers arrived
 */
public record Quota(long limit, long remaining, Duration resetAfter, Instant observedAt) {

    /** The limit and remaining count of a window without a cap. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /** Checks the components. */
    public Quota {
        Objects.requireNonNull(resetAfter, "resetAfter");
        Objects.requireNonNull(observedAt, "observedAt");
    }

    /**
     * Creates the quota of a window without a cap.
     *
     * @param resetAfter time from {@code observedAt} until the window resets
     * @param observedAt when the response carrying it arrived
     * @return the quota
     */
    public static Quota unlimited(Duration resetAfter, Instant observedAt) {
        return new Quota(UNLIMITED, UNLIMITED, resetAfter, observedAt);
    }

    /** @return whether the window has no cap: its limit (or its remaining count) is {@link #UNLIMITED} */
    public boolean unlimited() {
        return limit == UNLIMITED || remaining == UNLIMITED;
    }

    /** @return when the window resets: {@code observedAt + resetAfter} */
    public Instant resetsAt() {
        return observedAt.plus(resetAfter);
    }

    /** @return whether the window has no request left (never for an unlimited window) */
    public boolean exhausted() {
        return remaining <= 0 && !unlimited();
    }
}
