package io.affinity.client.blocking;

import io.affinity.model.CreateListEntryRequest;
import io.affinity.model.ListEntry;

/**
 * The entries (rows) of a list ({@code /lists/{list_id}/list-entries}).
 *
 * <p>Blocking twin of {@link io.affinity.client.ListEntries}: the same methods and arguments, returning values.
 * Arguments are checked before anything is sent ({@link IllegalArgumentException} naming the
 * parameter); call failures are thrown as the reactive client's
 * {@link io.affinity.client.error.AffinityException} types.
 */
public final class ListEntries {

    private final io.affinity.client.ListEntries reactive;

    ListEntries(io.affinity.client.ListEntries reactive) {
        this.reactive = reactive;
    }

    /**
     * Walks the entries of a list in pages of {@value io.affinity.client.ListEntries#DEFAULT_PAGE_SIZE}:
     * {@code GET /lists/{list_id}/list-entries?page_size=500}, then the same with {@code page_token}.
     *
     * @param listId the list id, positive
     * @return the entries, fetched page by page as they are iterated; throws
     *         {@link io.affinity.client.error.NotFoundException} when the list does not exist
     */
    public PagedIterable<ListEntry> list(long listId) {
        return new PagedIterable<>(reactive.list(listId));
    }

    /**
     * Walks the entries of a list in pages of {@code pageSize}:
     * {@code GET /lists/{list_id}/list-entries?page_size=N}, then the same with {@code page_token}. The page size
     * is always sent, so the server always answers pages (without it, it would answer every entry at once).
     *
     * @param listId   the list id, positive
     * @param pageSize entries per page, 1 to 500
     * @return the entries, fetched page by page as they are iterated
     */
    public PagedIterable<ListEntry> list(long listId, int pageSize) {
        return new PagedIterable<>(reactive.list(listId, pageSize));
    }

    /**
     * One entry of a list: {@code GET /lists/{list_id}/list-entries/{list_entry_id}}.
     *
     * @param listId      the list id, positive
     * @param listEntryId the list entry id, positive
     * @return the entry; throws {@link io.affinity.client.error.NotFoundException} when it does not exist
     */
    public ListEntry get(long listId, long listEntryId) {
        return Blocking.call(reactive.get(listId, listEntryId));
    }

    /**
     * Adds a person or organization to a list: {@code POST /lists/{list_id}/list-entries}. Opportunities are added
     * with {@link Opportunities#create}.
     *
     * @param listId  the list id, positive
     * @param request the entry; {@code entity_id} and, when given, {@code creator_id} must be positive
     * @return the created entry
     */
    public ListEntry create(long listId, CreateListEntryRequest request) {
        return Blocking.call(reactive.create(listId, request));
    }

    /**
     * Removes an entry from its list, with its list-specific field values (and, on an opportunity list, the
     * opportunity): {@code DELETE /lists/{list_id}/list-entries/{list_entry_id}}.
     *
     * @param listId      the list id, positive
     * @param listEntryId the list entry id, positive
     * @throws io.affinity.client.error.UnsuccessfulOperationException when the server did not report success
     */
    public void delete(long listId, long listEntryId) {
        Blocking.run(reactive.delete(listId, listEntryId));
    }
}
