package io.affinity.client.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The default limiter on virtual time: no HTTP, every step deterministic. */
class TokenBucketRateLimiterTest {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final List<RateLimiter.Permit> granted = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();

    private static final RateLimitFeedback OK = RateLimitFeedback.of(200, RateLimitSnapshot.empty(), null);

    private RateLimiter limiter(RateLimitOptions.Builder options) {
        return RateLimiter.tokenBucket(options.build(), time, Ticker.of(time));
    }

    private Disposable take(RateLimiter limiter) {
        return limiter.acquire("GET", "/lists").subscribe(granted::add, failures::add);
    }

    private static RateLimitFeedback response(int status, long limit, long remaining, long resetSeconds) {
        Quota user = new Quota(limit, remaining, Duration.ofSeconds(resetSeconds), Instant.EPOCH);
        return RateLimitFeedback.of(status, RateLimitSnapshot.of(user, null), null);
    }

    /** A response with the month used up (resetting in {@code reset}) and the user window far from it. */
    private static RateLimitFeedback monthUsedUp(int status, Duration reset, Duration retryAfter) {
        Quota org = new Quota(40_000, 0, reset, Instant.EPOCH);
        return RateLimitFeedback.of(
                status,
                RateLimitSnapshot.of(new Quota(900, 899, Duration.ofSeconds(30), Instant.EPOCH), org),
                retryAfter);
    }

    @Test
    void theBucketPacesCallsAtTheLimitPerMinute() {
        RateLimiter limiter = limiter(RateLimitOptions.builder().requestsPerMinute(2));
        take(limiter);
        take(limiter);
        take(limiter);
        assertEquals(2, granted.size());

        time.advanceTimeBy(Duration.ofSeconds(29));
        assertEquals(2, granted.size());
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertEquals(3, granted.size());
    }

    @Test
    void waitingIsVisibleToStepVerifierOnVirtualTime() {
        StepVerifier.withVirtualTime(() -> {
                    RateLimiter limiter = RateLimiter.tokenBucket(
                            RateLimitOptions.builder().requestsPerMinute(1).build(),
                            VirtualTimeScheduler.get(),
                            Ticker.of(VirtualTimeScheduler.get()));
                    return limiter.acquire("GET", "/a").then(limiter.acquire("GET", "/b"));
                })
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(59))
                .thenAwait(Duration.ofSeconds(1))
                .expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void theServerLimitReplacesTheDefault() {
        RateLimiter limiter = limiter(RateLimitOptions.builder());
        take(limiter);
        granted.remove(0).release(response(200, 60, 0, 0));
        // 60 a minute with no token left: the next permit comes one second later
        take(limiter);
        assertEquals(0, granted.size());
        time.advanceTimeBy(Duration.ofMillis(999));
        assertEquals(0, granted.size());
        time.advanceTimeBy(Duration.ofMillis(1));
        assertEquals(1, granted.size());
        assertEquals(60, limiter.snapshot().user().orElseThrow().limit());
    }

    @Test
    void noRemainingRequestClosesTheGateForEveryCallerUntilTheReset() {
        RateLimiter limiter = limiter(RateLimitOptions.builder());
        take(limiter);
        granted.remove(0).release(response(200, 900, 0, 40));
        take(limiter);
        take(limiter);
        take(limiter);

        time.advanceTimeBy(Duration.ofSeconds(39));
        assertEquals(0, granted.size());
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertEquals(3, granted.size());
    }

    @Test
    void theRefillSendsNoMoreThanTheServersFixedWindowHasLeftBeforeItsReset() {
        RateLimiter limiter = limiter(RateLimitOptions.builder());
        take(limiter);
        granted.remove(0).release(response(200, 900, 2, 30));
        for (int i = 0; i < 5; i++) {
            take(limiter);
        }
        assertEquals(2, granted.size());

        time.advanceTimeBy(Duration.ofSeconds(29)); // the bucket refills 435 tokens meanwhile: the window does not
        assertEquals(2, granted.size());
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertEquals(5, granted.size());
    }

