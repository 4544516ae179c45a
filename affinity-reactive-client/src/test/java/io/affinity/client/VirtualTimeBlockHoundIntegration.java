package io.affinity.client;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Reactor Test's {@code VirtualTimeScheduler} keeps its timers in a {@code PriorityBlockingQueue}: an event loop that
 * sets or cancels a timer on virtual time (a call's timeout cancelled by its response) may briefly park on that
 * queue's lock while the test thread advances time. The virtual scheduler exists only in tests; the client's own
 * schedulers take no lock there.
 */
public final class VirtualTimeBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("reactor.test.scheduler.VirtualTimeScheduler$TimedRunnable", "dispose");
        builder.allowBlockingCallsInside("reactor.test.scheduler.VirtualTimeScheduler$VirtualTimeWorker", "schedule");
        builder.allowBlockingCallsInside("reactor.test.scheduler.VirtualTimeScheduler$VirtualTimeWorker", "dispose");
    }
}
