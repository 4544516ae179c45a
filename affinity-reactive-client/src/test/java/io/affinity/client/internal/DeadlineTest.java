package io.affinity.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;
import reactor.test.util.RaceTestUtils;

/** The deadline of attempts and calls: in time the value passes and the timer is gone; late, the error and a cancel. */
class DeadlineTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final IllegalStateException late = new IllegalStateException("late");

    @AfterEach
    void stop() {
        time.dispose();
    }

    @Test
    void aValueInTimePassesAndLeavesNoTimerBehind() {
        Sinks.One<String> source = Sinks.one();
        AtomicInteger expired = new AtomicInteger();
        Mono<String> bounded = Deadline.of(source.asMono(), SECOND, time, () -> {
            expired.incrementAndGet();
            return late;
        });
        String[] value = new String[1];
        Throwable[] failure = new Throwable[1];
        bounded.subscribe(v -> value[0] = v, f -> failure[0] = f);
        time.advanceTimeBy(Duration.ofMillis(999));
        source.tryEmitValue("on time");
        time.advanceTimeBy(Duration.ofSeconds(5));
        assertEquals("on time", value[0]);
        assertEquals(null, failure[0]);
        assertEquals(0, expired.get(), "the timer was cancelled");
    }

    @Test
    void aLateSourceIsCancelledAndFailsWithTheGivenErrorOnce() {
        AtomicInteger cancelled = new AtomicInteger();
        AtomicInteger expired = new AtomicInteger();
        Mono<String> never = Mono.<String>never().doOnCancel(cancelled::incrementAndGet);
        Throwable[] failure = new Throwable[1];
        Disposable subscription = Deadline.of(never, SECOND, time, () -> {
                    expired.incrementAndGet();
                    assertEquals(0, cancelled.get(), "the error is made before the source is cancelled");
                    return late;
                })
                .subscribe(v -> {}, f -> failure[0] = f);
        time.advanceTimeBy(Duration.ofMillis(999));
        assertEquals(null, failure[0]);
        time.advanceTimeBy(Duration.ofMillis(1));
        assertSame(late, failure[0]);
        assertEquals(1, cancelled.get());
        assertEquals(1, expired.get());
        subscription.dispose();
        time.advanceTimeBy(Duration.ofSeconds(5));
        assertEquals(1, expired.get());
    }

    @Test
    void cancellingStopsTheSourceAndTheTimer() {
        AtomicInteger cancelled = new AtomicInteger();
        AtomicInteger expired = new AtomicInteger();
        Mono<String> never = Mono.<String>never().doOnCancel(cancelled::incrementAndGet);
        Throwable[] failure = new Throwable[1];
        Disposable subscription = Deadline.of(never, SECOND, time, () -> {
                    expired.incrementAndGet();
                    return late;
                })
                .subscribe(v -> {}, f -> failure[0] = f);
        subscription.dispose();
        time.advanceTimeBy(Duration.ofSeconds(5));
        assertEquals(1, cancelled.get());
        assertEquals(0, expired.get());
        assertEquals(null, failure[0]);
    }

    @Test
    void anEmptyOrFailedSourcePassesItsSignalThrough() {
        boolean[] completed = new boolean[1];
        Deadline.of(Mono.<String>empty(), SECOND, time, () -> late)
                .subscribe(v -> {}, f -> {}, () -> completed[0] = true);
        assertTrue(completed[0]);
        RuntimeException boom = new RuntimeException("boom");
        Throwable[] failure = new Throwable[1];
        Deadline.of(Mono.<String>error(boom), SECOND, time, () -> late).subscribe(v -> {}, f -> failure[0] = f);
        assertSame(boom, failure[0]);
        time.advanceTimeBy(Duration.ofSeconds(5));
        assertSame(boom, failure[0], "no deadline error after the source's own");
    }

    @Test
    void theDeadlineAndACancelRacingCancelTheSourceOnce() {
        int twice = 0;
        for (int round = 0; round < 5_000; round++) {
            CapturingScheduler timer = new CapturingScheduler();
            AtomicInteger cancels = new AtomicInteger();
            Disposable subscription = Deadline.of(
                            Mono.<String>never().doOnCancel(cancels::incrementAndGet), SECOND, timer, () -> late)
                    .subscribe(v -> {}, f -> {});
            RaceTestUtils.race(timer.task.get(), subscription::dispose);
            if (cancels.get() != 1) {
                twice++;
            }
        }
        assertEquals(0, twice, "rounds that cancelled the source twice");
    }

    @Test
    void anErrorTheStopCausesIsNotReportedAsDropped() {
        List<Throwable> dropped = new CopyOnWriteArrayList<>();
        Hooks.onErrorDropped(dropped::add);
        try {
            Sinks.One<String> exchange = Sinks.one();
            Throwable[] failure = new Throwable[1];
            Deadline.of(exchange.asMono(), SECOND, time, () -> {
                        // the event loop ends the exchange it finds stopped before the source is cancelled
                        exchange.tryEmitError(new IllegalStateException("stopped before sending"));
                        return late;
                    })
                    .subscribe(v -> {}, f -> failure[0] = f);
            time.advanceTimeBy(Duration.ofSeconds(1));
            assertSame(late, failure[0]);
            assertEquals(List.of(), dropped);
        } finally {
            Hooks.resetOnErrorDropped();
        }
    }

    /** Keeps the one task scheduled with a delay, for the test to run when it likes. */
    private static final class CapturingScheduler implements Scheduler {
        final AtomicReference<Runnable> task = new AtomicReference<>();

        @Override
        public Disposable schedule(Runnable runnable) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Disposable schedule(Runnable runnable, long delay, TimeUnit unit) {
            task.set(runnable);
            return Disposables.single();
        }

        @Override
        public Worker createWorker() {
            return Schedulers.immediate().createWorker();
        }
    }
}
