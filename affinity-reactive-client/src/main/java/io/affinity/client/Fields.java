package io.affinity.client;

import com.fasterxml.jackson.core.type.TypeReference;
import io.affinity.client.internal.ApiEngine;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.ResponseType;
import io.affinity.client.internal.check.Args;
import io.affinity.client.query.FieldQuery;
import io.affinity.model.CreateFieldRequest;
import io.affinity.model.Field;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fields, the columns of lists: global or list-specific ({@code /fields}). Reached with
 * {@link AffinityClient#fields()}. Fields cannot be updated through the API. Argument errors fail the returned
 * publisher with an {@link IllegalArgumentException} naming the parameter before anything is sent; call failures
 * arrive as {@link io.affinity.client.error.AffinityException}s.
 */
public final class Fields {

    private static final ResponseType<List<Field>> FIELDS = ResponseType.of(new TypeReference<>() {});
    private static final ResponseType<Field> FIELD = ResponseType.of(Field.class);

    private final ApiEngine engine;
    private final FieldCache cache;

    Fields(ApiEngine engine, RecipeContext recipes) {
        this.engine = engine;
        this.cache = new FieldCache(this, recipes.ticker(), recipes.fieldCacheTtl());
    }

    /**
     * The fields kept in memory for lookups by name, refreshed after their time to live and invalidated when this
     * client creates or deletes a field.
     *
     * @return the cache
     */
    public FieldCache cache() {
        return cache;
    }

    /**
     * All global and list-specific fields: {@code GET /fields}.
     *
     * @return the fields
     */
    public Flux<Field> list() {
        return list(FieldQuery.builder().build());
    }

    /**
     * The fields that match the filters: {@code GET /fields?list_id=...&value_type=...}.
     *
     * @param query the filters; see {@link FieldQuery} for its rules
     * @return the fields
     */
    public Flux<Field> list(FieldQuery query) {
        return engine.mono(
                        () -> {
                            Args.notNull("query", query);
                            ApiRequest.Builder request = ApiRequest.get("/fields");
                            request.query("list_id", OptionalArgs.positive("listId", query.listId()));
                            request.query(
                                    "value_type",
                                    query.valueType().map(type -> type.value()).orElse(null));
                            request.query(
                                    "entity_type",
                                    query.entityType().map(type -> type.value()).orElse(null));
                            request.query(
                                    "with_modified_names",
                                    query.withModifiedNames().orElse(null));
                            request.query(
                                    "exclude_dropdown_options",
                                    query.excludeDropdownOptions().orElse(null));
                            return request.build();
                        },
                        FIELDS)
                .flatMapIterable(fields -> fields);
    }

    /**
     * Creates a field: {@code POST /fields}.
     *
     * @param request the field; the name must not be blank, {@code list_id} (when given) must be positive and
     *                {@code is_list_specific = true} needs a {@code list_id}
     * @return the created field
     */
    public Mono<Field> create(CreateFieldRequest request) {
        return engine.mono(
                        () -> {
                            Args.notNull("request", request);
                            Args.notBlank("name", request.name());
                            OptionalArgs.positive("listId", request.listId());
                            Args.check(
                                    !request.isListSpecific().orElse(false)
                                            || request.listId().isPresent(),
                                    "listId",
                                    "is required when isListSpecific is true");
                            return ApiRequest.post("/fields").jsonBody(request).build();
                        },
                        FIELD)
                .doOnTerminate(cache::invalidate)
                .doOnCancel(cache::invalidate);
    }

    /**
     * Deletes a field: {@code DELETE /fields/{id}}.
     *
     * @param fieldId the field id, positive
     * @return completes when the server reported success; fails with
     *         {@link io.affinity.client.error.UnsuccessfulOperationException} when it did not
     */
    public Mono<Void> delete(long fieldId) {
        return Deletion.send(
                        engine,
                        () -> ApiRequest.delete("/fields/{id}")
                                .pathParam("id", Args.positive("fieldId", fieldId))
                                .build())
                .doOnTerminate(cache::invalidate)
                .doOnCancel(cache::invalidate);
    }
}
