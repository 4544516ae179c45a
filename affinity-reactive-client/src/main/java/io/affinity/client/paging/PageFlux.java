package io.affinity.client.paging;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The pages of one walk, one fetch per unit of demand: a page is fetched only when the subscriber has
 * requested it, and never while another fetch is in flight.
 */
final class PageFlux<T> extends Flux<Page<T>> {

    private final PageFetcher<T> fetcher;
    private final String firstToken;
    private final int maxEmptyPages;

    PageFlux(PageFetcher<T> fetcher, String firstToken, int maxEmptyPages) {
        this.fetcher = fetcher;
        this.firstToken = firstToken;
        this.maxEmptyPages = maxEmptyPages;
    }

    @Override
    public void subscribe(CoreSubscriber<? super Page<T>> actual) {
        actual.onSubscribe(new Walk<>(actual, fetcher, firstToken, maxEmptyPages));
    }

    /** The state of one walk. Signals to the subscriber are sent only from {@link #drain()}. */
    private static final class Walk<T> implements Subscription {

        private final CoreSubscriber<? super Page<T>> actual;
        private final PageFetcher<T> fetcher;
        private final TokenLoopDetector tokens = new TokenLoopDetector();
        private final int maxEmptyPages;

        @SuppressWarnings("rawtypes")
        private static final AtomicLongFieldUpdater<Walk> REQUESTED =
                AtomicLongFieldUpdater.newUpdater(Walk.class, "requested");

        private volatile long requested;
        private final AtomicInteger wip = new AtomicInteger();

        private volatile boolean cancelled;
        private volatile PageSubscriber inFlight;

        // touched only inside drain()
        private String nextToken;
        private boolean done;
        private int emptyPagesInARow;

        Walk(CoreSubscriber<? super Page<T>> actual, PageFetcher<T> fetcher, String firstToken, int maxEmptyPages) {
            this.actual = actual;
            this.fetcher = fetcher;
            this.maxEmptyPages = maxEmptyPages;
            this.nextToken = firstToken;
            if (firstToken != null) {
                tokens.repeats(firstToken);
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
                Page<T> page = current.page;
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

        private void deliver(Page<T> page) {
            String token = page.nextPageToken().orElse(null);
            if (token != null && tokens.repeats(token)) {
                // not delivered: the items of a page that leads back into the walk may well be ones already seen
                finish(fetcher.repeatedTokenError(token));
                return;
            }
            emptyPagesInARow = token != null && page.items().isEmpty() ? emptyPagesInARow + 1 : 0;
            if (emptyPagesInARow > maxEmptyPages) {
                finish(fetcher.emptyPagesError(emptyPagesInARow, token));
                return;
            }
            actual.onNext(page);
            Operators.produced(REQUESTED, this, 1);
            if (cancelled) {
                return; // the subscriber cancelled in onNext: no more signals
            }
            if (token == null) {
                finish(null);
            } else {
                nextToken = token;
            }
        }

        private void fetch() {
            Mono<Page<T>> source;
            try {
                source = fetcher.fetch(nextToken);
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
        private final class PageSubscriber extends BaseSubscriber<Page<T>> {

            private volatile Page<T> page;
            private volatile Throwable error;
            private volatile boolean ended;

            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            protected void hookOnNext(Page<T> value) {
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