    @Test
    void anEarlierAnswerArrivingLateDoesNotRaiseWhatTheWindowHasLeft() {
        RateLimiter limiter = limiter(RateLimitOptions.builder());
        take(limiter);
        take(limiter);
        RateLimiter.Permit first = granted.remove(0);
        // the server counted the first, then the second; the second's answer arrives first
        granted.remove(0).release(response(200, 900, 5, 30));
        first.release(response(200, 900, 6, 30));
        for (int i = 0; i < 10; i++) {
            take(limiter);
        }
        assertEquals(4, granted.size()); // 5 left, less the first, which was still in flight (may be uncounted)

        time.advanceTimeBy(Duration.ofSeconds(29));
        assertEquals(4, granted.size());
        granted.remove(0).release(response(200, 900, 0, 1)); // a late answer of the window that is ending
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertEquals(9, granted.size()); // the new window: the rest, and the window's first answer opens it
        granted.remove(0).release(response(200, 900, 850, 59)); // the new window's first answer
        granted.remove(0).release(response(200, 900, 10, 20)); // 10 left (3 beyond the 7 in flight), reset in 20 s
        // a slow answer, counted by the server long ago, arrives now: its reset, read late, lies beyond the known
        // window's; it is still an answer of that window and raises nothing
        granted.remove(0).release(response(200, 900, 800, 55));
        for (int i = 0; i < 10; i++) {
            take(limiter);
        }
        assertEquals(6 + 3, granted.size());
        time.advanceTimeBy(Duration.ofSeconds(19));
        assertEquals(6 + 3, granted.size());
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertTrue(granted.size() > 6 + 3, "the window's reset frees the rest: " + granted.size());
    }

    @Test
    void a429ClosesTheGateForEveryCallerUntilRetryAfter() {
        RateLimiter limiter = limiter(RateLimitOptions.builder());
        take(limiter);
        take(limiter);
        granted.remove(0).release(RateLimitFeedback.of(429, RateLimitSnapshot.empty(), Duration.ofSeconds(10)));
        take(limiter);
        take(limiter);

        assertEquals(1, granted.size()); // granted before the 429 arrived
        time.advanceTimeBy(Duration.ofSeconds(9));
        assertEquals(1, granted.size());
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertEquals(3, granted.size());
    }

    @Test
    void requestsInFlightAreCappedAndAReleaseLetsTheNextOneGo() {
        RateLimiter limiter = limiter(RateLimitOptions.builder().maxConcurrentRequests(2));
        take(limiter);
        take(limiter);
        take(limiter);
        assertEquals(2, granted.size());

        granted.get(0).release(OK);
        assertEquals(3, granted.size());
    }

    @Test
    void aCancelledCallFreesItsSlotAfterTheQuietPeriod() {
        RateLimiter limiter = limiter(RateLimitOptions.builder().maxConcurrentRequests(2));
        take(limiter);
        take(limiter);
        take(limiter);
        granted.get(0).release(RateLimitFeedback.cancelled());
        assertEquals(2, granted.size(), "a batch may be being cancelled: its queued calls get nothing yet");
        time.advanceTimeBy(Duration.ofNanos(TokenBucketRateLimiter.QUIET_NANOS));
        assertEquals(3, granted.size());
    }

