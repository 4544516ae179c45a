package io.affinity.client.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Hooks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The default limiter hammered from several threads at once: callers that keep their permit, callers that cancel at
 * random moments (right around the grant included), callers that time out, permits released from other threads.
 * Once everything has settled, the limiter's books must balance exactly.
 *
 * <p>The limiter's clock stands still, so its bucket never refills and its tokens can be counted to the last one;
 * its timers (the maximum wait) run for real. Iteration counts and seeds are fixed; the interleavings are whatever
 * the threads make of them, which is the point.
 */
class TokenBucketRateLimiterConcurrencyTest {

    private static final int MAX_CONCURRENT = 3;
    private static final int MAX_QUEUED = 32;
    private static final int CALLERS = 2;
    private static final int CALLS_PER_CALLER = 5_000;
    private static final int TOKENS = CALLERS * CALLS_PER_CALLER + 100;
    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final RateLimitFeedback OK = RateLimitFeedback.of(200, RateLimitSnapshot.empty(), null);

    private final Scheduler timers = Schedulers.newParallel("limiter-timers", 2);
    private final Queue<Throwable> droppedErrors = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void collectDroppedErrors() {
        // a caller that cancels just as it is refused or times out drops that error; Reactor would log each one
        Hooks.onErrorDropped(droppedErrors::add);
    }

    @AfterEach
    void stopTimers() {
        Hooks.resetOnErrorDropped();
        timers.dispose();
    }

    @Test
    void cancellationsRacingGrantsNeitherLeakNorDuplicatePermits() throws InterruptedException {
        hammer(RateLimitOptions.builder(), 1L);
    }

    @Test
    void timeoutsRacingGrantsNeitherLeakNorDuplicatePermits() throws InterruptedException {
        hammer(RateLimitOptions.builder().maxWait(Duration.ofMillis(1)), 2L);
    }

    private void hammer(RateLimitOptions.Builder options, long seed) throws InterruptedException {
        RateLimiter limiter = RateLimiter.tokenBucket(
                options.requestsPerMinute(TOKENS)
                        .maxConcurrentRequests(MAX_CONCURRENT)
                        .maxQueuedRequests(MAX_QUEUED)
                        .build(),
                new FrozenClock(timers),
                () -> 0L);
        Ledger ledger = new Ledger();
        Call[] calls = new Call[CALLERS * CALLS_PER_CALLER];
        Queue<Call> toCancel = new ConcurrentLinkedQueue<>();
        AtomicBoolean callersDone = new AtomicBoolean();

        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            int first = c * CALLS_PER_CALLER;
            SplittableRandom random = new SplittableRandom(seed * 31 + c);
            threads.add(new Thread(
                    () -> {
                        for (int i = first; i < first + CALLS_PER_CALLER; i++) {
                            ledger.releaseOne(seed); // callers give permits back too, so grants race their cancels
                            Call call = ledger.call(limiter);
                            calls[i] = call;
                            int choice = random.nextInt(10);
                            if (choice < 4) {
                                continue; // keeps its permit until released, or times out
                            }
                            if (choice < 6) {
                                call.cancelNow(); // at once, on the subscribing thread
                            } else if (choice < 8) {
                                spin(random.nextInt(500));
                                call.cancelNow(); // a little later, while permits are being handed out
                            } else {
                                toCancel.offer(call); // from another thread, whenever it gets to it
                            }
                        }
                    },
                    "caller-" + c));
        }
        threads.add(worker("releaser", callersDone, () -> ledger.releaseOne(seed)));
        threads.add(worker("canceller", callersDone, () -> {
            Call call = toCancel.poll();
            if (call == null) {
                return false;
            }
            call.cancelNow();
            return true;
        }));
        Queue<Throwable> crashes = new ConcurrentLinkedQueue<>();
        threads.forEach(thread -> thread.setUncaughtExceptionHandler((dead, crash) -> crashes.add(crash)));
        threads.forEach(Thread::start);
        for (Thread caller : threads.subList(0, CALLERS)) {
            caller.join();
        }
        callersDone.set(true);
        for (Thread worker : threads.subList(CALLERS, threads.size())) {
            worker.join();
        }
        assertEquals(List.of(), List.copyOf(crashes), "a hammering thread died");

