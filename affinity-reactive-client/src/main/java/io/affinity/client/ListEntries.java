package io.affinity.client;

import io.affinity.client.internal.ApiEngine;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.ResponseType;
import io.affinity.client.internal.check.Args;
import io.affinity.client.paging.Page;
import io.affinity.client.paging.PagedFlux;
import io.affinity.model.CreateListEntryRequest;
import io.affinity.model.ListEntry;
import io.affinity.model.wire.ListEntriesPage;
import reactor.core.publisher.Mono;

/**
 * The entries (rows) of a list ({@code /lists/{list_id}/list-entries}). Reached with
 * {@link AffinityClient#listEntries()}. Argument errors fail the returned publisher with an
 * {@link IllegalArgumentException} naming the parameter before anything is sent; call failures arrive as
 * {@link io.affinity.client.error.AffinityException}s.
 */
public final class ListEntries {

    /** The page size {@link #list(long)} uses: the largest the server accepts. */
    public static final int DEFAULT_PAGE_SIZE = 500;

    private static final ResponseType<ListEntriesPage> PAGE = ResponseType.of(ListEntriesPage.class);
    private static final ResponseType<ListEntry> ENTRY = ResponseType.of(ListEntry.class);

    private final ApiEngine engine;

    ListEntries(ApiEngine engine) {
        this.engine = engine;
    }

    /**
     * Walks the entries of a list in pages of {@value #DEFAULT_PAGE_SIZE}:
     * {@code GET /lists/{list_id}/list-entries?page_size=500}, then the same with {@code page_token}.
     *
     * @param listId the list id, positive
     * @return the entries, fetched page by page as they are requested; fails with
     *         {@link io.affinity.client.error.NotFoundException} when the list does not exist
     */
    public PagedFlux<ListEntry> list(long listId) {
        return list(listId, DEFAULT_PAGE_SIZE);
    }

    /**
     * Walks the entries of a list in pages of {@code pageSize}:
     * {@code GET /lists/{list_id}/list-entries?page_size=N}, then the same with {@code page_token}. The page size
     * is always sent, so the server always answers pages (without it, it would answer every entry at once).
     *
     * @param listId   the list id, positive
     * @param pageSize entries per page, 1 to 500
     * @return the entries, fetched page by page as they are requested
     */
    public PagedFlux<ListEntry> list(long listId, int pageSize) {
        return engine.paged(
                () -> ApiRequest.get("/lists/{list_id}/list-entries")
                        .pathParam("list_id", Args.positive("listId", listId))
                        .query("page_size", Args.inRange("pageSize", pageSize, 1, SearchParams.MAX_PAGE_SIZE))
                        .build(),
                PAGE,
                page -> Page.of(page.listEntries(), page.nextPageToken().orElse(null)));
    }

    /**
     * One entry of a list: {@code GET /lists/{list_id}/list-entries/{list_entry_id}}.
     *
     * @param listId      the list id, positive
     * @param listEntryId the list entry id, positive
     * @return the entry; fails with {@link io.affinity.client.error.NotFoundException} when it does not exist
     */
    public Mono<ListEntry> get(long listId, long listEntryId) {
        return engine.mono(
                () -> entryPath(ApiRequest.get("/lists/{list_id}/list-entries/{list_entry_id}"), listId, listEntryId),
                ENTRY);
    }

    /**
     * Adds a person or organization to a list: {@code POST /lists/{list_id}/list-entries}. Opportunities are added
     * with {@link Opportunities#create}.
     *
     * @param listId  the list id, positive
     * @param request the entry; {@code entity_id} and, when given, {@code creator_id} must be positive
     * @return the created entry
     */
    public Mono<ListEntry> create(long listId, CreateListEntryRequest request) {
        return engine.mono(
                () -> {
                    Args.positive("listId", listId);
                    Args.notNull("request", request);
                    Args.positive("entityId", request.entityId());
                    OptionalArgs.positive("creatorId", request.creatorId());
                    return ApiRequest.post("/lists/{list_id}/list-entries")
                            .pathParam("list_id", listId)
                            .jsonBody(request)
                            .build();
                },
                ENTRY);
    }

    /**
     * Removes an entry from its list, with its list-specific field values (and, on an opportunity list, the
     * opportunity): {@code DELETE /lists/{list_id}/list-entries/{list_entry_id}}.
     *
     * @param listId      the list id, positive
     * @param listEntryId the list entry id, positive
     * @return completes when the server reported success; fails with
     *         {@link io.affinity.client.error.UnsuccessfulOperationException} when it did not
     */
    public Mono<Void> delete(long listId, long listEntryId) {
        return Deletion.send(
                engine,
                () -> entryPath(
                        ApiRequest.delete("/lists/{list_id}/list-entries/{list_entry_id}"), listId, listEntryId));
    }

    private static ApiRequest entryPath(ApiRequest.Builder request, long listId, long listEntryId) {
        return request.pathParam("list_id", Args.positive("listId", listId))
                .pathParam("list_entry_id", Args.positive("listEntryId", listEntryId))
                .build();
    }
}
