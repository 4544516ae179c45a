package io.affinity.client;

import static io.affinity.client.RequestAssertions.assertJsonBody;
import static io.affinity.client.RequestAssertions.assertOnlyRequest;
import static io.affinity.client.RequestAssertions.assertPagesRepeatTheFirstQuery;
import static io.affinity.client.RequestAssertions.assertRejectedBeforeSending;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.affinity.client.RequestAssertions.Call;
import io.affinity.client.error.NotFoundException;
import io.affinity.client.error.UnsuccessfulOperationException;
import io.affinity.client.query.NoteQuery;
import io.affinity.model.CreateNoteRequest;
import io.affinity.model.ImmutableCreateNoteRequest;
import io.affinity.model.Note;
import io.affinity.model.NoteType;
import io.affinity.model.UpdateNoteRequest;
import io.affinity.testkit.Dataset;
import io.affinity.testkit.RecordedRequest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

class NotesTest extends ResourceTest {

    @Test
    void listsEveryNotePageByPage() {
        server.seed(Dataset.builder().notes(1_050).build());

        List<Note> notes = client.notes().list().collectList().block(TIMEOUT);

        assertEquals(
                seededIds(Dataset.NOTE_BASE, 1, 1_050),
                notes.stream().map(Note::id).toList());
        List<RecordedRequest> pages = server.journal().requests("getNotes");
        assertEquals(3, pages.size(), "the server's default page size of 500");
        assertPagesRepeatTheFirstQuery(pages);
        assertEquals(Map.of(), pages.get(0).query());
    }

    @Test
    void sendsThePageSizeOnEveryPageAndStopsWithDemand() {
        server.seed(Dataset.builder().notes(30).build());

        List<Note> notes = client.notes()
                .list(NoteQuery.builder().pageSize(10).build())
                .take(11)
                .collectList()
                .block(TIMEOUT);

        List<RecordedRequest> pages = server.journal().requests("getNotes");
        assertEquals(11, notes.size());
        assertEquals(2, pages.size(), "11 notes need the second of the three pages, not the third");
        assertEquals(Map.of("page_size", List.of("10")), pages.get(0).query());
        assertPagesRepeatTheFirstQuery(pages);
    }

    @Test
    void sendsEveryFilter() {
        client.notes()
                .list(NoteQuery.builder()
                        .personId(1)
                        .organizationId(2)
                        .opportunityId(3)
                        .creatorId(4)
                        .build())
                .collectList()
                .block(TIMEOUT);

        assertOnlyRequest(
                server,
                "getNotes",
                Map.of("person_id", "1", "organization_id", "2", "opportunity_id", "3", "creator_id", "4"));
    }

    @Test
    void getsOneNote() {
        assertEquals(22984L, client.notes().get(22984).block(TIMEOUT).id());
        assertEquals(
                "/notes/22984", assertOnlyRequest(server, "getNote", Map.of()).path());
    }

    @Test
    void getOfAMissingSeededNoteFailsWithNotFound() {
        server.seed(Dataset.builder().notes(3).build());

        StepVerifier.create(client.notes().get(Dataset.NOTE_BASE + 4))
                .expectError(NotFoundException.class)
                .verify(TIMEOUT);
    }

    @Test
    void createsAnHtmlNoteSendingOnlyWhatWasSet() {
        Note note = client.notes()
                .create(CreateNoteRequest.builder()
                        .content("<p>Met <strong>Jane</strong></p>")
                        .type(NoteType.HTML)
                        .personIds(List.of(38706L, 624289L))
                        .build())
                .block(TIMEOUT);

        assertEquals(22985L, note.id());
        assertJsonBody(
                "{\"content\":\"<p>Met <strong>Jane</strong></p>\",\"type\":2,\"person_ids\":[38706,624289]}",
                assertOnlyRequest(server, "createNote", Map.of()));
    }

    @Test
    void createsAReplyWithOnlyAParentAndAPastCreationTime() {
        client.notes()
                .create(CreateNoteRequest.builder()
                        .content("reply")
                        .parentId(22984L)
                        .createdAt(OffsetDateTime.parse("2017-03-29T00:38:41.275-08:00"))
                        .build())
                .block(TIMEOUT);

        assertJsonBody(
                "{\"content\":\"reply\",\"parent_id\":22984,\"created_at\":\"2017-03-29T00:38:41.275-08:00\"}",
                assertOnlyRequest(server, "createNote", Map.of()));
    }