        // no caller is left hanging: each one that did not cancel got its permit or an error, and every permit
        // handed out came back (those that reached a caller just as it cancelled included: they are its to give back)
        awaitSettled(
                () -> {
                    ledger.releaseAll();
                    return ledger.pending(calls) == 0 && ledger.released.get() == ledger.delivered.get();
                },
                () -> ledger.pending(calls) + " callers still wait; " + (ledger.delivered.get() - ledger.released.get())
                        + " permits not released");
        ledger.verify(calls, options.build().maxWait().isPresent());
        assertEquals(
                List.of(),
                droppedErrors.stream()
                        .filter(error ->
                                !(error instanceof RateLimitException) && !(error instanceof RequestQueueFullException))
                        .toList(),
                "unexpected dropped errors");

        // the in-flight count is back to zero: exactly MAX_CONCURRENT new callers go at once, the next one waits
        List<Call> probes = new ArrayList<>();
        for (int i = 0; i < MAX_CONCURRENT; i++) {
            probes.add(ledger.call(limiter));
        }
        awaitSettled(
                () -> probes.stream().allMatch(call -> call.permit.get() != null),
                () -> "in-flight slots lost: only "
                        + probes.stream()
                                .filter(call -> call.permit.get() != null)
                                .count() + " of " + MAX_CONCURRENT + " new callers were let through");
        Call extra = ledger.call(limiter);
        assertNull(extra.permit.get(), "more than maxConcurrentRequests permits out at once");
        extra.cancelNow();
        assertEquals(MAX_CONCURRENT, ledger.releaseAll());

