package io.affinity.client.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.subscriber.TestSubscriber;
import reactor.test.util.RaceTestUtils;

/**
 * Races of demand, arriving pages, completion and cancellation in the paging operators, each run many times
 * with {@link RaceTestUtils}: no page is lost, nothing is fetched after a cancel, a walk never ends early, whether
 * its pages are named by a token, a page number or an offset.
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
        demandRacesAFetchCompleting(
                fetch -> PagedFlux.<String>of(token -> fetch.get()).byPage(), Page.of(List.of("a"), "t1"));
    }

    @Test
    void aPageNumberedPageIsNeverLostWhenDemandRacesItsFetchCompleting() {
        demandRacesAFetchCompleting(
                fetch -> CursorPagedFlux.<Integer, String>of(1, page -> fetch.get())
                        .byPage(),
                CursorPage.ofPageNumber(List.of("a"), 1, 3));
    }

    /**
     * @param walkOf    the walk of a paged flux whose fetches all return the given source's page
     * @param firstPage the first page, which names a next one
     */
    private static <P extends CursorPage<?, String>> void demandRacesAFetchCompleting(
            Function<Supplier<Mono<P>>, Flux<P>> walkOf, P firstPage) {
        for (int round = 0; round < ROUNDS; round++) {
            AtomicReference<Sinks.One<P>> inFlight = new AtomicReference<>();
            AtomicInteger fetches = new AtomicInteger();
            Flux<P> walk = walkOf.apply(() -> Mono.defer(() -> {
                fetches.incrementAndGet();
                Sinks.One<P> sink = Sinks.one();
                inFlight.set(sink);
                return sink.asMono();
            }));
            TestSubscriber<P> pages = TestSubscriber.builder().initialRequest(1).build();
            walk.subscribe(pages);
            Sinks.One<P> first = inFlight.get();

            int offset = round % 64;
            RaceTestUtils.race(() -> pages.request(1), () -> {
                spin(offset);
                first.tryEmitValue(firstPage);
            });

            assertEquals(1, pages.getReceivedOnNext().size(), "round " + round);
            assertFalse(pages.isTerminated(), "round " + round + ": the walk ended after its first page");
            assertEquals(2, fetches.get(), "round " + round + ": the second page is fetched for the second request");
            pages.cancel();
        }
    }

    @Test
    void nothingIsFetchedAfterACancelThatRacesDemand() {
        PagingRaceTest.<Page<String>>cancelRacesDemand(
                fetch -> PagedFlux.<String>of(token -> fetch.get()).byPage());
    }

    @Test
    void nothingIsFetchedAfterACancelThatRacesDemandOnAnOffsetWalk() {
        PagingRaceTest.<CursorPage<Long, String>>cancelRacesDemand(fetch ->
                CursorPagedFlux.<Long, String>of(0L, offset -> fetch.get()).byPage());
    }

    /** @param walkOf the walk of a paged flux whose fetches all return the given source's page */
    private static <P extends CursorPage<?, String>> void cancelRacesDemand(
            Function<Supplier<Mono<P>>, Flux<P>> walkOf) {
        for (int round = 0; round < ROUNDS; round++) {
            AtomicInteger subscribed = new AtomicInteger();
            AtomicInteger cancelledFetches = new AtomicInteger();
            Flux<P> walk = walkOf.apply(() -> Mono.<P>never()
                    .doOnSubscribe(s -> subscribed.incrementAndGet())
                    .doOnCancel(cancelledFetches::incrementAndGet));
            TestSubscriber<P> pages = TestSubscriber.builder().initialRequest(0).build();
            walk.subscribe(pages);

            RaceTestUtils.race(() -> pages.request(1), pages::cancel);

            assertEquals(
                    subscribed.get(),
                    cancelledFetches.get(),
                    "round " + round + ": a fetch that started after or during the cancel was not cancelled");
        }
    }
}
