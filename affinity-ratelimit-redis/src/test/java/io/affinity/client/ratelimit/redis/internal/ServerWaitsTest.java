package io.affinity.client.ratelimit.redis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.affinity.client.ratelimit.Quota;
import io.affinity.client.ratelimit.RateLimitFeedback;
import io.affinity.client.ratelimit.RateLimitSnapshot;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The bounds on what a response may impose on every process: the same as the client's default limiter's. */
class ServerWaitsTest {

    private static final long MAX_SERVER_WAIT_MS = 120_000;
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static Quota user(long remaining, Duration reset) {
        return new Quota(900, remaining, reset, NOW);
    }

    private static ServerWaits waits(int status, Quota user, Quota org, Duration retryAfter) {
        return ServerWaits.of(
                RateLimitFeedback.of(status, RateLimitSnapshot.of(user, org), retryAfter), MAX_SERVER_WAIT_MS);
    }

    private static ServerWaits every(long gateMs, long refuseMs, long refuseResetMs) {
        return new ServerWaits(new ServerWaits.Hold(gateMs, refuseMs, refuseResetMs), ServerWaits.Hold.NONE);
    }

    private static ServerWaits month(long gateMs, long refuseMs, long refuseResetMs) {
        return new ServerWaits(ServerWaits.Hold.NONE, new ServerWaits.Hold(gateMs, refuseMs, refuseResetMs));
    }

    @Test
    void aResponseWithRequestsLeftImposesNothing() {
        assertEquals(every(-1, -1, 0), waits(200, user(10, Duration.ofSeconds(30)), null, null));
        assertEquals(every(-1, -1, 0), ServerWaits.of(RateLimitFeedback.none(), MAX_SERVER_WAIT_MS));
    }

    @Test
    void anExhaustedUserWindowClosesTheGateUntilItsResetForAtMostAMinute() {
        assertEquals(every(30_000, -1, 0), waits(200, user(0, Duration.ofSeconds(30)), null, null));
        assertEquals(every(60_000, -1, 0), waits(200, user(0, Duration.ofHours(3)), null, null));
    }

    @Test
    void a429WithoutRetryAfterWaitsForTheUserWindowsReset() {
        assertEquals(every(12_000, -1, 0), waits(429, user(5, Duration.ofSeconds(12)), null, null));
        assertEquals(every(-1, -1, 0), waits(429, null, null, null), "nothing known: backoff applies");
    }

    @Test
    void retryAfterUpToTheMaximumServerWaitClosesTheGateAndBeyondItRefusesWithTheReset() {
        assertEquals(every(90_000, -1, 0), waits(429, user(0, Duration.ofSeconds(20)), null, Duration.ofSeconds(90)));
        assertEquals(
                every(-1, MAX_SERVER_WAIT_MS, 3_600_000),
                waits(429, user(0, Duration.ofSeconds(20)), null, Duration.ofHours(1)));
    }

    @Test
    void anExhaustedMonthBeyondTheMaximumServerWaitRefusesOnlyTheCallsItCountsWithItsReset() {
        Quota month = new Quota(10_000, 0, Duration.ofDays(12), NOW);
        assertEquals(
                month(-1, MAX_SERVER_WAIT_MS, Duration.ofDays(12).toMillis()),
                waits(200, user(100, Duration.ofSeconds(20)), month, null));
    }

    @Test
    void anExhaustedMonthEndingWithinTheMaximumServerWaitHoldsOnlyTheCallsItCounts() {
        Quota month = new Quota(10_000, 0, Duration.ofSeconds(20), NOW);
        assertEquals(month(20_000, -1, 0), waits(200, user(100, Duration.ofSeconds(30)), month, null));
    }

    @Test
    void a429ForTheMonthAloneHoldsOnlyTheCallsItCountsAndOneWithTheUserWindowExhaustedHoldsEveryCall() {
        Quota month = new Quota(10_000, 0, Duration.ofSeconds(20), NOW);
        assertEquals(
                month(20_000, -1, 0), waits(429, user(100, Duration.ofSeconds(30)), month, Duration.ofSeconds(20)));
        assertEquals(
                new ServerWaits(new ServerWaits.Hold(30_000, -1, 0), new ServerWaits.Hold(20_000, -1, 0)),
                waits(429, user(0, Duration.ofSeconds(30)), month, Duration.ofSeconds(30)));
        // an unlimited user window shows no window left: the 429 holds every call
        assertEquals(
                new ServerWaits(new ServerWaits.Hold(20_000, -1, 0), new ServerWaits.Hold(20_000, -1, 0)),
                waits(429, Quota.unlimited(Duration.ofSeconds(5), NOW), month, Duration.ofSeconds(20)));
    }

    @Test
    void unlimitedWindowsAreNeverExhausted() {
        assertEquals(
                every(-1, -1, 0),
                waits(
                        200,
                        Quota.unlimited(Duration.ofSeconds(5), NOW),
                        Quota.unlimited(Duration.ofDays(3), NOW),
                        null));
    }

    @Test
    void waitsAreRoundedUpToWholeMilliseconds() {
        assertEquals(2, ServerWaits.millis(Duration.ofNanos(1_000_001)));
        assertEquals(0, ServerWaits.millis(Duration.ofSeconds(-5)));
    }
}