        // and every token is accounted for: those of permits that reached a caller are spent, the others came back
        int left = TOKENS - ledger.delivered.get();
        int counted = 0;
        Call next;
        // a caller that had to queue behind a release still being drained on another thread gets its permit
        // from the scheduler a moment later; only one that never gets it has found the bucket empty
        while (permitArrives(next = ledger.call(limiter))) {
            counted++;
            ledger.releaseAll();
        }
        next.cancelNow();
        assertEquals(left, counted, "tokens left in the bucket");
    }

    private static boolean permitArrives(Call call) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (call.permit.get() == null) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
        }
        return true;
    }

    private static Thread worker(String name, AtomicBoolean callersDone, BooleanSupplier step) {
        return new Thread(
                () -> {
                    while (true) {
                        boolean done = callersDone.get();
                        if (!step.getAsBoolean()) {
                            if (done) {
                                return;
                            }
                            Thread.onSpinWait();
                        }
                    }
                },
                name);
    }

    private static void spin(int rounds) {
        for (int i = 0; i < rounds; i++) {
            Thread.onSpinWait();
        }
    }

    /** Waits on the test thread, for a bounded time, for something the other threads are finishing. */
    private static void awaitSettled(BooleanSupplier settled, Supplier<String> otherwise) {
        long deadline = System.nanoTime() + SETTLE_NANOS;
        while (!settled.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail(otherwise.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Every call made and every permit seen; callbacks may run on any thread, including the limiter's timers. */
    private static final class Ledger {

        final Queue<RateLimiter.Permit> held = new ConcurrentLinkedQueue<>();
        final AtomicInteger delivered = new AtomicInteger();
        final AtomicInteger released = new AtomicInteger();
        final Queue<String> violations = new ConcurrentLinkedQueue<>();
        private final AtomicInteger releases = new AtomicInteger();

        Call call(RateLimiter limiter) {
            Call call = new Call(this);
            limiter.acquire("GET", "/lists").subscribe(call);
            return call;
        }

        void delivered(Call call, RateLimiter.Permit permit) {
            if (!call.permit.compareAndSet(null, permit)) {
                violations.add("a caller got two permits");
            }
            delivered.incrementAndGet();
            held.offer(permit);
        }

        /** Releases one held permit, with no feedback or a plain response's; false when none is held. */
        boolean releaseOne(long seed) {
            RateLimiter.Permit permit = held.poll();
            if (permit == null) {
                return false;
            }
            permit.release((releases.incrementAndGet() + seed) % 2 == 0 ? RateLimitFeedback.none() : OK);
            released.incrementAndGet();
            return true;
        }

        int releaseAll() {
            int count = 0;
            while (releaseOne(0)) {
                count++;
            }
            return count;
        }

        /** Callers that neither cancelled nor got an answer. */
        int pending(Call[] calls) {
            int pending = 0;
            for (Call call : calls) {
                if (!call.cancelled.get() && call.ends.get() == 0) {
                    pending++;
                }
            }
            return pending;
        }

        void verify(Call[] calls, boolean timeouts) {
            Map<RateLimiter.Permit, Boolean> distinct = new IdentityHashMap<>();
            int permits = 0;
            int cancelled = 0;
            int timedOut = 0;
            for (Call call : calls) {
                RateLimiter.Permit permit = call.permit.get();
                if (permit != null) {
                    permits++;
                    if (distinct.put(permit, Boolean.TRUE) != null) {
                        violations.add("one permit handed to two callers");
                    }
                }
                if (call.cancelled.get()) {
                    cancelled++;
                }
                Throwable error = call.error.get();
                if (error instanceof RateLimitException) {
                    timedOut++;
                }
                if (error instanceof RateLimitException && !timeouts) {
                    violations.add("a caller timed out with no maximum wait: " + error);
                } else if (error != null
                        && !(error instanceof RateLimitException)
                        && !(error instanceof RequestQueueFullException)) {
                    violations.add("unexpected error: " + error);
                }
            }
            assertEquals(List.of(), List.copyOf(violations));
            assertEquals(permits, delivered.get());
            assertEquals(delivered.get(), released.get(), "every permit handed out is released exactly once");
            // how many waits expire depends on thread timing, so only grants and cancellations are required
            assertTrue(
                    permits > 0 && cancelled > 0,
                    "the run exercised grants and cancellations: " + permits + " permits, " + cancelled
                            + " cancellations, " + timedOut + " timeouts");
        }
    }

    /**
     * One {@code acquire()} subscription. Like the client's engine, it owns and gives back a permit that reaches it
     * even as it cancels (a plain {@code subscribe(consumer)} would drop such a permit on the floor).
     */
    private static final class Call extends BaseSubscriber<RateLimiter.Permit> {

        final AtomicReference<RateLimiter.Permit> permit = new AtomicReference<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final AtomicInteger ends = new AtomicInteger();
        final AtomicBoolean cancelled = new AtomicBoolean();
        private final Ledger ledger;

        Call(Ledger ledger) {
            this.ledger = ledger;
        }

        @Override
        protected void hookOnNext(RateLimiter.Permit value) {
            ledger.delivered(this, value);
        }

        @Override
        protected void hookOnComplete() {
            end(null);
        }

        @Override
        protected void hookOnError(Throwable failure) {
            end(failure);
        }

        void cancelNow() {
            cancelled.set(true);
            dispose();
        }

        private void end(Throwable failure) {
            if (ends.incrementAndGet() != 1) {
                ledger.violations.add("a caller was answered twice");
            }
            if (failure != null) {
                error.set(failure);
                if (permit.get() != null) {
                    ledger.violations.add("a caller got a permit and an error");
                }
            }
        }
    }

    /** Runs timers for real on {@code timers}, on a clock that stands still. */
    private static final class FrozenClock implements Scheduler {

        private final Scheduler timers;

        FrozenClock(Scheduler timers) {
            this.timers = timers;
        }

        @Override
        public Disposable schedule(Runnable task) {
            return timers.schedule(task);
        }

        @Override
        public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
            return timers.schedule(task, delay, unit);
        }

        @Override
        public long now(TimeUnit unit) {
            return 0;
        }

        @Override
        public Worker createWorker() {
            return timers.createWorker();
        }
    }
}
