package io.affinity.client.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.subscriber.TestSubscriber;
import reactor.test.util.RaceTestUtils;

/**
 * Races of demand, arriving pages, completion and cancellation in the paging operators, each run many times
 * with {@link RaceTestUtils}: no page is lost, nothing is fetched after a cancel, a walk never ends early.
 */
class PagingRaceTest {

    private static final int ROUNDS = 30_000;

    /**
     * Busy-waits a few steps, so that over many rounds the second racer lands at every point of the first one's
     * path, not only where both start.
     */
    private static int spin(int steps) {
        int sum = 0;
        for (int i = 0; i < steps; i++) {
            Thread.onSpinWait();
            sum += i;
        }
        return sum;
    }

    /** A page source driven by hand: it records demand, the test sends pages. */
    private static final class ManualPages implements Subscription {
        final AtomicInteger requested = new AtomicInteger();
        volatile boolean cancelled;

        @Override
        public void request(long n) {
            requested.addAndGet((int) n);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Test
    void theLastPageIsNeverLostWhenDemandRacesItsArrivalAndTheCompletion() {
        for (int round = 0; round < ROUNDS; round++) {
            TestSubscriber<String> items =
                    TestSubscriber.builder().initialRequest(2).build();
            ItemSubscriber<String> operator = new ItemSubscriber<>(items);
            ManualPages pages = new ManualPages();
            operator.onSubscribe(pages);
            operator.onNext(Page.of(List.of("a"), "t1"));
            assertEquals(2, pages.requested.get(), "the second page is requested once the first is used up");

            int offset = round % 64;
            RaceTestUtils.race(() -> items.request(1), () -> {
                spin(offset);
                operator.onNext(Page.of(List.of("b", "c"), null));
                operator.onComplete();
            });

            assertEquals(List.of("a", "b", "c"), items.getReceivedOnNext(), "round " + round);
            assertTrue(items.isTerminatedComplete(), "round " + round);
        }
    }

    @Test
    void aPageIsNeverLostWhenDemandRacesItsFetchCompleting() {
        for (int round = 0; round < ROUNDS; round++) {
            AtomicReference<Sinks.One<Page<String>>> inFlight = new AtomicReference<>();
            AtomicInteger fetches = new AtomicInteger();
            Flux<Page<String>> walk = PagedFlux.<String>of(token -> Mono.defer(() -> {
                        fetches.incrementAndGet();
                        Sinks.One<Page<String>> sink = Sinks.one();
                        inFlight.set(sink);
                        return sink.asMono();
                    }))
                    .byPage();
            TestSubscriber<Page<String>> pages =
                    TestSubscriber.builder().initialRequest(1).build();
            walk.subscribe(pages);
            Sinks.One<Page<String>> first = inFlight.get();

            int offset = round % 64;
            RaceTestUtils.race(() -> pages.request(1), () -> {
                spin(offset);
                first.tryEmitValue(Page.of(List.of("a"), "t1"));
            });

            assertEquals(1, pages.getReceivedOnNext().size(), "round " + round);
            assertFalse(pages.isTerminated(), "round " + round + ": the walk ended after its first page");
            assertEquals(2, fetches.get(), "round " + round + ": the second page is fetched for the second request");
            pages.cancel();
        }
    }

    @Test
    void nothingIsFetchedAfterACancelThatRacesDemand() {
        for (int round = 0; round < ROUNDS; round++) {
            AtomicInteger subscribed = new AtomicInteger();
            AtomicInteger cancelledFetches = new AtomicInteger();
            Flux<Page<String>> walk = PagedFlux.<String>of(token -> Mono.<Page<String>>never()
                            .doOnSubscribe(s -> subscribed.incrementAndGet())
                            .doOnCancel(cancelledFetches::incrementAndGet))
                    .byPage();
            TestSubscriber<Page<String>> pages =
                    TestSubscriber.builder().initialRequest(0).build();
            walk.subscribe(pages);

            RaceTestUtils.race(() -> pages.request(1), pages::cancel);

            assertEquals(
                    subscribed.get(),
                    cancelledFetches.get(),
                    "round " + round + ": a fetch that started after or during the cancel was not cancelled");
        }
    }
}
