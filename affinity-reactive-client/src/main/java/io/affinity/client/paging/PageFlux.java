package io.affinity.client.paging;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.function.Function;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The pages of one walk, one fetch per unit of demand: a page is fetched only when the subscriber has
 * requested it, and never while another fetch is in flight. The one paging core for every cursor scheme: each
 * page names the cursor of the next one, a page that names none ends the walk.
 *
 * @param <C> the cursor type
 * @param <P> the page type
 */
final class PageFlux<C, P extends CursorPage<C, ?>> extends Flux<P> {

    private final CursorPageFetcher<C, ?> errors;
    private final Function<? super C, ? extends Mono<? extends P>> fetch;
    private final C firstCursor;
    private final int maxEmptyPages;

    /**
     * @param errors        the fetcher, for the errors that end a walk that would not end
     * @param fetch         the fetcher's fetch, typed to the page type
     * @param firstCursor   the cursor of the first page, or {@code null} to fetch it without one
     * @param maxEmptyPages how many empty pages in a row, each naming a next page, the walk accepts
     */
    PageFlux(
            CursorPageFetcher<C, ?> errors,
            Function<? super C, ? extends Mono<? extends P>> fetch,
            C firstCursor,
            int maxEmptyPages) {
        this.errors = errors;
        this.fetch = fetch;
        this.firstCursor = firstCursor;
        this.maxEmptyPages = maxEmptyPages;
    }

    /**
     * @param maxEmptyPages the limit given to a paged flux's factory
     * @return the limit, when it is at least 1
     * @throws IllegalArgumentException when it is less than 1
     */
    static int checkMaxEmptyPages(int maxEmptyPages) {
        if (maxEmptyPages < 1) {
            throw new IllegalArgumentException("maxEmptyPages must be at least 1, was " + maxEmptyPages);
        }
        return maxEmptyPages;
    }

    @Override
    public void subscribe(CoreSubscriber<? super P> actual) {
        actual.onSubscribe(new Walk<>(actual, this));
    }

    /** The state of one walk. Signals to the subscriber are sent only from {@link #drain()}. */
    private static final class Walk<C, P extends CursorPage<C, ?>> implements Subscription {

        private final CoreSubscriber<? super P> actual;
        private final CursorPageFetcher<C, ?> errors;
        private final Function<? super C, ? extends Mono<? extends P>> fetch;
        private final CursorLoopDetector<C> cursors = new CursorLoopDetector<>();
        private final int maxEmptyPages;

        @SuppressWarnings("rawtypes")
        private static final AtomicLongFieldUpdater<Walk> REQUESTED =
                AtomicLongFieldUpdater.newUpdater(Walk.class, "requested");

        private volatile long requested;
        private final AtomicInteger wip = new AtomicInteger();

        private volatile boolean cancelled;
        private volatile PageSubscriber inFlight;

        // touched only inside drain()
        private C nextCursor;
        private boolean done;
        private int emptyPagesInARow;

        Walk(CoreSubscriber<? super P> actual, PageFlux<C, P> flux) {
            this.actual = actual;
            this.errors = flux.errors;
            this.fetch = flux.fetch;
            this.maxEmptyPages = flux.maxEmptyPages;
            this.nextCursor = flux.firstCursor;
            if (nextCursor != null) {
                cursors.repeats(nextCursor);
            }
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
            cancelled = true;
            PageSubscriber current = inFlight;
            if (current != null) {
                current.dispose();
            }
        }

        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                step();
                missed = wip.addAndGet(-missed);
            } while (missed != 0);
        }

        private void step() {
            if (done || cancelled) {
                return;
            }
            PageSubscriber current = inFlight;
            if (current != null) {
                // terminal signals before the page: the fetch sends the page and then completes, so reading the
                // page first could miss it and then see the completion, ending the walk without its last page
                Throwable error = current.error;
                boolean ended = current.ended;
                P page = current.page;
                if (page != null) {
                    inFlight = null;
                    deliver(page);
                } else if (error != null) {
                    finish(error);
                } else if (ended) {
                    finish(null);
                }
            }
            if (!done && !cancelled && inFlight == null && requested > 0) {
                fetch();
            }
        }

        private void deliver(P page) {
            C next = page.nextCursor().orElse(null);
            if (next != null && cursors.repeats(next)) {
                // not delivered: the items of a page that leads back into the walk may well be ones already seen
                finish(errors.repeatedCursorError(next));
                return;
            }
            emptyPagesInARow = next != null && page.items().isEmpty() ? emptyPagesInARow + 1 : 0;
            if (emptyPagesInARow > maxEmptyPages) {
                finish(errors.emptyPagesError(emptyPagesInARow, next));
                return;
            }
            actual.onNext(page);
            Operators.produced(REQUESTED, this, 1);
            if (cancelled) {
                return; // the subscriber cancelled in onNext: no more signals
            }
            if (next == null) {
                finish(null);
            } else {
                nextCursor = next;
            }
        }

        private void fetch() {
            Mono<? extends P> source;
            try {
                source = fetch.apply(nextCursor);
                if (source == null) {
                    throw new NullPointerException("the page fetcher returned null");
                }
            } catch (RuntimeException e) {
                finish(e);
                return;
            }
            PageSubscriber subscriber = new PageSubscriber();
            inFlight = subscriber;
            if (cancelled) {
                // cancel() ran before it could see this fetch: send nothing
                inFlight = null;
                return;
            }
            source.subscribe(subscriber);
        }

        private void finish(Throwable error) {
            done = true;
            inFlight = null;
            if (error == null) {
                actual.onComplete();
            } else {
                actual.onError(error);
            }
        }

        /** Receives the one page of a fetch and hands it to the walk. */
        private final class PageSubscriber extends BaseSubscriber<P> {

            private volatile P page;
            private volatile Throwable error;
            private volatile boolean ended;

            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            protected void hookOnNext(P value) {
                page = value;
                drain();
            }

            @Override
            protected void hookOnError(Throwable failure) {
                error = failure;
                drain();
            }

            @Override
            protected void hookOnComplete() {
                ended = true;
                drain();
            }

            @Override
            public Context currentContext() {
                return Context.of(actual.currentContext());
            }
        }
    }
}
