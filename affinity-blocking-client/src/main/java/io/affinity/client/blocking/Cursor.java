package io.affinity.client.blocking;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;

/**
 * Reads a publisher one element per {@link #next()}: the subscription requests an element only when asked,
 * so a caller that stops early has caused no more work than it consumed. For a paged call each element is
 * a page, and keeping one subscription keeps the reactive walk's guarantees (identical parameters on every
 * page, repeated-token detection); for a download each element is a buffer.
 *
 * @param <T> the element type
 */
final class Cursor<T> extends BaseSubscriber<T> {

    private final Flux<T> source;
    private final BlockingQueue<Signal<T>> signals = new LinkedBlockingQueue<>();
    private boolean subscribed;
    private volatile boolean finished;

    Cursor(Flux<T> source) {
        this.source = source;
    }

    /** @return the next element, or empty once the publisher has completed */
    Optional<T> next() {
        Blocking.requireBlockingAllowed();
        if (finished) {
            return Optional.empty();
        }
        if (!subscribed) {
            subscribed = true;
            source.subscribe(this);
        }
        request(1);
        Signal<T> signal;
        try {
            signal = signals.take();
        } catch (InterruptedException interrupted) {
            finished = true;
            dispose();
            throw Blocking.cancelledBy(interrupted);
        }
        if (signal.isOnNext()) {
            return Optional.of(signal.get());
        }
        finished = true;
        if (signal.isOnError()) {
            throw Blocking.rethrowable(signal.getThrowable());
        }
        return Optional.empty();
    }

    /**
     * Cancels the subscription; nothing more is requested. A thread waiting in {@link #next()} (closing from
     * another thread) wakes up with a {@link CancellationException}.
     */
    void close() {
        finished = true;
        dispose();
        signals.add(Signal.error(new CancellationException("closed while waiting for the next element")));
    }

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
        // elements are requested one at a time by next()
    }

    @Override
    protected void hookOnNext(T element) {
        signals.add(Signal.next(element));
    }

    @Override
    protected void hookOnComplete() {
        signals.add(Signal.complete());
    }

    @Override
    protected void hookOnError(Throwable failure) {
        signals.add(Signal.error(failure));
    }
}
