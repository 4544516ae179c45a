package io.affinity.client;

import com.fasterxml.jackson.core.type.TypeReference;
import io.affinity.client.internal.ApiEngine;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.ResponseType;
import io.affinity.client.internal.check.Args;
import io.affinity.client.recipes.ExportOptions;
import io.affinity.client.recipes.ExportRow;
import io.affinity.model.AffinityList;
import io.affinity.model.CreateListRequest;
import io.affinity.model.ListPermission;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lists of persons, organizations or opportunities ({@code /lists}). Reached with {@link AffinityClient#lists()}.
 * Argument errors fail the returned publisher with an {@link IllegalArgumentException} naming the parameter before
 * anything is sent; call failures arrive as {@link io.affinity.client.error.AffinityException}s.
 */
public final class Lists {

    private static final ResponseType<List<AffinityList>> LISTS = ResponseType.of(new TypeReference<>() {});
    private static final ResponseType<AffinityList> LIST = ResponseType.of(AffinityList.class);

    private final ApiEngine engine;
    private final ListExporter exporter;

    Lists(ApiEngine engine, ListExporter exporter) {
        this.engine = engine;
        this.exporter = exporter;
    }

    /**
     * Exports a list: every entry with its entity and the values of the list's fields (or the chosen ones), named
     * from {@link Fields#cache()}. First it makes a {@link io.affinity.client.recipes.QuotaPlan} (one request per
     * page of entries and one per entry, against the org's monthly quota from {@code GET /rate-limit}) and refuses
     * with a {@link io.affinity.client.recipes.QuotaExceededException} when it does not fit (or warns, by option).
     * Then it walks {@code GET /lists/{list_id}/list-entries} page by page and fetches each entry's
     * {@code GET /field-values?list_entry_id=...} with {@link ExportOptions#concurrency()} calls in flight under the
     * client's rate limiter, emitting rows in list order. Memory is bounded by a page and the calls in flight, not
     * by the list's size. Each row carries the checkpoint that resumes after it, and the names of the persons and
     * organizations its values refer to where known: those of the rows' entities seen so far, and up to
     * {@link ExportOptions#withNameLookups(int)} looked up (one request per distinct id, counted in the plan).
     *
     * @param options the list and how to export it
     * @return the rows; fails with {@link IllegalArgumentException} when the list or a field cannot be found, with
     *         {@link io.affinity.client.recipes.AmbiguousNameException} when a name matches several
     */
    public Flux<ExportRow> export(ExportOptions options) {
        return exporter.export(options);
    }

    /**
     * All the lists visible to you: {@code GET /lists}.
     *
     * @return the lists (each with at least its id, name and type)
     */
    public Flux<AffinityList> list() {
        return engine.mono(() -> ApiRequest.get("/lists").build(), LISTS).flatMapIterable(lists -> lists);
    }

    /**
     * One list with its list-specific fields: {@code GET /lists/{list_id}}.
     *
     * @param listId the list id, positive
     * @return the list; fails with {@link io.affinity.client.error.NotFoundException} when it does not exist
     */
    public Mono<AffinityList> get(long listId) {
        return engine.mono(
                () -> ApiRequest.get("/lists/{list_id}")
                        .pathParam("list_id", Args.positive("listId", listId))
                        .build(),
                LIST);
    }

    /**
     * Creates a list: {@code POST /lists}.
     *
     * @param request the list; {@code name} must not be blank, {@code owner_id} and every
     *                {@code internal_person_id} of {@code additional_permissions} must be positive
     * @return the created list; fails with {@link io.affinity.client.error.ValidationException} when the server
     *         rejects it
     */
    public Mono<AffinityList> create(CreateListRequest request) {
        return engine.mono(
                () -> {
                    Args.notNull("request", request);
                    Args.notBlank("name", request.name());
                    OptionalArgs.positive("ownerId", request.ownerId());
                    request.additionalPermissions().ifPresent(permissions -> {
                        for (ListPermission permission : permissions) {
                            Args.positive("additionalPermissions.internalPersonId", permission.internalPersonId());
                        }
                    });
                    return ApiRequest.post("/lists").jsonBody(request).build();
                },
                LIST);
    }
}
