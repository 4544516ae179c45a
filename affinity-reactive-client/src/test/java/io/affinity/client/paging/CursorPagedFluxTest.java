package io.affinity.client.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The schemes of {@link CursorPage} and the guards of {@link CursorPagedFlux} for cursors other than tokens. */
class CursorPagedFluxTest {

    private final List<Object> fetched = new ArrayList<>();

    @Test
    void aNumberedPageNamesThePageAfterItUntilTheLast() {
        assertEquals(Optional.of(2), CursorPage.ofPageNumber(List.of("a"), 1, 3).nextCursor());
        assertEquals(
                Optional.empty(), CursorPage.ofPageNumber(List.of("a"), 3, 3).nextCursor());
        assertEquals(
                Optional.empty(), CursorPage.ofPageNumber(List.of("a"), 4, 3).nextCursor(), "beyond the end");
        assertEquals(Optional.empty(), CursorPage.ofPageNumber(null, 1, 0).nextCursor(), "no pages at all");
        assertEquals(Optional.of(2), CursorPage.ofPageNumber(List.of(), 1, 3).nextCursor(), "empty, more follow");
    }

    @Test
    void anOffsetPageNamesTheOffsetAfterItsItemsUntilAShortPageOrTheTotal() {
        assertEquals(
                Optional.of(5L), CursorPage.ofOffset(List.of("a", "b"), 3, 2).nextCursor());
        assertEquals(Optional.empty(), CursorPage.ofOffset(List.of("a"), 3, 2).nextCursor(), "short");
        assertEquals(Optional.empty(), CursorPage.ofOffset(List.of(), 3, 2).nextCursor(), "empty");
        assertEquals(
                Optional.of(4L),
                CursorPage.ofOffset(List.of("a", "b", "c"), 1, 2).nextCursor(),
                "over limit");
        assertEquals(
                Optional.empty(),
                CursorPage.ofOffset(List.of("a", "b"), 3, 2, 5).nextCursor(),
                "total");
        assertEquals(
                Optional.of(5L), CursorPage.ofOffset(List.of("a", "b"), 3, 2, 6).nextCursor());
    }

    @Test
    void aTokenPageIsACursorPageOfItsToken() {
        CursorPage<String, String> page = Page.of(List.of("a"), "t1");
        assertEquals(Optional.of("t1"), page.nextCursor());
        assertEquals(List.of("a"), page.items());
    }

    @Test
    void outOfRangeSchemeArgumentsAreRefusedByName() {
        assertEquals(
                "page must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> CursorPage.ofPageNumber(List.of(), 0, 1))
                        .getMessage());
        assertEquals(
                "totalPages must not be negative, was -1",
                assertThrows(IllegalArgumentException.class, () -> CursorPage.ofPageNumber(List.of(), 1, -1))
                        .getMessage());
        assertEquals(
                "offset must not be negative, was -1",
                assertThrows(IllegalArgumentException.class, () -> CursorPage.ofOffset(List.of(), -1, 1))
                        .getMessage());
        assertEquals(
                "limit must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> CursorPage.ofOffset(List.of(), 0, 0))
                        .getMessage());
        assertEquals(
                "total must not be negative, was -1",
                assertThrows(IllegalArgumentException.class, () -> CursorPage.ofOffset(List.of(), 0, 1, -1))
                        .getMessage());
        assertEquals(
                "maxEmptyPages must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> CursorPagedFlux.of(1, page -> Mono.empty(), 0))
                        .getMessage());
    }

    @Test
    void aNullContinuationCursorFailsTheWalkBeforeAnyFetch() {
        StepVerifier.create(offsets(10, 3).byPage(null))
                .expectErrorMessage("continuationCursor must not be null")
                .verify();
        assertEquals(List.of(), fetched);
    }

    @Test
    void anOffsetWalkFetchesOnDemandAndResumesFromASavedOffset() {
        StepVerifier.create(offsets(7, 3), 0)
                .thenRequest(1)
                .expectNext(0L)
                .then(() -> assertEquals(List.of(0L), fetched))
                .thenRequest(3)
                .expectNext(1L, 2L, 3L)
                .then(() -> assertEquals(List.of(0L, 3L), fetched))
                .thenRequest(Long.MAX_VALUE)
                .expectNext(4L, 5L, 6L)
                .verifyComplete();
        fetched.clear();

        StepVerifier.create(offsets(7, 3).byPage(6L).map(CursorPage::items))
                .expectNext(List.of(6L))
                .verifyComplete();
        assertEquals(List.of(6L), fetched);
    }

    @Test
    void aNullFirstCursorFetchesTheFirstPageWithoutOne() {
        Map<Optional<Integer>, CursorPage<Integer, String>> source = Map.of(
                Optional.empty(), CursorPage.of(List.of("a"), 2),
                Optional.of(2), CursorPage.of(List.of("b"), null));

        StepVerifier.create(CursorPagedFlux.<Integer, String>of(
                        null, page -> Mono.just(source.get(Optional.ofNullable(page)))))
                .expectNext("a", "b")
                .verifyComplete();
    }

    @Test
    void anOffsetThatComesBackFailsTheWalkWithoutTheItemsOfThePageThatNamedIt() {
        // a source whose pages name the next offset themselves, and lead back to the start
        CursorPagedFlux<Long, String> flux = CursorPagedFlux.of(
                0L,
                offset -> Mono.fromSupplier(() -> {
                    fetched.add(offset);
                    return CursorPage.of(List.of("at " + offset), offset == 0 ? 10L : 0L);
                }));

        StepVerifier.create(flux)
                .expectNext("at 0")
                .expectErrorMessage("page cursor '0' was named a second time")
                .verify();
        assertEquals(List.of(0L, 10L), fetched);
    }

    @Test
    void emptyPagesThatNameANextPageFailTheWalkAfterTheLimitWithTheFetchersError() {
        CursorPageFetcher<Integer, String> empty = new CursorPageFetcher<>() {
            @Override
            public Mono<CursorPage<Integer, String>> fetch(Integer page) {
                fetched.add(page);
                return Mono.just(CursorPage.ofPageNumber(List.of(), page, Integer.MAX_VALUE));
            }

            @Override
            public RuntimeException emptyPagesError(int emptyPages, Integer page) {
                return new IllegalStateException(emptyPages + " empty pages, the last naming page " + page);
            }
        };

        StepVerifier.create(CursorPagedFlux.of(1, empty, 2))
                .expectErrorMessage("3 empty pages, the last naming page 4")
                .verify();
        assertEquals(List.of(1, 2, 3), fetched);
    }

    /** Items 0..count-1 at offsets, {@code limit} to a page; records the offset of every fetch. */
    private CursorPagedFlux<Long, Long> offsets(long count, int limit) {
        CursorPageFetcher<Long, Long> source = CursorPagedFluxTckTest.offsets(count, limit);
        return CursorPagedFlux.of(0L, offset -> {
            fetched.add(offset);
            return source.fetch(offset);
        });
    }
}
