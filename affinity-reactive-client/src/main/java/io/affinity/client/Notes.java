package io.affinity.client;

import io.affinity.client.internal.ApiEngine;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.ResponseType;
import io.affinity.client.internal.check.Args;
import io.affinity.client.paging.Page;
import io.affinity.client.paging.PagedFlux;
import io.affinity.client.query.NoteQuery;
import io.affinity.model.CreateNoteRequest;
import io.affinity.model.Note;
import io.affinity.model.NoteType;
import io.affinity.model.UpdateNoteRequest;
import io.affinity.model.wire.NotesPage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Notes attached to persons, organizations and opportunities, and replies to them. Reached through
 * {@link AffinityClient#notes()}.
 */
public final class Notes {

    private static final ResponseType<NotesPage> NOTES_PAGE = ResponseType.of(NotesPage.class);
    private static final ResponseType<Note> NOTE = ResponseType.of(Note.class);

    private final ApiEngine engine;

    Notes(ApiEngine engine) {
        this.engine = engine;
    }

    /**
     * Lists every note you can see ({@code GET /notes}), page by page as they are consumed.
     *
     * @return the notes
     */
    public PagedFlux<Note> list() {
        return list(NoteQuery.builder().build());
    }

    /**
     * Lists the notes matching a query ({@code GET /notes}), page by page as they are consumed.
     *
     * @param query the filters (ids positive) and the page size (1 to {@value NoteQuery#MAX_PAGE_SIZE})
     * @return the notes; fails with {@link IllegalArgumentException} before sending when the query is invalid,
     *         and with an {@link io.affinity.client.error.AffinityException} when a call fails
     */
    public PagedFlux<Note> list(NoteQuery query) {
        return engine.paged(
                () -> {
                    Args.notNull("query", query);
                    ApiRequest.Builder request = ApiRequest.get("/notes")
                            .query("person_id", OptionalArgs.positive("personId", query.personId()))
                            .query("organization_id", OptionalArgs.positive("organizationId", query.organizationId()))
                            .query("opportunity_id", OptionalArgs.positive("opportunityId", query.opportunityId()))
                            .query("creator_id", OptionalArgs.positive("creatorId", query.creatorId()));
                    SearchParams.pageSize(request, query.pageSize());
                    return request.build();
                },
                NOTES_PAGE,
                page -> Page.of(page.notes(), page.nextPageToken().orElse(null)));
    }

    /**
     * Gets one note ({@code GET /notes/{note_id}}).
     *
     * @param noteId the note's id, positive
     * @return the note; fails with {@link IllegalArgumentException} before sending on an invalid id, with a
     *         {@link io.affinity.client.error.NotFoundException} when there is no such note, and with an
     *         {@link io.affinity.client.error.AffinityException} when the call fails otherwise
     */
    public Mono<Note> get(long noteId) {
        return engine.mono(
                () -> ApiRequest.get("/notes/{note_id}")
                        .pathParam("note_id", Args.positive("noteId", noteId))
                        .build(),
                NOTE);
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
     * @return the note created; fails with {@link IllegalArgumentException} before sending when the request
     *         breaks these rules, and with an {@link io.affinity.client.error.AffinityException} when the call
     *         fails
     */
    public Mono<Note> create(CreateNoteRequest request) {
        return engine.mono(
                () -> {
                    Args.notNull("request", request);
                    Args.notBlank("content", request.content());
                    SearchParams.positiveIds("personIds", request.personIds());
                    SearchParams.positiveIds("organizationIds", request.organizationIds());
                    SearchParams.positiveIds("opportunityIds", request.opportunityIds());
                    OptionalArgs.positive("parentId", request.parentId());
                    OptionalArgs.positive("creatorId", request.creatorId());
                    Args.check(
                            !request.personIds().orElse(List.of()).isEmpty()
                                    || !request.organizationIds()
                                            .orElse(List.of())
                                            .isEmpty()
                                    || !request.opportunityIds()
                                            .orElse(List.of())
                                            .isEmpty()
                                    || request.parentId().isPresent(),
                            "personIds, organizationIds, opportunityIds, parentId",
                            "at least one must be set");
                    Optional<NoteType> type = request.type();
                    Args.check(
                            type.isEmpty()
                                    || type.get().equals(NoteType.PLAIN_TEXT)
                                    || type.get().equals(NoteType.HTML),
                            "type",
                            "must be PLAIN_TEXT (0) or HTML (2) when creating a note, was " + type.orElse(null));
                    Optional<OffsetDateTime> createdAt = request.createdAt();
                    Args.check(
                            createdAt.isEmpty() || !createdAt.get().toInstant().isAfter(Instant.now()),
                            "createdAt",
                            "must not be in the future, was " + createdAt.orElse(null));
                    return ApiRequest.post("/notes").jsonBody(request).build();
                },
                NOTE);
    }

    /**
     * Replaces the content of a note ({@code PUT /notes/{note_id}}). Notes with mentions or attached to an email
     * cannot be updated, and the type of a note cannot change.
     *
     * @param noteId  the note's id, positive
     * @param request the new content, not blank
     * @return the note updated; fails with {@link IllegalArgumentException} before sending on invalid
     *         arguments, and with an {@link io.affinity.client.error.AffinityException} when the call fails
     */
    public Mono<Note> update(long noteId, UpdateNoteRequest request) {
        return engine.mono(
                () -> {
                    long id = Args.positive("noteId", noteId);
                    Args.notNull("request", request);
                    Args.notBlank("content", request.content());
                    return ApiRequest.put("/notes/{note_id}")
                            .pathParam("note_id", id)
                            .jsonBody(request)
                            .build();
                },
                NOTE);
    }

    /**
     * Deletes a note ({@code DELETE /notes/{note_id}}); only its creator can.
     *
     * @param noteId the note's id, positive
     * @return completes when the server confirmed the deletion; fails with {@link IllegalArgumentException}
     *         before sending on an invalid id, with an
     *         {@link io.affinity.client.error.UnsuccessfulOperationException} when the server did not confirm it,
     *         and with an {@link io.affinity.client.error.AffinityException} when the call fails
     */
    public Mono<Void> delete(long noteId) {
        return Deletion.send(
                engine,
                () -> ApiRequest.delete("/notes/{note_id}")
                        .pathParam("note_id", Args.positive("noteId", noteId))
                        .build());
    }
}
