package io.affinity.client.paging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of an Affinity paged call: its items and the token of the next page, the page's
 * {@linkplain #nextCursor() cursor}.
 *
 * @param <T> the item type
 */
public final class Page<T> implements CursorPage<String, T> {

    private final List<T> items;
    private final String nextPageToken;

    private Page(List<T> items, String nextPageToken) {
        this.items = items;
        this.nextPageToken = nextPageToken;
    }

    /**
     * Creates a page.
     *
     * @param items         the items, in server order; {@code null} means none
     * @param nextPageToken the token of the next page; {@code null} when this is the last page
     * @param <T>           the item type
     * @return the page
     */
    public static <T> Page<T> of(List<T> items, String nextPageToken) {
        return new Page<>(items == null ? List.of() : List.copyOf(items), nextPageToken);
    }

    /** @return the items of this page (unmodifiable, possibly empty even when more pages follow) */
    @Override
    public List<T> items() {
        return items;
    }

    /** @return the token that fetches the next page; empty on the last page */
    public Optional<String> nextPageToken() {
        return Optional.ofNullable(nextPageToken);
    }

    /** @return the same as {@link #nextPageToken()} */
    @Override
    public Optional<String> nextCursor() {
        return nextPageToken();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Page<?> that
                && items.equals(that.items)
                && Objects.equals(nextPageToken, that.nextPageToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, nextPageToken);
    }

    @Override
    public String toString() {
        return "Page{items=" + items.size() + ", nextPageToken=" + nextPageToken + '}';
    }
}
