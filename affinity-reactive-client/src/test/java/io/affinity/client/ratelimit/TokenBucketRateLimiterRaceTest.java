package io.affinity.client.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;
import reactor.test.scheduler.VirtualTimeScheduler;
import reactor.test.util.RaceTestUtils;

/**
 * The limiter's grant racing a cancellation, from a release and from a timer (the gate reopening, the maximum
 * wait expiring), each race run many times with {@link RaceTestUtils}. After every round the books balance: a
 * permit that reached the caller is given back by it, one that did not is back in the limiter, and exactly the
 * in-flight cap of new callers goes at once.
 */
class TokenBucketRateLimiterRaceTest {

    private static final int ROUNDS = 5_000;
    private static final RateLimitFeedback OK = RateLimitFeedback.of(200, RateLimitSnapshot.empty(), null);

    /** A caller that keeps whatever reaches it, even after it cancelled, as the client's resource handling does. */
    private static final class Caller implements CoreSubscriber<RateLimiter.Permit> {
        final AtomicReference<RateLimiter.Permit> permit = new AtomicReference<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        volatile Subscription subscription;

        static Caller of(RateLimiter limiter) {
            Caller caller = new Caller();
            limiter.acquire("GET", "/lists").subscribe(caller);
            return caller;
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(RateLimiter.Permit value) {
            permit.set(value);
        }

        @Override
        public void onError(Throwable t) {
            error.set(t);
        }

        @Override
        public void onComplete() {}

        void cancel() {
            subscription.cancel();
        }

        /** Gives back the permit if one reached this caller. */
        void settle() {
            RateLimiter.Permit held = permit.getAndSet(null);
            if (held != null) {
                held.release(OK);
            }
        }
    }

    private static RateLimiter limiter(VirtualTimeScheduler time, RateLimitOptions.Builder options) {
        return RateLimiter.tokenBucket(
                options.maxConcurrentRequests(1).requestsPerMinute(1_000_000).build(),
                new TimersOn(time),
                Ticker.of(time));
    }

    /**
     * Timers on virtual time, advanced by one racer; hand-offs run at once on the calling thread, so that the
     * other racer never touches the virtual-time scheduler while it advances (it is not made for that).
     */
    private static final class TimersOn implements Scheduler {

        private final VirtualTimeScheduler time;

        TimersOn(VirtualTimeScheduler time) {
            this.time = time;
        }

        @Override
        public Disposable schedule(Runnable task) {
            task.run();
            return Disposables.disposed();
        }

        @Override
        public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
            return time.schedule(task, delay, unit);
        }

        @Override
        public long now(TimeUnit unit) {
            return time.now(unit);
        }

        @Override
        public Worker createWorker() {
            return time.createWorker();
        }
    }

    /** After the quiet period, one new caller goes at once and a second one waits: the one slot is free, once. */
    private static void assertOneSlotFree(RateLimiter limiter, VirtualTimeScheduler time, int round) {
        time.advanceTimeBy(Duration.ofSeconds(1));
        Caller probe = Caller.of(limiter);
        assertNotNull(probe.permit.get(), "round " + round + ": the in-flight slot was lost");
        Caller extra = Caller.of(limiter);
        assertNull(extra.permit.get(), "round " + round + ": two permits out with a cap of one");
        extra.cancel();
        probe.settle();
    }

    @Test
    void aReleaseRacingTheCancelOfTheNextCallerNeitherLeaksNorDuplicatesThePermit() {
        for (int round = 0; round < ROUNDS; round++) {
            VirtualTimeScheduler time = VirtualTimeScheduler.create();
            RateLimiter limiter = limiter(time, RateLimitOptions.builder());
            Caller holder = Caller.of(limiter);
            Caller waiting = Caller.of(limiter);
            RaceTestUtils.race(holder::settle, waiting::cancel);
            waiting.settle();
            assertOneSlotFree(limiter, time, round);
        }
    }

    @Test
    void theGateReopeningRacingACancelNeitherLeaksNorDuplicatesThePermit() {
        for (int round = 0; round < ROUNDS; round++) {
            VirtualTimeScheduler time = VirtualTimeScheduler.create();
            RateLimiter limiter = limiter(time, RateLimitOptions.builder());
            Caller first = Caller.of(limiter);
            first.permit
                    .getAndSet(null)
                    .release(RateLimitFeedback.of(429, RateLimitSnapshot.empty(), Duration.ofSeconds(1)));
            Caller waiting = Caller.of(limiter);
            RaceTestUtils.race(() -> time.advanceTimeBy(Duration.ofSeconds(1)), waiting::cancel);
            waiting.settle();
            assertOneSlotFree(limiter, time, round);
        }
    }

    @Test
    void theMaximumWaitExpiringRacingAReleaseGivesThePermitOrTheErrorNeverBoth() {
        for (int round = 0; round < ROUNDS; round++) {
            VirtualTimeScheduler time = VirtualTimeScheduler.create();
            RateLimiter limiter = limiter(time, RateLimitOptions.builder().maxWait(Duration.ofSeconds(1)));
            Caller holder = Caller.of(limiter);
            Caller waiting = Caller.of(limiter);
            RaceTestUtils.race(
                    () -> time.advanceTimeBy(Duration.ofSeconds(1)),
                    () -> holder.permit.getAndSet(null).release(OK));
            assertEquals(
                    1,
                    (waiting.permit.get() == null ? 0 : 1) + (waiting.error.get() == null ? 0 : 1),
                    "round " + round + ": exactly one of permit and error");
            waiting.settle();
            assertOneSlotFree(limiter, time, round);
        }
    }
}
