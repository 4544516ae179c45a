package io.affinity.client.paging;

import java.util.Objects;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;

/**
 * The items of an Affinity paged call, fetched page by page as the subscriber asks for them. It can also be walked
 * page by page with {@link #byPage()} and resumed from a saved token with {@link #byPage(String)}. It is the token
 * form of {@link CursorPagedFlux}: the same walk, with the page token as the cursor and no token for the first
 * page.
 *
 * <p>Demand drives every request: a page is fetched only when the subscriber has asked for more items than
 * the pages already fetched hold, so {@code take(1)} sends one request and a subscriber asking for one item
 * at a time never has more than one page in memory. Cancelling cancels the request in flight. A walk ends at
 * the first page without a next token; a page without items but with a token does not end it, but
 * {@linkplain #DEFAULT_MAX_EMPTY_PAGES a bounded number} of such pages in a row fails it; a token that comes back
 * fails it instead of looping (one of the last 16 tokens at once, an older one before the walk has gone twice
 * as far), in constant memory however long the walk. The client's walks fail with a
 * {@link io.affinity.client.error.PaginationException} in both cases. Each subscription starts a new walk.
 *
 * @param <T> the item type
 */
public final class PagedFlux<T> extends Flux<T> {

    /** How many empty pages in a row, each with a next token, a walk accepts by default before it fails. */
    public static final int DEFAULT_MAX_EMPTY_PAGES = 10;

    private final PageFetcher<T> fetcher;
    private final int maxEmptyPages;

    private PagedFlux(PageFetcher<T> fetcher, int maxEmptyPages) {
        this.fetcher = fetcher;
        this.maxEmptyPages = maxEmptyPages;
    }

    /**
     * Creates a paged flux that accepts {@value #DEFAULT_MAX_EMPTY_PAGES} empty pages in a row.
     *
     * @param fetcher fetches one page for a token ({@code null} for the first page)
     * @param <T>     the item type
     * @return the paged flux
     */
    public static <T> PagedFlux<T> of(PageFetcher<T> fetcher) {
        return of(fetcher, DEFAULT_MAX_EMPTY_PAGES);
    }

    /**
     * Creates a paged flux.
     *
     * @param fetcher       fetches one page for a token ({@code null} for the first page)
     * @param maxEmptyPages how many empty pages in a row, each with a next token, the walk accepts; one more
     *                      fails it with {@link PageFetcher#emptyPagesError(int, String)}; at least 1
     * @param <T>           the item type
     * @return the paged flux
     */
    public static <T> PagedFlux<T> of(PageFetcher<T> fetcher, int maxEmptyPages) {
        return new PagedFlux<>(Objects.requireNonNull(fetcher, "fetcher"), PageFlux.checkMaxEmptyPages(maxEmptyPages));
    }

    /**
     * Walks the pages from the first one. Each page is fetched when the subscriber requests it.
     *
     * @return the pages
     */
    public Flux<Page<T>> byPage() {
        return new PageFlux<String, Page<T>>(fetcher, fetcher::fetch, null, maxEmptyPages);
    }

    /**
     * Walks the pages from the page a previous walk's {@link Page#nextPageToken()} pointed to.
     *
     * @param continuationToken the token of the first page to fetch; must not be blank
     * @return the pages, or a failed flux when the token is blank
     */
    public Flux<Page<T>> byPage(String continuationToken) {
        if (continuationToken == null || continuationToken.isBlank()) {
            return Flux.error(new IllegalArgumentException("continuationToken must not be null or blank"));
        }
        return new PageFlux<String, Page<T>>(fetcher, fetcher::fetch, continuationToken, maxEmptyPages);
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        byPage().subscribe(new ItemSubscriber<>(actual));
    }
}
