package io.affinity.client.paging;

import java.util.List;
import java.util.Optional;

/**
 * One page of a walk over a source whose pages are named by a cursor of type {@code C}: its items and the
 * cursor of the next page. Affinity's pages are {@link Page}s, whose cursor is the page token; the static
 * factories here derive the next cursor for the other common schemes (see the package documentation).
 *
 * @param <C> the cursor type: a token {@code String}, an {@code Integer} page number, a {@code Long} offset
 * @param <T> the item type
 */
public interface CursorPage<C, T> {

    /** @return the items of this page, in server order (unmodifiable, possibly empty even when more pages follow) */
    List<T> items();

    /** @return the cursor that names the next page; empty on the last page */
    Optional<C> nextCursor();

    /**
     * Creates a page whose next cursor is known.
     *
     * @param items      the items, in server order; {@code null} means none
     * @param nextCursor the cursor of the next page; {@code null} when this is the last page
     * @param <C>        the cursor type
     * @param <T>        the item type
     * @return the page
     */
    static <C, T> CursorPage<C, T> of(List<T> items, C nextCursor) {
        return new CursorPageValue<>(items == null ? List.of() : List.copyOf(items), nextCursor);
    }

    /**
     * Creates a page of a source numbered from page 1 that says how many pages there are ({@code page},
     * {@code total_pages}): the next page is {@code page + 1} while {@code page < totalPages}, none after.
     *
     * @param items      the items, in server order; {@code null} means none
     * @param page       the number of this page, as the server names it; at least 1
     * @param totalPages how many pages the source has; at least 0
     * @param <T>        the item type
     * @return the page
     * @throws IllegalArgumentException when {@code page} or {@code totalPages} is out of range
     */
    static <T> CursorPage<Integer, T> ofPageNumber(List<T> items, int page, int totalPages) {
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1, was " + page);
        }
        if (totalPages < 0) {
            throw new IllegalArgumentException("totalPages must not be negative, was " + totalPages);
        }
        return of(items, page < totalPages ? page + 1 : null);
    }

    /**
     * Creates a page of a source addressed by offset and limit ({@code skip}/{@code limit}) that does not say
     * how many items it has: the next page starts after this page's items, unless this page is short (fewer
     * items than {@code limit}, empty included), which ends the walk.
     *
     * @param items  the items, in server order; {@code null} means none
     * @param offset the offset this page was requested at; at least 0
     * @param limit  the limit this page was requested with; at least 1
     * @param <T>    the item type
     * @return the page
     * @throws IllegalArgumentException when {@code offset} or {@code limit} is out of range
     */
    static <T> CursorPage<Long, T> ofOffset(List<T> items, long offset, int limit) {
        return ofOffset(items, offset, limit, Long.MAX_VALUE);
    }

    /**
     * Creates a page of a source addressed by offset and limit that says how many items it has: the next page
     * starts after this page's items, unless this page is short or the next offset reaches {@code total}.
     *
     * @param items  the items, in server order; {@code null} means none
     * @param offset the offset this page was requested at; at least 0
     * @param limit  the limit this page was requested with; at least 1
     * @param total  how many items the source has; at least 0
     * @param <T>    the item type
     * @return the page
     * @throws IllegalArgumentException when {@code offset}, {@code limit} or {@code total} is out of range
     */
    static <T> CursorPage<Long, T> ofOffset(List<T> items, long offset, int limit, long total) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative, was " + total);
        }
        List<T> copy = items == null ? List.of() : List.copyOf(items);
        long next = offset + copy.size();
        return new CursorPageValue<>(copy, copy.size() < limit || next >= total ? null : next);
    }
}
