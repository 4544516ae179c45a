package io.affinity.client.paging;

import java.util.List;
import java.util.Optional;

/** The page {@link CursorPage#of} creates. */
record CursorPageValue<C, T>(List<T> items, C next) implements CursorPage<C, T> {

    @Override
    public Optional<C> nextCursor() {
        return Optional.ofNullable(next);
    }

    @Override
    public String toString() {
        return "CursorPage{items=" + items.size() + ", nextCursor=" + next + '}';
    }
}
