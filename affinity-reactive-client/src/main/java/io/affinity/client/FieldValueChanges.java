package io.affinity.client;

import com.fasterxml.jackson.core.type.TypeReference;
import io.affinity.client.internal.ApiEngine;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.ResponseType;
import io.affinity.client.internal.check.Args;
import io.affinity.client.query.FieldValueChangeQuery;
import io.affinity.client.recipes.QuotaPolicy;
import io.affinity.model.FieldValueChange;
import io.affinity.model.ImmutableFieldValueChange;
import java.util.Comparator;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * The history of the values of fields that track changes. Reached through
 * {@link AffinityClient#fieldValueChanges()}.
 */
public final class FieldValueChanges {

    private static final ResponseType<List<FieldValueChange>> CHANGE_LIST =
            ResponseType.of(new TypeReference<List<FieldValueChange>>() {});

    private final ApiEngine engine;
    private final Fields fields;
    private final QuotaGate quota;

    FieldValueChanges(ApiEngine engine, Fields fields, QuotaGate quota) {
        this.engine = engine;
        this.fields = fields;
        this.quota = quota;
    }

    /**
     * The history of a status field (or any field that tracks changes): finds the field by name among the list's
     * fields ({@link FieldCache#byName(long, String)}), makes a {@link io.affinity.client.recipes.QuotaPlan} (one
     * request) and refuses when the org's monthly quota cannot cover it, then fetches its changes
     * ({@code GET /field-value-changes}), each value read as the field's value type, oldest first (ties by id). The
     * changes are gathered before the first is emitted, to order them.
     *
     * @param listId    the list id, positive
     * @param fieldName the field's name (case-insensitive) or id; not blank
     * @return the changes; fails with {@link IllegalArgumentException} when no field has that name, with
     *         {@link io.affinity.client.recipes.AmbiguousNameException} when several do, and with
     *         {@link io.affinity.client.recipes.QuotaExceededException} when the monthly quota is used up
     */
    public Flux<FieldValueChange> history(long listId, String fieldName) {
        return history(listId, fieldName, QuotaPolicy.REFUSE);
    }

    /**
     * {@link #history(long, String)} with a choice of what happens when the monthly quota cannot cover it.
     *
     * @param listId      the list id, positive
     * @param fieldName   the field's name (case-insensitive) or id; not blank
     * @param quotaPolicy refuse with {@link io.affinity.client.recipes.QuotaExceededException}, or log a warning
     *                    and go on
     * @return the changes, oldest first
     */
    public Flux<FieldValueChange> history(long listId, String fieldName, QuotaPolicy quotaPolicy) {
        return Flux.defer(() -> {
            Args.notNull("quotaPolicy", quotaPolicy);
            return fields.cache()
                    .byName(listId, fieldName)
                    .flatMapMany(field -> quota.guard(
                            "GET",
                            "/field-value-changes",
                            1,
                            quotaPolicy,
                            plan -> {},
                            () -> list(FieldValueChangeQuery.builder()
                                            .fieldId(field.id())
                                            .build())
                                    .map(change -> change.value()
                                            .<FieldValueChange>map(value -> ImmutableFieldValueChange.copyOf(change)
                                                    .withValue(value.as(field.valueType())))
                                            .orElse(change))
                                    .collectSortedList(Comparator.comparing(FieldValueChange::changedAt)
                                            .thenComparing(FieldValueChange::id))
                                    .flatMapIterable(changes -> changes)));
        });
    }

    /**
     * Lists the changes of one field's values ({@code GET /field-value-changes}).
     *
     * @param query {@code fieldId} (required, positive), optionally {@code actionType} and at most one of
     *              {@code personId}, {@code organizationId}, {@code opportunityId} or {@code listEntryId}
     *              (positive); none is allowed, as in the reference's own example, although its notes say
     *              "exactly one" (the spec's description gives the reason; the testkit applies the same rule)
     * @return the changes; fails with {@link IllegalArgumentException} before sending when the query breaks
     *         these rules, and with an {@link io.affinity.client.error.AffinityException} when the call fails (for
     *         example a field that does not track changes)
     */
    public Flux<FieldValueChange> list(FieldValueChangeQuery query) {
        return engine.mono(
                        () -> {
                            Args.notNull("query", query);
                            Args.check(query.fieldId().isPresent(), "fieldId", "is required");
                            int given = OptionalArgs.countPresent(
                                    query.personId(),
                                    query.organizationId(),
                                    query.opportunityId(),
                                    query.listEntryId());
                            Args.check(
                                    given <= 1,
                                    "personId, organizationId, opportunityId, listEntryId",
                                    "at most one may be set, " + given + " were");
                            return ApiRequest.get("/field-value-changes")
                                    .query("field_id", OptionalArgs.positive("fieldId", query.fieldId()))
                                    .query(
                                            "action_type",
                                            query.actionType()
                                                    .map(type -> type.value())
                                                    .orElse(null))
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
                        CHANGE_LIST)
                .flatMapIterable(changes -> changes);
    }
}
