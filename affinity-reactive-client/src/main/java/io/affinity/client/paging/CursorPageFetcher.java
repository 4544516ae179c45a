package io.affinity.client.paging;

import reactor.core.publisher.Mono;

/**
 * Fetches one page of a source whose pages are named by a cursor of type {@code C}, for a
 * {@link CursorPagedFlux}. Affinity's paged calls use its token form, {@link PageFetcher}.
 *
 * @param <C> the cursor type
 * @param <T> the item type
 */
@FunctionalInterface
public interface CursorPageFetcher<C, T> {

    /**
     * Fetches one page. Nothing may happen before the returned {@link Mono} is subscribed.
     *
     * @param cursor the cursor of the page to fetch; {@code null} only for a first page that the walk was
     *               created without a cursor for
     * @return the page, which names the next one; an empty {@link Mono} ends the walk
     */
    Mono<? extends CursorPage<C, T>> fetch(C cursor);

    /**
     * The error that ends a walk whose pages named a cursor the walk had already fetched.
     *
     * @param cursor the repeated cursor
     * @return the error to signal
     */
    default RuntimeException repeatedCursorError(C cursor) {
        return new IllegalStateException("page cursor '" + cursor + "' was named a second time");
    }

    /**
     * The error that ends a walk that met too many empty pages in a row, each naming a next page.
     *
     * @param emptyPages how many empty pages came in a row
     * @param cursor     the next cursor of the last of them
     * @return the error to signal
     */
    default RuntimeException emptyPagesError(int emptyPages, C cursor) {
        return new IllegalStateException(emptyPages + " empty pages in a row, each naming a next page");
    }
}
