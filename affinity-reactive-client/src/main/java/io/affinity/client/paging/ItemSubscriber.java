package io.affinity.client.paging;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Flattens pages into items and asks for the next page only when the subscriber has requested more items than
 * the current page still holds. Unlike {@code concatMapIterable}, it never prefetches a page: at most one page
 * is held or in flight at any time.
 */
final class ItemSubscriber<T> implements CoreSubscriber<CursorPage<?, T>>, Subscription {

    private final CoreSubscriber<? super T> actual;

    @SuppressWarnings("rawtypes")
    private static final AtomicLongFieldUpdater<ItemSubscriber> REQUESTED =
            AtomicLongFieldUpdater.newUpdater(ItemSubscriber.class, "requested");

    private volatile long requested;
    private final AtomicInteger wip = new AtomicInteger();

    private Subscription pages;
    private volatile boolean cancelled;
    private volatile CursorPage<?, T> arrived;
    private volatile boolean pagesDone;
    private volatile Throwable pagesError;

    // touched only inside drain()
    private Iterator<T> current;
    private boolean pageRequested;
    private boolean done;

    ItemSubscriber(CoreSubscriber<? super T> actual) {
        this.actual = actual;
    }

    @Override
    public Context currentContext() {
        return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        if (Operators.validate(pages, subscription)) {
            pages = subscription;
            actual.onSubscribe(this);
        }
    }

    @Override
    public void onNext(CursorPage<?, T> page) {
        arrived = page;
        drain();
    }

    @Override
    public void onError(Throwable error) {
        pagesError = error;
        pagesDone = true;
        drain();
    }

    @Override
    public void onComplete() {
        pagesDone = true;
        drain();
    }

    @Override
    public void request(long n) {
        if (Operators.validate(n)) {
            Operators.addCap(REQUESTED, this, n);
            drain();
        }
    }

    @Override
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            pages.cancel();
        }
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            emit();
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void emit() {
        long demand = requested;
        long emitted = 0;
        while (!done && !cancelled) {
            if (current == null || !current.hasNext()) {
                // the terminal flag before the page: a page that arrives between the two reads is still seen,
                // whereas the other order could see "no page" and then "done" and drop the last page
                boolean upstreamDone = pagesDone;
                CursorPage<?, T> page = arrived;
                if (page != null) {
                    arrived = null;
                    pageRequested = false;
                    current = page.items().iterator();
                    continue;
                }
                if (upstreamDone) {
                    done = true;
                    current = null;
                    Throwable error = pagesError;
                    if (error == null) {
                        actual.onComplete();
                    } else {
                        actual.onError(error);
                    }
                } else if (emitted < demand && !pageRequested) {
                    pageRequested = true;
                    pages.request(1);
                    continue;
                }
                break;
            }
            if (emitted == demand) {
                break;
            }
            actual.onNext(current.next());
            emitted++;
        }
        if (emitted != 0 && demand != Long.MAX_VALUE) {
            REQUESTED.addAndGet(this, -emitted);
        }
    }
}
