package io.affinity.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A virtual-time scheduler that also tells when a timer has been set, so that a test over real HTTP advances
 * virtual time only once the client is actually waiting on it.
 */
final class SteppingScheduler extends VirtualTimeScheduler {

    private final Semaphore timersSet = new Semaphore(0);

    SteppingScheduler() {
        super(false);
    }

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
        Disposable scheduled = super.schedule(task, delay, unit);
        if (delay > 0) {
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
}
