package io.affinity.client.blocking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one way the blocking client waits for the reactive one: refuses to block a non-blocking thread,
 * cancels the call when the waiting thread is interrupted, and rethrows the call's own exception with
 * the caller's stack attached.
 */
final class Blocking {

    private Blocking() {}

    /** Waits for a single value; {@code null} when the call completes empty. */
    static <T> T call(Mono<T> call) {
        requireBlockingAllowed();
        CompletableFuture<T> result = call.toFuture();
        try {
            return result.get();
        } catch (InterruptedException interrupted) {
            result.cancel(true);
            throw cancelledBy(interrupted);
        } catch (ExecutionException failed) {
            throw rethrowable(failed.getCause());
        }
    }

    /** Waits for a call without a value. */
    static void run(Mono<Void> call) {
        call(call);
    }

    /** Waits for all the items of a non-paged call. */
    static <T> List<T> list(Flux<T> call) {
        return call(call.collectList());
    }

    /**
     * Fails fast on a thread that must not block (a Reactor Netty event loop, a Reactor parallel worker):
     * waiting there for a response that the same thread has to deliver would deadlock.
     */
    static void requireBlockingAllowed() {
        if (Schedulers.isInNonBlockingThread()) {
            throw new IllegalStateException("The blocking Affinity client was called on the non-blocking thread '"
                    + Thread.currentThread().getName() + "'; blocking it could deadlock the calls it serves. "
                    + "Use the reactive AffinityClient on this thread, or move the call to a thread that may block "
                    + "(for example with publishOn(Schedulers.boundedElastic())).");
        }
    }

    /** Keeps the thread's interrupt status and says that the call it waited for was cancelled. */
    static CancellationException cancelledBy(InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        CancellationException cancelled =
                new CancellationException("interrupted while waiting for an Affinity call; the call was cancelled");
        cancelled.initCause(interrupted);
        return cancelled;
    }

    /** The call's own exception, unwrapped, with the stack of the blocked caller attached as suppressed. */
    static RuntimeException rethrowable(Throwable failure) {
        Throwable cause = Exceptions.unwrap(failure);
        cause.addSuppressed(new CallSite());
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return Exceptions.propagate(cause);
    }

    /** Records where the blocking call was made; its stack trace is the caller's. */
    private static final class CallSite extends Exception {
        private static final long serialVersionUID = 1L;

        CallSite() {
            super("the blocking call that received this error");
        }
    }
}