    @Test
    void updatesTheContentOfANote() {
        client.notes()
                .update(
                        22984,
                        UpdateNoteRequest.builder()
                                .content("Had another meeting")
                                .build())
                .block(TIMEOUT);

        RecordedRequest request = assertOnlyRequest(server, "updateNote", Map.of());
        assertEquals("/notes/22984", request.path());
        assertJsonBody("{\"content\":\"Had another meeting\"}", request);
    }

    @Test
    void deleteCompletesOnSuccessTrueAndFailsVisiblyOtherwise() {
        StepVerifier.create(client.notes().delete(22984)).expectComplete().verify(TIMEOUT);
        assertEquals(
                "/notes/22984",
                assertOnlyRequest(server, "deleteNote", Map.of()).path());

        server.override("deleteNote", 200, "{\"success\": false}");
        StepVerifier.create(client.notes().delete(22984))
                .expectError(UnsuccessfulOperationException.class)
                .verify(TIMEOUT);
    }

    static Stream<Call> invalidCalls() {
        ImmutableCreateNoteRequest note = CreateNoteRequest.builder()
                .content("note")
                .personIds(List.of(1L))
                .build();
        String attachments = "personIds, organizationIds, opportunityIds, parentId";
        return Stream.of(
                new Call("blank content", c -> c.notes().create(note.withContent(" ")), "content"),
                new Call("empty content", c -> c.notes().create(note.withContent("")), "content"),
                new Call(
                        "attached to nothing",
                        c -> c.notes()
                                .create(CreateNoteRequest.builder().content("x").build()),
                        attachments),
                new Call(
                        "attached to empty lists",
                        c -> c.notes()
                                .create(CreateNoteRequest.builder()
                                        .content("x")
                                        .personIds(List.of())
                                        .organizationIds(List.of())
                                        .opportunityIds(List.of())
                                        .build()),
                        attachments),
                new Call("a zero person", c -> c.notes().create(note.withPersonIds(List.of(1L, 0L))), "personIds"),
                new Call(
                        "a negative organization",
                        c -> c.notes().create(note.withOrganizationIds(List.of(-2L))),
                        "organizationIds"),
                new Call(
                        "a zero opportunity",
                        c -> c.notes().create(note.withOpportunityIds(List.of(0L))),
                        "opportunityIds"),
                new Call("a zero parent", c -> c.notes().create(note.withParentId(0L)), "parentId"),
                new Call("a zero creator", c -> c.notes().create(note.withCreatorId(0L)), "creatorId"),
                new Call(
                        "created tomorrow",
                        c -> c.notes()
                                .create(note.withCreatedAt(OffsetDateTime.now().plusDays(1))),
                        "createdAt"),
                new Call("an email note", c -> c.notes().create(note.withType(NoteType.EMAIL)), "type"),
                new Call("an AI summary", c -> c.notes().create(note.withType(NoteType.AI_MEETING_SUMMARY)), "type"),
                new Call("an unknown type", c -> c.notes().create(note.withType(NoteType.of(7))), "type"),
                new Call("create null", c -> c.notes().create(null), "request"),
                new Call("get zero", c -> c.notes().get(0), "noteId"),
                new Call(
                        "update zero",
                        c -> c.notes()
                                .update(
                                        0,
                                        UpdateNoteRequest.builder().content("x").build()),
                        "noteId"),
                new Call(
                        "update blank",
                        c -> c.notes()
                                .update(
                                        1,
                                        UpdateNoteRequest.builder()
                                                .content("\t")
                                                .build()),
                        "content"),
                new Call("update null", c -> c.notes().update(1, null), "request"),
                new Call("delete negative", c -> c.notes().delete(-1), "noteId"),
                new Call(
                        "list zero person",
                        c -> c.notes().list(NoteQuery.builder().personId(0).build()),
                        "personId"),
                new Call(
                        "list zero organization",
                        c -> c.notes()
                                .list(NoteQuery.builder().organizationId(0).build()),
                        "organizationId"),
                new Call(
                        "list zero opportunity",
                        c -> c.notes().list(NoteQuery.builder().opportunityId(0).build()),
                        "opportunityId"),
                new Call(
                        "list zero creator",
                        c -> c.notes().list(NoteQuery.builder().creatorId(0).build()),
                        "creatorId"),
                new Call(
                        "list page size 501",
                        c -> c.notes().list(NoteQuery.builder().pageSize(501).build()),
                        "pageSize"),
                new Call(
                        "list page size 0",
                        c -> c.notes().list(NoteQuery.builder().pageSize(0).build()),
                        "pageSize"),
                new Call("list null", c -> c.notes().list(null), "query"));
    }

    @ParameterizedTest
    @MethodSource("invalidCalls")
    void invalidArgumentsAreRejectedBeforeSending(Call call) {
        assertRejectedBeforeSending(server, client, call);
    }
}
