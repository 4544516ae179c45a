package io.affinity.client;

import com.fasterxml.jackson.core.type.TypeReference;
import io.affinity.client.internal.ApiEngine;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.ResponseType;
import io.affinity.client.internal.check.Args;
import io.affinity.client.query.FieldValueQuery;
import io.affinity.model.CreateFieldValueRequest;
import io.affinity.model.FieldValue;
import io.affinity.model.UpdateFieldValueRequest;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Field values: the cells of Affinity's spreadsheets, tied to a field and to a person, organization,
 * opportunity or list entry. Reached through {@link AffinityClient#fieldValues()}.
 */
public final class FieldValues {

    private static final ResponseType<List<FieldValue>> FIELD_VALUE_LIST =
            ResponseType.of(new TypeReference<List<FieldValue>>() {});
    private static final ResponseType<FieldValue> FIELD_VALUE = ResponseType.of(FieldValue.class);

    private final ApiEngine engine;

    FieldValues(ApiEngine engine) {
        this.engine = engine;
    }

    /**
     * Lists the field values of one person, organization, opportunity or list entry ({@code GET /field-values}).
     * For a person, organization or opportunity the values of all its list entries are included.
     *
     * @param query exactly one of {@code personId}, {@code organizationId}, {@code opportunityId} or
     *              {@code listEntryId}, positive
     * @return the field values; fails with {@link IllegalArgumentException} before sending when the query breaks
     *         these rules, and with an {@link io.affinity.client.error.AffinityException} when the call fails
     */
    public Flux<FieldValue> list(FieldValueQuery query) {
        return engine.mono(
                        () -> {
                            Args.notNull("query", query);
                            int given = OptionalArgs.countPresent(
                                    query.personId(),
                                    query.organizationId(),
                                    query.opportunityId(),
                                    query.listEntryId());
                            Args.check(
                                    given == 1,
                                    "personId, organizationId, opportunityId, listEntryId",
                                    "exactly one must be set, " + given + " were");
                            return ApiRequest.get("/field-values")
                                    .query("person_id", OptionalArgs.positive("personId", query.personId()))
                                    .query(
                                            "organization_id",
                                            OptionalArgs.positive("organizationId", query.organizationId()))
                                    .query(
                                            "opportunity_id",
                                            OptionalArgs.positive("opportunityId", query.opportunityId()))
                                    .query("list_entry_id", OptionalArgs.positive("listEntryId", query.listEntryId()))
                                    .build();
                        },
                        FIELD_VALUE_LIST)
                .flatMapIterable(values -> values);
    }

    /**
     * Creates a field value ({@code POST /field-values}). The value must match the field's value type; for
     * ranked dropdowns give the option id.
     *
     * @param request the field, the entity, the value, and the list entry for list-specific fields; ids positive
     * @return the field value created; fails with {@link IllegalArgumentException} before sending on an invalid
     *         request, and with an {@link io.affinity.client.error.AffinityException} when the call fails
     */
    public Mono<FieldValue> create(CreateFieldValueRequest request) {
        return engine.mono(
                () -> {
                    Args.notNull("request", request);
                    Args.positive("fieldId", request.fieldId());
                    Args.positive("entityId", request.entityId());
                    request.listEntryId().ifPresent(id -> Args.positive("listEntryId", id));
                    return ApiRequest.post("/field-values").jsonBody(request).build();
                },
                FIELD_VALUE);
    }

    /**
     * Replaces the value of a field value ({@code PUT /field-values/{field_value_id}}).
     *
     * @param fieldValueId the field value's id (not the field's), positive
     * @param request      the new value
     * @return the field value updated; fails with {@link IllegalArgumentException} before sending on invalid
     *         arguments, and with an {@link io.affinity.client.error.AffinityException} when the call fails
     */
    public Mono<FieldValue> update(long fieldValueId, UpdateFieldValueRequest request) {
        return engine.mono(
                () -> ApiRequest.put("/field-values/{field_value_id}")
                        .pathParam("field_value_id", Args.positive("fieldValueId", fieldValueId))
                        .jsonBody(Args.notNull("request", request))
                        .build(),
                FIELD_VALUE);
    }

    /**
     * Deletes a field value ({@code DELETE /field-values/{field_value_id}}).
     *
     * @param fieldValueId the field value's id, positive
     * @return completes when the server confirmed the deletion; fails with {@link IllegalArgumentException}
     *         before sending on an invalid id, with an
     *         {@link io.affinity.client.error.UnsuccessfulOperationException} when the server did not confirm it,
     *         and with an {@link io.affinity.client.error.AffinityException} when the call fails
     */
    public Mono<Void> delete(long fieldValueId) {
        return Deletion.send(
                engine,
                () -> ApiRequest.delete("/field-values/{field_value_id}")
                        .pathParam("field_value_id", Args.positive("fieldValueId", fieldValueId))
                        .build());
    }
}