    @Test
    void aBurstOfCancellationsHandsNoPermitToCallersCancelledLaterInTheBurst() {
        RateLimiter limiter = limiter(RateLimitOptions.builder().maxConcurrentRequests(2));
        List<Disposable> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(take(limiter));
        }
        assertEquals(2, granted.size());
        // as a disposed flatMap does: the calls in flight first (their permits come back), then the queued ones
        granted.forEach(permit -> permit.release(RateLimitFeedback.cancelled()));
        granted.clear();
        batch.forEach(Disposable::dispose);
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertEquals(List.of(), granted, "no cancelled caller was handed a permit");
        take(limiter);
        take(limiter);
        take(limiter);
        assertEquals(2, granted.size(), "both in-flight slots are free again, and only those");
    }

    @Test
    void aBatchThatTakesLongToCancelHandsNoPermitToItsOwnQueuedCallers() {
        RateLimiter limiter = limiter(RateLimitOptions.builder().maxConcurrentRequests(2));
        List<Disposable> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            batch.add(take(limiter));
        }
        granted.forEach(permit -> permit.release(RateLimitFeedback.cancelled()));
        granted.clear();
        // a slow dispose: each queued caller's cancel arrives 40 ms after the one before, for 400 ms in all
        for (Disposable queued : batch.subList(2, 12)) {
            time.advanceTimeBy(Duration.ofMillis(40));
            assertEquals(List.of(), granted, "a caller of the batch still in line was handed a permit");
            queued.dispose();
        }
        time.advanceTimeBy(Duration.ofNanos(TokenBucketRateLimiter.QUIET_NANOS));
        take(limiter);
        take(limiter);
        take(limiter);
        assertEquals(2, granted.size(), "both in-flight slots are free again once the batch is gone");
    }

    @Test
    void cancellationsThatNeverStopHoldTheLineForAtMostASecond() {
        RateLimiter limiter = limiter(RateLimitOptions.builder().maxConcurrentRequests(1));
        take(limiter);
        take(limiter);
        granted.get(0).release(RateLimitFeedback.cancelled());
        granted.clear();
        long step = TokenBucketRateLimiter.QUIET_NANOS / 2;
        for (long waited = 0; waited < TokenBucketRateLimiter.MAX_QUIET_NANOS - step; waited += step) {
            take(limiter).dispose(); // others keep leaving the line
            time.advanceTimeBy(Duration.ofNanos(step));
        }
        assertEquals(List.of(), granted);
        time.advanceTimeBy(Duration.ofNanos(2 * step));
        assertEquals(1, granted.size(), "the caller that stayed in line gets the slot after at most a second");
    }

    @Test
    void aFullLineRefusesNewCallersWithAClearError() {
        RateLimiter limiter =
                limiter(RateLimitOptions.builder().maxConcurrentRequests(1).maxQueuedRequests(2));
        take(limiter);
        take(limiter);
        take(limiter);
        take(limiter);

        assertEquals(1, granted.size());
        assertEquals(1, failures.size());
        RequestQueueFullException full = assertInstanceOf(RequestQueueFullException.class, failures.get(0));
        assertEquals(2, full.maxQueuedRequests());
        assertEquals(
                "GET /lists: not sent: 2 calls already wait for the rate limiter (maxQueuedRequests)",
                full.getMessage());
    }

    @Test
    void cancellingAWaitingCallFreesItsPlaceInLine() {
        RateLimiter limiter =
                limiter(RateLimitOptions.builder().maxConcurrentRequests(1).maxQueuedRequests(1));
        take(limiter);
        Disposable waiting = take(limiter);
        waiting.dispose();
        take(limiter);

        assertEquals(List.of(), failures);
        granted.get(0).release(OK);
        time.advanceTimeBy(Duration.ofNanos(TokenBucketRateLimiter.QUIET_NANOS));
        assertEquals(2, granted.size()); // the third caller, not the cancelled one
    }

    @Test
    void aCancelledCallerNeverHoldsAPermit() {
        RateLimiter limiter =
                limiter(RateLimitOptions.builder().maxConcurrentRequests(1).requestsPerMinute(2));
        take(limiter);
        AtomicReference<RateLimiter.Permit> lost = new AtomicReference<>();
        // the caller gives up while waiting: the permit goes to the next caller instead
        Disposable waiting = limiter.acquire("GET", "/lists").subscribe(lost::set);
        waiting.dispose();
        granted.get(0).release(RateLimitFeedback.none());
        take(limiter);

        assertEquals(null, lost.get());
        assertEquals(2, granted.size());
    }

    @Test
    void aCallerWaitingLongerThanTheMaximumFailsWithTheRateLimitError() {
        RateLimiter limiter = limiter(RateLimitOptions.builder().maxWait(Duration.ofSeconds(5)));
        take(limiter);
        granted.remove(0).release(response(429, 900, 0, 60));
        take(limiter);

        time.advanceTimeBy(Duration.ofSeconds(5));
        RateLimitException limited = assertInstanceOf(RateLimitException.class, failures.get(0));
        assertTrue(limited.statusCode().isEmpty());
        assertEquals(Duration.ofSeconds(55), limited.retryAfter().orElseThrow());
        assertTrue(
                limited.getMessage().startsWith("GET /lists: gave up waiting for the rate limit"),
                limited.getMessage());

        // its place is free again: once the gate opens, a new caller goes through
        time.advanceTimeBy(Duration.ofSeconds(55));
        take(limiter);
        assertEquals(1, granted.size());
    }

    @Test
    void theSnapshotKeepsTheLatestOfEachWindow() {
        RateLimiter limiter = limiter(RateLimitOptions.builder());
        assertTrue(limiter.snapshot().isEmpty());
        take(limiter);
        take(limiter);
        Quota org = new Quota(40_000, 39_999, Duration.ofDays(3), Instant.EPOCH);
        granted.get(0)
                .release(RateLimitFeedback.of(
                        200,
                        RateLimitSnapshot.of(new Quota(900, 899, Duration.ofSeconds(30), Instant.EPOCH), org),
                        null));
        granted.get(1).release(response(200, 900, 898, 29));

        RateLimitSnapshot snapshot = limiter.snapshot();
        assertEquals(898, snapshot.user().orElseThrow().remaining());
        assertEquals(org, snapshot.org().orElseThrow());
        assertFalse(snapshot.isEmpty());
    }

    @Test
    void aRetryAfterBeyondTheMaxServerWaitFailsTheWaitingCallsAtOnceInsteadOfClosingTheGate() {
        RateLimiter limiter = limiter(RateLimitOptions.builder().maxServerWait(Duration.ofMinutes(2)));
        take(limiter);
        take(limiter);
        granted.remove(0).release(RateLimitFeedback.of(200, RateLimitSnapshot.empty(), null));
        granted.remove(0).release(RateLimitFeedback.of(429, RateLimitSnapshot.empty(), Duration.ofDays(31)));

        take(limiter);
        RateLimitException refused = assertInstanceOf(RateLimitException.class, failures.remove(0));
        assertEquals(Duration.ofDays(31), refused.retryAfter().orElseThrow(), "the error carries the server's reset");
        assertTrue(refused.statusCode().isEmpty(), "refused by the client: nothing was sent");
        assertEquals(0, granted.size());

        time.advanceTimeBy(Duration.ofMinutes(2));
        take(limiter);
        assertEquals(1, granted.size(), "after the maximum server wait, calls go to the server again");
        assertEquals(List.of(), failures);
    }

    @Test
    void callersAlreadyWaitingFailAtOnceWhenTheServerAsksForAnUnboundedWait() {
        RateLimiter limiter = limiter(RateLimitOptions.builder().maxConcurrentRequests(1));
        take(limiter);
        take(limiter); // waits for the in-flight slot
        assertEquals(1, granted.size());
        granted.remove(0).release(RateLimitFeedback.of(429, RateLimitSnapshot.empty(), Duration.ofSeconds(99_999_999)));
        assertEquals(0, granted.size());
        assertInstanceOf(RateLimitException.class, failures.remove(0));
    }

    @Test
    void theUserWindowsResetNeverClosesTheGateForLongerThanItsMinute() {
        RateLimiter limiter = limiter(RateLimitOptions.builder());
        take(limiter);
        granted.remove(0).release(response(200, 900, 0, 99_999_999));
        take(limiter);
        time.advanceTimeBy(Duration.ofSeconds(59));
        assertEquals(0, granted.size());
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertEquals(1, granted.size(), "the user window is a minute long");
        assertEquals(List.of(), failures);
    }

    @Test
    void anExhaustedMonthlyQuotaFailsCallsAtOnce() {
        RateLimiter limiter = limiter(RateLimitOptions.builder());
        take(limiter);
        granted.remove(0).release(monthUsedUp(200, Duration.ofDays(12), null));
        take(limiter);
        RateLimitException refused = assertInstanceOf(RateLimitException.class, failures.remove(0));
        assertEquals(Duration.ofDays(12), refused.retryAfter().orElseThrow());
        assertEquals(0, granted.size());
    }

    @Test
    void aUsedUpMonthStillLetsTheCallsItDoesNotCountThrough() {
        RateLimiter limiter = limiter(RateLimitOptions.builder());
        take(limiter);
        granted.remove(0).release(monthUsedUp(200, Duration.ofDays(12), null));
        limiter.acquire("GET", "/rate-limit").subscribe(granted::add, failures::add);
        limiter.acquire("GET", "/auth/whoami").subscribe(granted::add, failures::add);
        limiter.acquire("POST", "/rate-limit").subscribe(granted::add, failures::add);
        limiter.acquire("GET", "/rate-limit/x").subscribe(granted::add, failures::add);
        assertEquals(2, granted.size(), "GET /rate-limit and GET /auth/whoami are exempt from the monthly limit");
        assertEquals(2, failures.size());
        failures.forEach(failure -> assertInstanceOf(RateLimitException.class, failure));
    }

    @Test
    void aShortMonthlyWaitHoldsTheCallsItCountsAndLetsTheExemptOnesPast() {
        RateLimiter limiter = limiter(RateLimitOptions.builder());
        take(limiter);
        granted.remove(0).release(monthUsedUp(200, Duration.ofSeconds(20), null));
        take(limiter);
        assertEquals(0, granted.size(), "held until the month's reset");
        limiter.acquire("GET", "/rate-limit").subscribe(granted::add, failures::add);
        assertEquals(1, granted.size(), "passes the call held for the month");
        time.advanceTimeBy(Duration.ofSeconds(20));
        assertEquals(2, granted.size());
        assertEquals(List.of(), failures);
    }

    @Test
    void a429ForTheMonthAloneHoldsOnlyTheCallsTheMonthCounts() {
        RateLimiter limiter = limiter(RateLimitOptions.builder());
        take(limiter);
        granted.remove(0).release(monthUsedUp(429, Duration.ofSeconds(20), Duration.ofSeconds(20)));
        Quota org = new Quota(40_000, 0, Duration.ofSeconds(20), Instant.EPOCH);
        take(limiter);
        limiter.acquire("GET", "/auth/whoami").subscribe(granted::add, failures::add);
        assertEquals(1, granted.size());

        // a 429 with the user window exhausted too holds every call
        granted.remove(0)
                .release(RateLimitFeedback.of(
                        429,
                        RateLimitSnapshot.of(new Quota(900, 0, Duration.ofSeconds(30), Instant.EPOCH), org),
                        Duration.ofSeconds(30)));
        limiter.acquire("GET", "/auth/whoami").subscribe(granted::add, failures::add);
        time.advanceTimeBy(Duration.ofSeconds(29));
        assertEquals(0, granted.size());
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertEquals(2, granted.size());
        assertEquals(List.of(), failures);
    }

    @Test
    void anExemptCallerThatWaitedTooLongIsNotToldTheMonthsReset() {
        RateLimiter limiter =
                limiter(RateLimitOptions.builder().maxConcurrentRequests(1).maxWait(Duration.ofSeconds(5)));
        take(limiter);
        granted.remove(0).release(monthUsedUp(200, Duration.ofSeconds(20), null));
        limiter.acquire("GET", "/rate-limit").subscribe(granted::add, failures::add);
        limiter.acquire("GET", "/auth/whoami").subscribe(granted::add, failures::add); // behind the in-flight cap
        time.advanceTimeBy(Duration.ofSeconds(5));
        RateLimitException waited = assertInstanceOf(RateLimitException.class, failures.remove(0));
        assertTrue(waited.retryAfter().isEmpty(), "the month's reset does not hold this caller: " + waited);
    }

    @Test
    void callersWhoseWaitExpiresDoNotExtendTheQuietPeriod() {
        RateLimiter limiter =
                limiter(RateLimitOptions.builder().maxConcurrentRequests(1).maxWait(Duration.ofMillis(60)));
        take(limiter);
        take(limiter); // gives up at 60 ms, during the quiet period
        time.advanceTimeBy(Duration.ofMillis(40));
        take(limiter); // would give up at 100 ms
        granted.remove(0).release(RateLimitFeedback.cancelled()); // quiet from 40 ms
        time.advanceTimeBy(Duration.ofMillis(55));
        assertEquals(1, failures.size(), "the second caller's wait expired");
        assertEquals(1, granted.size(), "the third caller got the slot when the quiet period ended, at 90 ms");
    }

    @Test
    void unlimitedWindowsNeitherThrottleNorChangeTheLimit() {
        RateLimiter limiter = limiter(RateLimitOptions.builder().requestsPerMinute(2));
        take(limiter);
        granted.remove(0)
                .release(RateLimitFeedback.of(
                        200,
                        RateLimitSnapshot.of(
                                Quota.unlimited(Duration.ofSeconds(30), Instant.EPOCH),
                                Quota.unlimited(Duration.ofDays(3), Instant.EPOCH)),
                        null));
        take(limiter);
        take(limiter);
        assertEquals(1, granted.size(), "the bucket still paces at its own limit: one token left of two");
        assertTrue(limiter.snapshot().org().orElseThrow().unlimited());
        assertFalse(limiter.snapshot().org().orElseThrow().exhausted());
        assertEquals(List.of(), failures);
    }

    @Test
    void aTimerThatFiresEarlyByTheLimitersClockIsArmedAgain() {
        // the limiter's clock lags the timers' clock by 10 s, as a wall clock stepped back would
        AtomicLong lag = new AtomicLong();
        RateLimiter limiter = RateLimiter.tokenBucket(
                RateLimitOptions.builder().requestsPerMinute(1).build(),
                time,
                () -> time.now(TimeUnit.NANOSECONDS) - lag.get());
        take(limiter);
        take(limiter); // waits 60 s for the next token
        lag.set(Duration.ofSeconds(10).toNanos());
        time.advanceTimeBy(Duration.ofSeconds(60)); // the timer fires when the limiter reads 50 s
        assertEquals(1, granted.size());
        time.advanceTimeBy(Duration.ofSeconds(10));
        assertEquals(2, granted.size(), "the limiter waited again instead of stalling");
    }

    @Test
    void callersLeavingTheLineNeverStopTheOthersFromBeingServed() {
        RateLimiter limiter = limiter(RateLimitOptions.builder().maxConcurrentRequests(1));
        take(limiter);
        List<Disposable> line = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            line.add(take(limiter));
        }
        granted.remove(0).release(OK);
        int served = 0;
        // one queued caller gives up every 30 ms, as callers with their own timeouts do under load
        for (int i = 0; i < 40; i++) {
            line.get(49 - i).dispose();
            time.advanceTimeBy(Duration.ofMillis(30));
            List<RateLimiter.Permit> out = List.copyOf(granted);
            granted.clear();
            served += out.size();
            out.forEach(permit -> permit.release(OK));
        }
        assertTrue(served >= 9, "only " + served + " of the 10 callers that stayed were served");
    }

    @Test
    void aNoResponseReleaseFreesTheSlotAtOnce() {
        RateLimiter limiter = limiter(RateLimitOptions.builder().maxConcurrentRequests(1));
        take(limiter);
        take(limiter);
        granted.remove(0).release(RateLimitFeedback.none()); // a transport failure: nothing is being cancelled
        assertEquals(1, granted.size());
    }
}
