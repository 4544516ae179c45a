package io.affinity.client.ratelimit;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import reactor.core.scheduler.Scheduler;

/**
 * A monotonic clock: nanoseconds from an arbitrary origin that never step back, as {@link System#nanoTime()}.
 * The rate limiter measures every wait with one, never with the wall clock, which can jump. Tests pass a
 * virtual one.
 */
@FunctionalInterface
public interface Ticker {

    /** @return the current reading in nanoseconds; only differences between readings are meaningful */
    long read();

    /** @return the system's monotonic clock, {@link System#nanoTime()} */
    static Ticker system() {
        return System::nanoTime;
    }

    /**
     * A ticker that reads a scheduler's clock, for schedulers whose clock is monotonic, such as reactor-test's
     * {@code VirtualTimeScheduler}. Do not use it with Reactor's ordinary schedulers: their clock is the wall clock.
     *
     * @param scheduler the scheduler
     * @return the ticker
     */
    static Ticker of(Scheduler scheduler) {
        Objects.requireNonNull(scheduler, "scheduler");
        return () -> scheduler.now(TimeUnit.NANOSECONDS);
    }
}
