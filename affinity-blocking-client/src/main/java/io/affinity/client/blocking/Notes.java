package io.affinity.client.blocking;

import io.affinity.client.query.NoteQuery;
import io.affinity.model.CreateNoteRequest;
import io.affinity.model.Note;
import io.affinity.model.NoteType;
import io.affinity.model.UpdateNoteRequest;

/**
 * Notes attached to persons, organizations and opportunities, and replies to them.
 *
 * <p>Blocking twin of {@link io.affinity.client.Notes}: the same methods and arguments, returning values.
 * Arguments are checked before anything is sent ({@link IllegalArgumentException} naming the
 * parameter); call failures are thrown as the reactive client's
 * {@link io.affinity.client.error.AffinityException} types.
 */
public final class Notes {

    private final io.affinity.client.Notes reactive;

    Notes(io.affinity.client.Notes reactive) {
        this.reactive = reactive;
    }

    /**
     * Lists every note you can see ({@code GET /notes}), page by page as they are consumed.
     *
     * @return the notes
     */
    public PagedIterable<Note> list() {
        return new PagedIterable<>(reactive.list());
    }

    /**
     * Lists the notes matching a query ({@code GET /notes}), page by page as they are consumed.
     *
     * @param query the filters (ids positive) and the page size (1 to {@value NoteQuery#MAX_PAGE_SIZE})
     * @return the notes; throws {@link IllegalArgumentException} before sending when the query is invalid,
     *         and with an {@link io.affinity.client.error.AffinityException} when a call fails
     */
    public PagedIterable<Note> list(NoteQuery query) {
        return new PagedIterable<>(reactive.list(query));
    }

    /**
     * Gets one note ({@code GET /notes/{note_id}}).
     *
     * @param noteId the note's id, positive
     * @return the note; throws {@link IllegalArgumentException} before sending on an invalid id, with a
     *         {@link io.affinity.client.error.NotFoundException} when there is no such note, and with an
     *         {@link io.affinity.client.error.AffinityException} when the call fails otherwise
     */
    public Note get(long noteId) {
        return Blocking.call(reactive.get(noteId));
    }

    /**
     * Creates a note ({@code POST /notes}), sent as JSON.
     *
     * <p>Checked before sending: {@code content} not blank; at least one of {@code personIds},
     * {@code organizationIds}, {@code opportunityIds} (non-empty) or {@code parentId}; all ids positive;
     * {@code type} only {@link NoteType#PLAIN_TEXT} (0) or {@link NoteType#HTML} (2); {@code createdAt} not in
     * the future. With a {@code parentId} the note is a reply and the server ignores the entity ids.
     *
     * @param request the note
     * @return the note created; throws {@link IllegalArgumentException} before sending when the request
     *         breaks these rules, and with an {@link io.affinity.client.error.AffinityException} when the call
     *         fails
     */
    public Note create(CreateNoteRequest request) {
        return Blocking.call(reactive.create(request));
    }

    /**
     * Replaces the content of a note ({@code PUT /notes/{note_id}}). Notes with mentions or attached to an email
     * cannot be updated, and the type of a note cannot change.
     *
     * @param noteId  the note's id, positive
     * @param request the new content, not blank
     * @return the note updated; throws {@link IllegalArgumentException} before sending on invalid
     *         arguments, and with an {@link io.affinity.client.error.AffinityException} when the call fails
     */
    public Note update(long noteId, UpdateNoteRequest request) {
        return Blocking.call(reactive.update(noteId, request));
    }

    /**
     * Deletes a note ({@code DELETE /notes/{note_id}}); only its creator can.
     *
     * @param noteId the note's id, positive
     * @throws IllegalArgumentException before sending, on an invalid id
     * @throws io.affinity.client.error.UnsuccessfulOperationException when the server did not confirm the deletion
     * @throws io.affinity.client.error.AffinityException when the call fails
     */
    public void delete(long noteId) {
        Blocking.run(reactive.delete(noteId));
    }
}
