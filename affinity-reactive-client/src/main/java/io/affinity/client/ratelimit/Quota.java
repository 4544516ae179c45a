package io.affinity.client.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One rate-limit window as the server last reported it in the {@code X-Ratelimit-Limit-*} headers.
 *
 * @param limit       requests allowed in the window
 * @param remaining   requests left in the window
 * @param resetAfter  time from {@code observedAt} until the window resets
 * @param observedAt  when the response carrying these numbers arrived
 */
public record Quota(long limit, long remaining, Duration resetAfter, Instant observedAt) {

    /** Checks the components. */
    public Quota {
        Objects.requireNonNull(resetAfter, "resetAfter");
        Objects.requireNonNull(observedAt, "observedAt");
    }

    /** @return when the window resets: {@code observedAt + resetAfter} */
    public Instant resetsAt() {
        return observedAt.plus(resetAfter);
    }

    /** @return whether the window has no request left */
    public boolean exhausted() {
        return remaining <= 0;
    }
}
