package io.affinity.client.paging;

import reactor.core.publisher.Mono;

/**
 * Fetches one page of a paged call named by a page token, the {@link CursorPageFetcher} of Affinity's paged
 * calls. The client implements it for each paged operation; implement it yourself to build a {@link PagedFlux}
 * over any source, for example in tests.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> extends CursorPageFetcher<String, T> {

    /**
     * Fetches one page. Nothing may happen before the returned {@link Mono} is subscribed.
     *
     * @param pageToken the token of the page to fetch, or {@code null} for the first page
     * @return the page; an empty {@link Mono} ends the walk
     */
    @Override
    Mono<Page<T>> fetch(String pageToken);

    /**
     * Returns {@link #repeatedTokenError(String)}.
     *
     * @param pageToken the repeated token
     * @return the error to signal
     */
    @Override
    default RuntimeException repeatedCursorError(String pageToken) {
        return repeatedTokenError(pageToken);
    }

    /**
     * The error that ends a walk whose source returned a page token it had already returned.
     *
     * @param pageToken the repeated token
     * @return the error to signal
     */
    default RuntimeException repeatedTokenError(String pageToken) {
        return new IllegalStateException("page token '" + pageToken + "' was returned a second time");
    }

    /**
     * The error that ends a walk whose source returned too many empty pages in a row, each with a next token.
     *
     * @param emptyPages how many empty pages came in a row
     * @param pageToken  the next token of the last of them
     * @return the error to signal
     */
    @Override
    default RuntimeException emptyPagesError(int emptyPages, String pageToken) {
        return new IllegalStateException(emptyPages + " empty pages in a row, each with a next page token");
    }
}
