package io.affinity.client.blocking;

import io.affinity.client.query.InteractionQuery;
import io.affinity.model.CreateInteractionRequest;
import io.affinity.model.Interaction;
import io.affinity.model.InteractionType;
import io.affinity.model.UpdateInteractionRequest;

/**
 * Meetings, calls, chat messages and emails (Enterprise-tier accounts only).
 *
 * <p>Blocking twin of {@link io.affinity.client.Interactions}: the same methods and arguments, returning values.
 * Arguments are checked before anything is sent ({@link IllegalArgumentException} naming the
 * parameter); call failures are thrown as the reactive client's
 * {@link io.affinity.client.error.AffinityException} types.
 */
public final class Interactions {

    private final io.affinity.client.Interactions reactive;

    Interactions(io.affinity.client.Interactions reactive) {
        this.reactive = reactive;
    }

    /**
     * Lists the interactions of one type involving a person, organization or opportunity between two times
     * ({@code GET /interactions}), page by page as they are consumed.
     *
     * <p>The range may be of any length. The API answers at most one year per request, so a range longer than
     * 365 days is walked as consecutive windows of at most 365 days whose edges meet (each window starts exactly
     * where the next, older one ends; the server includes a range's start and excludes its end, so nothing is
     * missed or returned twice), from the newest window back to the oldest: with the API's newest-first order inside a window, the whole walk is newest first. Each window is
     * paged to its end before the next one starts, all in this one flux, and demand still drives every request:
     * {@code take(1)} sends one request. Page tokens of a multi-window walk name their window, so
     * {@link io.affinity.client.paging.PagedFlux#byPage(String)} resumes such a walk too.
     *
     * <p>Checked before sending: {@code type}, {@code startTime} and {@code endTime} set, start before end, at
     * least one of {@code personId}, {@code organizationId}, {@code opportunityId}; ids positive; {@code pageSize}
     * 1 to {@value InteractionQuery#MAX_PAGE_SIZE}; {@code direction} only for chat messages and emails.
     *
     * @param query the interactions to list
     * @return the interactions (taken from {@code emails}, {@code events} or {@code chat_messages} by type); fails
     *         with {@link IllegalArgumentException} before sending when the query breaks these rules, and with an
     *         {@link io.affinity.client.error.AffinityException} when a call fails
     */
    public PagedIterable<Interaction> list(InteractionQuery query) {
        return new PagedIterable<>(reactive.list(query));
    }

    /**
     * Gets one interaction ({@code GET /interactions/{id}?type=}).
     *
     * @param interactionId the interaction's id, positive
     * @param type          its type
     * @return the interaction; throws {@link IllegalArgumentException} before sending on invalid arguments,
     *         with a {@link io.affinity.client.error.NotFoundException} when there is no such interaction, and with
     *         an {@link io.affinity.client.error.AffinityException} when the call fails otherwise
     */
    public Interaction get(long interactionId, InteractionType type) {
        return Blocking.call(reactive.get(interactionId, type));
    }

    /**
     * Logs an interaction manually ({@code POST /interactions}); the user of the API key is its creator.
     *
     * <p>Checked before sending: {@code type} is {@link InteractionType#MEETING}, {@link InteractionType#CALL} or
     * {@link InteractionType#CHAT_MESSAGE} (emails cannot be created); {@code personIds} holds at least one
     * positive id (the server also wants an internal person among them); {@code content} not blank;
     * {@code direction} only for chat messages.
     *
     * @param request the interaction
     * @return the interaction created; throws {@link IllegalArgumentException} before sending when the request
     *         breaks these rules, and with an {@link io.affinity.client.error.AffinityException} when the call
     *         fails
     */
    public Interaction create(CreateInteractionRequest request) {
        return Blocking.call(reactive.create(request));
    }

    /**
     * Updates the content or date of an interaction ({@code PUT /interactions/{id}}); the request's {@code type}
     * identifies it.
     *
     * <p>Checked before sending: {@code interactionId} positive; {@code personIds} holds at least one positive id
     * (the API requires it); {@code content}, when set, not blank.
     *
     * @param interactionId the interaction's id, positive
     * @param request       its type and the new values
     * @return the interaction updated; throws {@link IllegalArgumentException} before sending on invalid
     *         arguments, and with an {@link io.affinity.client.error.AffinityException} when the call fails
     */
    public Interaction update(long interactionId, UpdateInteractionRequest request) {
        return Blocking.call(reactive.update(interactionId, request));
    }

    /**
     * Deletes an interaction ({@code DELETE /interactions/{id}?type=}).
     *
     * @param interactionId the interaction's id, positive
     * @param type          its type
     * @throws IllegalArgumentException before sending, on invalid arguments
     * @throws io.affinity.client.error.UnsuccessfulOperationException when the server did not confirm the deletion
     * @throws io.affinity.client.error.AffinityException when the call fails
     */
    public void delete(long interactionId, InteractionType type) {
        Blocking.run(reactive.delete(interactionId, type));
    }
}
