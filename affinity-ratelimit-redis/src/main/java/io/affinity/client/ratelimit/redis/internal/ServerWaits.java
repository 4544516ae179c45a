package io.affinity.client.ratelimit.redis.internal;

import io.affinity.client.ratelimit.Quota;
import io.affinity.client.ratelimit.RateLimitFeedback;
import io.affinity.client.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.Optional;

/**
 * What one response asks of every process sharing the limits, within the same bounds as the client's default
 * limiter: the user window's reset closes the gate for at most one minute (the window's length); a
 * {@code Retry-After} or an exhausted window's reset up to the maximum server wait closes it that long; a longer
 * one does not close the gate but makes every call that would wait fail at once for the maximum server wait.
 *
 * <p>A wait for the account's monthly limit (its quota used up, or a 429 whose headers show only the month
 * exhausted) is kept apart: it holds or refuses only the calls the month counts, not those exempt from it
 * ({@link RateLimiter#exemptFromMonthlyLimit}).
 *
 * @param every the wait for every call
 * @param month the wait for the calls the monthly limit counts
 */
record ServerWaits(Hold every, Hold month) {

    static final long WINDOW_MS = 60_000;
    private static final long FOREVER_MS = Duration.ofDays(366).toMillis();

    /**
     * One wait.
     *
     * @param gateMs        how long the gate closes, or -1
     * @param refuseMs      how long calls are refused, or -1
     * @param refuseResetMs the server's reset told to refused calls
     */
    record Hold(long gateMs, long refuseMs, long refuseResetMs) {

        /** No wait. */
        static final Hold NONE = new Hold(-1, -1, 0);
    }

    static ServerWaits of(RateLimitFeedback feedback, long maxServerWaitMs) {
        Waits every = new Waits(maxServerWaitMs);
        Waits month = new Waits(maxServerWaitMs);
        Optional<Quota> user = feedback.limits().user().filter(quota -> !quota.unlimited());
        Optional<Quota> monthUsedUp = feedback.limits().org().filter(Quota::exhausted);
        Optional<Duration> retryAfter = feedback.retryAfter();
        if (retryAfter.isPresent()) {
            // a 429 for the month alone (its quota used up, the user window not) holds what the month counts
            boolean forTheMonth =
                    monthUsedUp.isPresent() && user.isPresent() && !user.get().exhausted();
            (forTheMonth ? month : every).serverAsks(millis(retryAfter.get()));
        } else if (user.isPresent() && (user.get().exhausted() || feedback.throttled())) {
            every.closeGate(Math.min(millis(user.get().resetAfter()), WINDOW_MS));
        }
        monthUsedUp.ifPresent(org -> month.serverAsks(millis(org.resetAfter())));
        return new ServerWaits(every.hold(), month.hold());
    }

    /** Rounds up, so that a wait never ends before the server's reset. */
    static long millis(Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return 0;
        }
        if (wait.toMillis() >= FOREVER_MS) {
            return FOREVER_MS;
        }
        long millis = wait.toMillis();
        return wait.minusMillis(millis).isZero() ? millis : millis + 1;
    }

    private static final class Waits {
        private final long maxServerWaitMs;
        private long gate = -1;
        private long refuse = -1;
        private long refuseReset;

        Waits(long maxServerWaitMs) {
            this.maxServerWaitMs = maxServerWaitMs;
        }

        void serverAsks(long wait) {
            if (wait <= maxServerWaitMs) {
                closeGate(wait);
            } else {
                refuse = maxServerWaitMs;
                refuseReset = Math.max(refuseReset, wait);
            }
        }

        void closeGate(long wait) {
            gate = Math.max(gate, wait);
        }

        Hold hold() {
            return new Hold(gate, refuse, refuseReset);
        }
    }
}
