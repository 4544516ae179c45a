package io.affinity.client.blocking;

import io.affinity.client.paging.Page;
import io.affinity.client.paging.PagedFlux;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import reactor.core.publisher.Flux;

/**
 * The items of a paged call, fetched lazily: the next page is requested only inside
 * {@link Iterator#hasNext()}, when the items in hand have run out. Iterating the first three items of a
 * ten-page result sends one request; a stream closed early sends no more. Each {@link #iterator()},
 * {@link #stream()} or {@link #byPage()} starts a new walk from the first page.
 *
 * <p>Failures are thrown as the reactive client's exception types, unwrapped.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {

    private final PagedFlux<T> pages;

    PagedIterable(PagedFlux<T> pages) {
        this.pages = pages;
    }

    /** @return an iterator over all items, fetching pages as it goes */
    @Override
    public Iterator<T> iterator() {
        return new ItemIterator<>(new Cursor<>(pages.byPage()));
    }

    /**
     * @return a sequential stream of all items, fetching pages as it is consumed; closing it stops the walk
     */
    public Stream<T> stream() {
        ItemIterator<T> items = new ItemIterator<>(new Cursor<>(pages.byPage()));
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false)
                .onClose(items.cursor::close);
    }

    /** @return the pages from the first one, each fetched when the iteration reaches it */
    public Iterable<Page<T>> byPage() {
        return () -> new PageIterator<>(new Cursor<>(pages.byPage()));
    }

    /**
     * Resumes a walk at the page a previous walk's {@link Page#nextPageToken()} pointed to.
     *
     * @param continuationToken the token of the first page to fetch
     * @return the pages from that one on, each fetched when the iteration reaches it
     * @throws IllegalArgumentException when the token is null or blank
     */
    public Iterable<Page<T>> byPage(String continuationToken) {
        if (continuationToken == null || continuationToken.isBlank()) {
            throw new IllegalArgumentException("continuationToken must not be null or blank");
        }
        Flux<Page<T>> from = pages.byPage(continuationToken);
        return () -> new PageIterator<>(new Cursor<>(from));
    }

    /** Items of the pages of one cursor. */
    private static final class ItemIterator<T> implements Iterator<T> {
        private final Cursor<Page<T>> cursor;
        private List<T> items = List.of();
        private int index;

        ItemIterator(Cursor<Page<T>> cursor) {
            this.cursor = cursor;
        }

        @Override
        public boolean hasNext() {
            while (index >= items.size()) {
                Optional<Page<T>> page = cursor.next();
                if (page.isEmpty()) {
                    return false;
                }
                items = page.get().items();
                index = 0;
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more items");
            }
            return items.get(index++);
        }
    }

    /** Pages of one cursor. */
    private static final class PageIterator<T> implements Iterator<Page<T>> {
        private final Cursor<Page<T>> cursor;
        private Page<T> next;

        PageIterator(Cursor<Page<T>> cursor) {
            this.cursor = cursor;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = cursor.next().orElse(null);
            }
            return next != null;
        }

        @Override
        public Page<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more pages");
            }
            Page<T> page = next;
            next = null;
            return page;
        }
    }
}
