package io.affinity.client.paging;

import java.util.Objects;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;

/**
 * The items of a source whose pages are named by a cursor of type {@code C} (a token, a page number, an
 * offset), fetched page by page as the subscriber asks for them, with the guarantees of {@link PagedFlux}:
 * demand drives every request, at most one page is in flight or held, cancelling cancels the request in flight,
 * a cursor that comes back fails the walk instead of looping, and {@linkplain PagedFlux#DEFAULT_MAX_EMPTY_PAGES
 * a bounded number} of empty pages in a row that name a next page fails it too. A walk ends at the first page
 * that names no next page; the factories of {@link CursorPage} derive that for the common schemes. Each
 * subscription starts a new walk. Affinity's own paged calls are {@link PagedFlux}es.
 *
 * @param <C> the cursor type
 * @param <T> the item type
 */
public final class CursorPagedFlux<C, T> extends Flux<T> {

    private final CursorPageFetcher<C, T> fetcher;
    private final C firstCursor;
    private final int maxEmptyPages;

    private CursorPagedFlux(CursorPageFetcher<C, T> fetcher, C firstCursor, int maxEmptyPages) {
        this.fetcher = fetcher;
        this.firstCursor = firstCursor;
        this.maxEmptyPages = maxEmptyPages;
    }

    /**
     * Creates a cursor-paged flux that accepts {@value PagedFlux#DEFAULT_MAX_EMPTY_PAGES} empty pages in a row.
     *
     * @param firstCursor the cursor of the first page (such as page 1 or offset 0), or {@code null} to fetch the
     *                    first page without one (as token schemes do)
     * @param fetcher     fetches one page for a cursor
     * @param <C>         the cursor type
     * @param <T>         the item type
     * @return the paged flux
     */
    public static <C, T> CursorPagedFlux<C, T> of(C firstCursor, CursorPageFetcher<C, T> fetcher) {
        return of(firstCursor, fetcher, PagedFlux.DEFAULT_MAX_EMPTY_PAGES);
    }

    /**
     * Creates a cursor-paged flux.
     *
     * @param firstCursor   the cursor of the first page, or {@code null} to fetch the first page without one
     * @param fetcher       fetches one page for a cursor
     * @param maxEmptyPages how many empty pages in a row, each naming a next page, the walk accepts; one more
     *                      fails it with {@link CursorPageFetcher#emptyPagesError(int, Object)}; at least 1
     * @param <C>           the cursor type
     * @param <T>           the item type
     * @return the paged flux
     * @throws IllegalArgumentException when {@code maxEmptyPages} is less than 1
     */
    public static <C, T> CursorPagedFlux<C, T> of(C firstCursor, CursorPageFetcher<C, T> fetcher, int maxEmptyPages) {
        return new CursorPagedFlux<>(
                Objects.requireNonNull(fetcher, "fetcher"), firstCursor, PageFlux.checkMaxEmptyPages(maxEmptyPages));
    }

    /**
     * Walks the pages from the first one. Each page is fetched when the subscriber requests it.
     *
     * @return the pages
     */
    public Flux<CursorPage<C, T>> byPage() {
        return new PageFlux<C, CursorPage<C, T>>(fetcher, fetcher::fetch, firstCursor, maxEmptyPages);
    }

    /**
     * Walks the pages from the page a previous walk's {@link CursorPage#nextCursor()} named.
     *
     * @param continuationCursor the cursor of the first page to fetch; not {@code null}
     * @return the pages, or a failed flux when the cursor is {@code null}
     */
    public Flux<CursorPage<C, T>> byPage(C continuationCursor) {
        if (continuationCursor == null) {
            return Flux.error(new IllegalArgumentException("continuationCursor must not be null"));
        }
        return new PageFlux<C, CursorPage<C, T>>(fetcher, fetcher::fetch, continuationCursor, maxEmptyPages);
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        byPage().subscribe(new ItemSubscriber<>(actual));
    }
}
