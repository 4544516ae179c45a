package io.affinity.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.ratelimit.Ticker;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A virtual-time scheduler that also tells when a timer has been set, so that a test over real HTTP advances
 * virtual time only once the client is actually waiting on it. The client's deadlines (attempt and call
 * timeouts), which {@link #drive} sets to {@link #DEADLINE} or longer, are timers too but not waits: they are not
 * counted.
 */
final class SteppingScheduler extends VirtualTimeScheduler {

    /** The attempt timeout of a client driven by this scheduler; its call timeout is twice as long. */
    static final Duration DEADLINE = Duration.ofHours(1);

    private final Semaphore timersSet = new Semaphore(0);

    SteppingScheduler() {
        super(false);
    }

    /**
     * @param builder a client builder
     * @return the builder, with its timers and clock on this virtual time and deadlines far beyond any wait
     */
    AffinityClientBuilder drive(AffinityClientBuilder builder) {
        return builder.scheduler(this)
                .ticker(Ticker.of(this))
                .attemptTimeout(DEADLINE)
                .callTimeout(DEADLINE.multipliedBy(2));
    }

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
        Disposable scheduled = super.schedule(task, delay, unit);
        if (delay > 0 && unit.toNanos(delay) < DEADLINE.toNanos()) {
            timersSet.release();
        }
        return scheduled;
    }

    /** Waits (on the test thread) until the client has set a timer on this scheduler. */
    void awaitTimer() {
        try {
            assertTrue(timersSet.tryAcquire(10, TimeUnit.SECONDS), "the client set no timer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Verifies, on this virtual time, a call that succeeds only after waiting on a timer: once the client has set the
     * timer and {@code waited} (possibly zero) has passed, {@code whileWaiting} runs (typically asserting that nothing
     * more was sent yet); {@code remaining} later the call emits one value and completes.
     *
     * @param call the call, made with a client built on this scheduler
     */
    <T> void verifyWaitsThenSucceeds(
            Supplier<? extends Publisher<? extends T>> call,
            Duration waited,
            Runnable whileWaiting,
            Duration remaining) {
        // Only this scheduler's time is virtual: StepVerifier.withVirtualTime would also put every default scheduler
        // on it, and with them timers that are not the client's (Reactor Netty's pool evicts in the background on
        // the parallel scheduler in some versions), which awaitTimer would take for the client's wait.
        StepVerifier.create(call.get())
                .then(this::awaitTimer)
                .then(() -> advanceTimeBy(waited))
                .then(whileWaiting)
                .then(() -> advanceTimeBy(remaining))
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }
}
