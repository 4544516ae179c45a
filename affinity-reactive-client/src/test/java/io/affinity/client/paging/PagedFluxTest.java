package io.affinity.client.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** Demand rules of {@link PagedFlux} over an in-memory source that records every fetch. */
class PagedFluxTest {

    private final List<String> fetched = new ArrayList<>();

    /** Pages "p0".."p{n-1}" of {@code size} items each; page i's token is "t{i}". */
    private PagedFlux<String> pages(int count, int size) {
        return PagedFlux.of(token -> Mono.fromSupplier(() -> {
            fetched.add(String.valueOf(token));
            int index = token == null ? 0 : Integer.parseInt(token.substring(1));
            List<String> items = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                items.add("p" + index + "-" + i);
            }
            return Page.of(items, index + 1 < count ? "t" + (index + 1) : null);
        }));
    }

    @Test
    void nothingIsFetchedBeforeDemand() {
        StepVerifier.create(pages(3, 2), 0)
                .expectSubscription()
                .then(() -> assertEquals(List.of(), fetched))
                .thenCancel()
                .verify();
    }

    @Test
    void takeOneFetchesOnePage() {
        StepVerifier.create(pages(10, 5).take(1)).expectNext("p0-0").verifyComplete();
        assertEquals(List.of("null"), fetched);
    }

    @Test
    void aOneAtATimeSubscriberFetchesTheNextPageOnlyWhenItAsksBeyondTheCurrentOne() {
        StepVerifier.create(pages(3, 2), 1)
                .expectNext("p0-0")
                .then(() -> assertEquals(1, fetched.size()))
                .thenRequest(1)
                .expectNext("p0-1")
                .then(() -> assertEquals(1, fetched.size()))
                .thenRequest(1)
                .expectNext("p1-0")
                .then(() -> assertEquals(2, fetched.size()))
                .thenRequest(Long.MAX_VALUE)
                .expectNext("p1-1", "p2-0", "p2-1")
                .verifyComplete();
        assertEquals(List.of("null", "t1", "t2"), fetched);
    }

    @Test
    void pagesAreWalkedOnePerRequestAndResumedFromAToken() {
        StepVerifier.create(pages(4, 1).byPage(), 1)
                .expectNextMatches(page -> page.nextPageToken().orElseThrow().equals("t1"))
                .then(() -> assertEquals(1, fetched.size()))
                .thenRequest(1)
                .expectNextCount(1)
                .thenCancel()
                .verify();
        fetched.clear();

        StepVerifier.create(pages(4, 1).byPage("t2"))
                .expectNext(Page.of(List.of("p2-0"), "t3"), Page.of(List.of("p3-0"), null))
                .verifyComplete();
        assertEquals(List.of("t2", "t3"), fetched);
    }

    @Test
    void aBlankContinuationTokenIsRefused() {
        StepVerifier.create(pages(1, 1).byPage(" "))
                .expectError(IllegalArgumentException.class)
                .verify();
    }

    @Test
    void emptyPagesWithATokenAreSkippedAndAMissingTokenEnds() {
        Map<String, Page<String>> source = Map.of(
                "first", Page.of(List.of(), "a"),
                "a", Page.of(List.of(), "b"),
                "b", Page.of(List.of("x"), null));
        PagedFlux<String> flux = PagedFlux.of(token -> Mono.just(source.get(token == null ? "first" : token)));

        StepVerifier.create(flux).expectNext("x").verifyComplete();
    }

    @Test
    void aRepeatedTokenFailsInsteadOfLooping() {
        AtomicInteger calls = new AtomicInteger();
        PagedFlux<String> flux = PagedFlux.of(token -> Mono.fromSupplier(() -> {
            calls.incrementAndGet();
            return Page.of(List.of("item"), token == null ? "a" : token.equals("a") ? "b" : "a");
        }));

        StepVerifier.create(flux)
                .expectNext("item", "item")
                .expectErrorSatisfies(error -> assertEquals(
                        "page token 'a' was returned a second time",
                        assertInstanceOf(IllegalStateException.class, error).getMessage()))
                .verify();
        assertEquals(3, calls.get());
    }

    @Test
    void cancellingCancelsTheFetchInFlight() {
        Sinks.One<Page<String>> never = Sinks.one();
        AtomicInteger cancelled = new AtomicInteger();
        PagedFlux<String> flux = PagedFlux.of(token -> {
            fetched.add(String.valueOf(token));
            return never.asMono().doOnCancel(cancelled::incrementAndGet);
        });

        StepVerifier.create(flux, 0)
                .thenRequest(1)
                .then(() -> assertEquals(List.of("null"), fetched))
                .thenCancel()
                .verify();
        assertEquals(1, cancelled.get());
    }

    @Test
    void aFetchErrorEndsTheFlux() {
        PagedFlux<String> flux = PagedFlux.of(token -> token == null
                ? Mono.just(Page.of(List.of("one"), "next"))
                : Mono.error(new IllegalStateException("boom")));

        StepVerifier.create(flux).expectNext("one").expectErrorMessage("boom").verify();
    }

    @Test
    void takingTheFirstPageWithUnboundedDemandFetchesOnePage() {
        StepVerifier.create(pages(10, 5).byPage().next())
                .expectNextMatches(page -> page.items().size() == 5)
                .verifyComplete();
        assertEquals(List.of("null"), fetched);
    }

    @Test
    void aTokenCycleLongerThanTheRecentTokensStillFailsTheWalk() {
        int cycle = CursorLoopDetector.RECENT * 3;
        PagedFlux<String> looping = PagedFlux.of(token -> Mono.fromSupplier(() -> {
            fetched.add(String.valueOf(token));
            int index = token == null ? 0 : Integer.parseInt(token.substring(1));
            int next = index + 1 < 100 ? index + 1 : 100 - cycle; // pages 52..99 then back to 52
            return Page.of(List.of("p" + index), "t" + next);
        }));
        StepVerifier.create(looping).thenConsumeWhile(item -> true).verifyError();
        assertTrue(fetched.size() <= 2 * 100, "pages fetched before the loop was seen: " + fetched.size());
    }

    @Test
    void aCancelThatRacesTheNextFetchSendsNothing() {
        AtomicBoolean sent = new AtomicBoolean();
        BaseSubscriber<String> subscriber = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                request(Long.MAX_VALUE);
            }
        };
        PagedFlux<String> walk = PagedFlux.of(token -> {
            if (token == null) {
                return Mono.just(Page.of(List.of("p0"), "t1"));
            }
            subscriber.cancel(); // the subscriber cancels while the walk is preparing the next fetch
            return Mono.fromSupplier(() -> {
                sent.set(true);
                return Page.of(List.of("p1"), null);
            });
        });
        walk.subscribe(subscriber);
        assertTrue(subscriber.isDisposed());
        assertFalse(sent.get(), "the page after the cancel was requested");
    }
}
