package io.affinity.client.blocking;

import io.affinity.client.query.ReminderQuery;
import io.affinity.model.CreateReminderRequest;
import io.affinity.model.Reminder;
import io.affinity.model.UpdateReminderRequest;

/**
 * Reminders: one-time or recurring, assigned to an internal person and optionally tagged with a person, organization or opportunity.
 *
 * <p>Blocking twin of {@link io.affinity.client.Reminders}: the same methods and arguments, returning values.
 * Arguments are checked before anything is sent ({@link IllegalArgumentException} naming the
 * parameter); call failures are thrown as the reactive client's
 * {@link io.affinity.client.error.AffinityException} types.
 */
public final class Reminders {

    private final io.affinity.client.Reminders reactive;

    Reminders(io.affinity.client.Reminders reactive) {
        this.reactive = reactive;
    }

    /**
     * Lists every reminder you can see ({@code GET /reminders}), page by page as they are consumed.
     *
     * @return the reminders
     */
    public PagedIterable<Reminder> list() {
        return new PagedIterable<>(reactive.list());
    }

    /**
     * Lists the reminders matching a query ({@code GET /reminders}), page by page as they are consumed.
     *
     * @param query the filters (ids positive; a recurring {@code type} needs a {@code resetType}) and the page
     *              size (1 to {@value ReminderQuery#MAX_PAGE_SIZE})
     * @return the reminders; throws {@link IllegalArgumentException} before sending when the query is
     *         invalid, and with an {@link io.affinity.client.error.AffinityException} when a call fails
     */
    public PagedIterable<Reminder> list(ReminderQuery query) {
        return new PagedIterable<>(reactive.list(query));
    }

    /**
     * Gets one reminder ({@code GET /reminders/{reminder_id}}).
     *
     * @param reminderId the reminder's id, positive
     * @return the reminder; throws {@link IllegalArgumentException} before sending on an invalid id, with a
     *         {@link io.affinity.client.error.NotFoundException} when there is no such reminder, and with an
     *         {@link io.affinity.client.error.AffinityException} when the call fails otherwise
     */
    public Reminder get(long reminderId) {
        return Blocking.call(reactive.get(reminderId));
    }

    /**
     * Creates a reminder ({@code POST /reminders}).
     *
     * <p>Checked before sending: {@code ownerId} positive; a one-time reminder needs {@code dueDate}; a
     * recurring one needs {@code resetType} and a positive {@code reminderDays}; at most one of
     * {@code personId}, {@code organizationId} or {@code opportunityId}; ids positive.
     *
     * @param request the reminder
     * @return the reminder created; throws {@link IllegalArgumentException} before sending when the request
     *         breaks these rules, and with an {@link io.affinity.client.error.AffinityException} when the call
     *         fails
     */
    public Reminder create(CreateReminderRequest request) {
        return Blocking.call(reactive.create(request));
    }

    /**
     * Updates a reminder ({@code PUT /reminders/{reminder_id}}); attributes not set stay unchanged.
     *
     * <p>Checked before sending: ids positive; changing {@code type} to one-time needs {@code dueDate}, to
     * recurring needs {@code resetType} and a positive {@code reminderDays}.
     *
     * @param reminderId the reminder's id, positive
     * @param request    the attributes to change
     * @return the reminder updated; throws {@link IllegalArgumentException} before sending on invalid
     *         arguments, and with an {@link io.affinity.client.error.AffinityException} when the call fails
     */
    public Reminder update(long reminderId, UpdateReminderRequest request) {
        return Blocking.call(reactive.update(reminderId, request));
    }

    /**
     * Deletes a reminder ({@code DELETE /reminders/{reminder_id}}).
     *
     * @param reminderId the reminder's id, positive
     * @throws IllegalArgumentException before sending, on an invalid id
     * @throws io.affinity.client.error.UnsuccessfulOperationException when the server did not confirm the deletion
     * @throws io.affinity.client.error.AffinityException when the call fails
     */
    public void delete(long reminderId) {
        Blocking.run(reactive.delete(reminderId));
    }
}
