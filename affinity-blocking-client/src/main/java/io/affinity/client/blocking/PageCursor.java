package io.affinity.client.blocking;

import io.affinity.client.paging.Page;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;

/**
 * One walk over the pages of a paged call, one page per {@link #next()}: the subscription requests a
 * page only when asked, so a caller that stops early has sent no more requests than it consumed pages.
 * Keeping one subscription keeps the reactive walk's guarantees (identical parameters on every page,
 * repeated-token detection).
 */
final class PageCursor<T> extends BaseSubscriber<Page<T>> {

    private final Flux<Page<T>> pages;
    private final BlockingQueue<Signal<Page<T>>> signals = new LinkedBlockingQueue<>();
    private boolean subscribed;
    private boolean finished;

    PageCursor(Flux<Page<T>> pages) {
        this.pages = pages;
    }

    /** @return the next page, or empty once the walk has ended */
    Optional<Page<T>> next() {
        Blocking.requireBlockingAllowed();
        if (finished) {
            return Optional.empty();
        }
        if (!subscribed) {
            subscribed = true;
            pages.subscribe(this);
        }
        request(1);
        Signal<Page<T>> signal;
        try {
            signal = signals.take();
        } catch (InterruptedException interrupted) {
            finished = true;
            dispose();
            Thread.currentThread().interrupt();
            CancellationException cancelled =
                    new CancellationException("interrupted while waiting for a page; the call was cancelled");
            cancelled.initCause(interrupted);
            throw cancelled;
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

    /** Stops the walk; no further page is requested. */
    void close() {
        finished = true;
        dispose();
    }

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
        // pages are requested one at a time by next()
    }

    @Override
    protected void hookOnNext(Page<T> page) {
        signals.add(Signal.next(page));
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
