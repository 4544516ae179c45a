package io.affinity.client;

import io.affinity.client.internal.ApiEngine;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.ResponseType;
import io.affinity.client.internal.check.Args;
import io.affinity.client.paging.Page;
import io.affinity.client.paging.PagedFlux;
import io.affinity.client.query.ReminderQuery;
import io.affinity.model.CreateReminderRequest;
import io.affinity.model.Reminder;
import io.affinity.model.ReminderResetType;
import io.affinity.model.ReminderType;
import io.affinity.model.UpdateReminderRequest;
import io.affinity.model.value.DateOrDateTime;
import io.affinity.model.wire.RemindersPage;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Reminders: one-time or recurring, assigned to an internal person and optionally tagged with a person,
 * organization or opportunity. Reached through {@link AffinityClient#reminders()}.
 */
public final class Reminders {

    private static final ResponseType<RemindersPage> REMINDERS_PAGE = ResponseType.of(RemindersPage.class);
    private static final ResponseType<Reminder> REMINDER = ResponseType.of(Reminder.class);

    private final ApiEngine engine;

    Reminders(ApiEngine engine) {
        this.engine = engine;
    }

    /**
     * Lists every reminder you can see ({@code GET /reminders}), page by page as they are consumed.
     *
     * @return the reminders
     */
    public PagedFlux<Reminder> list() {
        return list(ReminderQuery.builder().build());
    }

    /**
     * Lists the reminders matching a query ({@code GET /reminders}), page by page as they are consumed.
     *
     * @param query the filters (ids positive; a recurring {@code type} needs a {@code resetType}) and the page
     *              size (1 to {@value ReminderQuery#MAX_PAGE_SIZE})
     * @return the reminders; fails with {@link IllegalArgumentException} before sending when the query is
     *         invalid, and with an {@link io.affinity.client.error.AffinityException} when a call fails
     */
    public PagedFlux<Reminder> list(ReminderQuery query) {
        return engine.paged(
                () -> {
                    Args.notNull("query", query);
                    Args.check(
                            !query.type().equals(Optional.of(ReminderType.RECURRING))
                                    || query.resetType().isPresent(),
                            "resetType",
                            "is required when type is RECURRING");
                    ApiRequest.Builder request = ApiRequest.get("/reminders")
                            .query("person_id", OptionalArgs.positive("personId", query.personId()))
                            .query("organization_id", OptionalArgs.positive("organizationId", query.organizationId()))
                            .query("opportunity_id", OptionalArgs.positive("opportunityId", query.opportunityId()))
                            .query("creator_id", OptionalArgs.positive("creatorId", query.creatorId()))
                            .query("owner_id", OptionalArgs.positive("ownerId", query.ownerId()))
                            .query("completer_id", OptionalArgs.positive("completerId", query.completerId()))
                            .query("type", query.type().map(ReminderType::value).orElse(null))
                            .query(
                                    "reset_type",
                                    query.resetType()
                                            .map(ReminderResetType::value)
                                            .orElse(null))
                            .query(
                                    "status",
                                    query.status().map(status -> status.value()).orElse(null))
                            .query(
                                    "due_before",
                                    query.dueBefore()
                                            .map(DateOrDateTime::toString)
                                            .orElse(null))
                            .query(
                                    "due_after",
                                    query.dueAfter()
                                            .map(DateOrDateTime::toString)
                                            .orElse(null));
                    SearchParams.pageSize(request, query.pageSize());
                    return request.build();
                },
                REMINDERS_PAGE,
                page -> Page.of(page.reminders(), page.nextPageToken().orElse(null)));
    }

    /**
     * Gets one reminder ({@code GET /reminders/{reminder_id}}).
     *
     * @param reminderId the reminder's id, positive
     * @return the reminder; fails with {@link IllegalArgumentException} before sending on an invalid id, with a
     *         {@link io.affinity.client.error.NotFoundException} when there is no such reminder, and with an
     *         {@link io.affinity.client.error.AffinityException} when the call fails otherwise
     */
    public Mono<Reminder> get(long reminderId) {
        return engine.mono(
                () -> ApiRequest.get("/reminders/{reminder_id}")
                        .pathParam("reminder_id", Args.positive("reminderId", reminderId))
                        .build(),
                REMINDER);
    }

    /**
     * Creates a reminder ({@code POST /reminders}).
     *
     * <p>Checked before sending: {@code ownerId} positive; a one-time reminder needs {@code dueDate}; a
     * recurring one needs {@code resetType} and a positive {@code reminderDays}; at most one of
     * {@code personId}, {@code organizationId} or {@code opportunityId}; ids positive.
     *
     * @param request the reminder
     * @return the reminder created; fails with {@link IllegalArgumentException} before sending when the request
     *         breaks these rules, and with an {@link io.affinity.client.error.AffinityException} when the call
     *         fails
     */
    public Mono<Reminder> create(CreateReminderRequest request) {
        return engine.mono(
                () -> {
                    Args.notNull("request", request);
                    Args.positive("ownerId", request.ownerId());
                    checkSchedule(request.type(), request.dueDate(), request.resetType(), request.reminderDays());
                    int tagged = OptionalArgs.countPresent(
                            request.personId(), request.organizationId(), request.opportunityId());
                    Args.check(
                            tagged <= 1,
                            "personId, organizationId, opportunityId",
                            "at most one may be set, " + tagged + " were");
                    OptionalArgs.positive("personId", request.personId());
                    OptionalArgs.positive("organizationId", request.organizationId());
                    OptionalArgs.positive("opportunityId", request.opportunityId());
                    return ApiRequest.post("/reminders").jsonBody(request).build();
                },
                REMINDER);
    }

    /**
     * Updates a reminder ({@code PUT /reminders/{reminder_id}}); attributes not set stay unchanged.
     *
     * <p>Checked before sending: ids positive; changing {@code type} to one-time needs {@code dueDate}, to
     * recurring needs {@code resetType} and a positive {@code reminderDays}.
     *
     * @param reminderId the reminder's id, positive
     * @param request    the attributes to change
     * @return the reminder updated; fails with {@link IllegalArgumentException} before sending on invalid
     *         arguments, and with an {@link io.affinity.client.error.AffinityException} when the call fails
     */
    public Mono<Reminder> update(long reminderId, UpdateReminderRequest request) {
        return engine.mono(
                () -> {
                    long id = Args.positive("reminderId", reminderId);
                    Args.notNull("request", request);
                    OptionalArgs.positive("ownerId", request.ownerId());
                    request.type()
                            .ifPresent(type -> checkSchedule(
                                    type, request.dueDate(), request.resetType(), request.reminderDays()));
                    return ApiRequest.put("/reminders/{reminder_id}")
                            .pathParam("reminder_id", id)
                            .jsonBody(request)
                            .build();
                },
                REMINDER);
    }

    /**
     * Deletes a reminder ({@code DELETE /reminders/{reminder_id}}).
     *
     * @param reminderId the reminder's id, positive
     * @return completes when the server confirmed the deletion; fails with {@link IllegalArgumentException}
     *         before sending on an invalid id, with an
     *         {@link io.affinity.client.error.UnsuccessfulOperationException} when the server did not confirm it,
     *         and with an {@link io.affinity.client.error.AffinityException} when the call fails
     */
    public Mono<Void> delete(long reminderId) {
        return Deletion.send(
                engine,
                () -> ApiRequest.delete("/reminders/{reminder_id}")
                        .pathParam("reminder_id", Args.positive("reminderId", reminderId))
                        .build());
    }

    /** One-time reminders need a due date; recurring ones a reset type and a positive number of days. */
    private static void checkSchedule(
            ReminderType type,
            Optional<DateOrDateTime> dueDate,
            Optional<ReminderResetType> resetType,
            Optional<Integer> reminderDays) {
        Args.notNull("type", type);
        if (type.equals(ReminderType.ONE_TIME)) {
            Args.check(dueDate.isPresent(), "dueDate", "is required for a ONE_TIME reminder");
        } else if (type.equals(ReminderType.RECURRING)) {
            Args.check(resetType.isPresent(), "resetType", "is required for a RECURRING reminder");
            Args.check(reminderDays.isPresent(), "reminderDays", "is required for a RECURRING reminder");
            Args.check(reminderDays.get() > 0, "reminderDays", "must be positive, was " + reminderDays.get());
        }
    }
}
