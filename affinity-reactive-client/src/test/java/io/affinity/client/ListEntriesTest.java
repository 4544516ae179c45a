package io.affinity.client;

import static io.affinity.client.RequestAssertions.assertJsonBody;
import static io.affinity.client.RequestAssertions.assertOnlyRequest;
import static io.affinity.client.RequestAssertions.assertPagesRepeatTheFirstQuery;
import static io.affinity.client.RequestAssertions.assertRejectedBeforeSending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.RequestAssertions.Call;
import io.affinity.client.error.NotFoundException;
import io.affinity.client.error.UnsuccessfulOperationException;
import io.affinity.client.error.ValidationException;
import io.affinity.client.paging.Page;
import io.affinity.model.CreateListEntryRequest;
import io.affinity.model.ListEntry;
import io.affinity.testkit.Dataset;
import io.affinity.testkit.Failure;
import io.affinity.testkit.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

class ListEntriesTest extends ResourceTest {

    private static final long LIST = Dataset.LIST_BASE + 1;

    @Test
    void theWalkAlwaysSendsPageSize500AndReturnsEveryEntryOnce() {
        server.seed(Dataset.builder().lists(1, 1_234).build());

        List<ListEntry> entries = client.listEntries().list(LIST).collectList().block(TIMEOUT);

        assertEquals(
                seededIds(Dataset.LIST_ENTRY_BASE, 1, 1_234),
                entries.stream().map(ListEntry::id).toList());
        List<RecordedRequest> pages = server.journal().requests("getListEntries");
        assertEquals(3, pages.size());
        pages.forEach(page -> assertEquals(List.of("500"), page.query().get("page_size"), page.toString()));
        assertPagesRepeatTheFirstQuery(pages);
        assertEquals(Map.of("page_size", List.of("500")), pages.get(0).query());
    }

    @Test
    void takeOneOnATenPageDatasetSendsExactlyOneRequest() {
        server.seed(Dataset.builder().lists(1, 100).build());

        StepVerifier.create(client.listEntries().list(LIST, 10).take(1))
                .assertNext(entry -> assertEquals(Dataset.LIST_ENTRY_BASE + 1, entry.id()))
                .expectComplete()
                .verify(TIMEOUT);

        assertEquals(1, server.journal().size(), server.journal().requests().toString());
        assertOnlyRequest(server, "getListEntries", Map.of("page_size", "10"));
    }

    @Test
    void aFullWalkOfTenPagesRepeatsIdenticalParametersChangingOnlyThePageToken() {
        server.seed(Dataset.builder().lists(1, 100).build());

        StepVerifier.create(client.listEntries().list(LIST, 10))
                .expectNextCount(100)
                .expectComplete()
                .verify(TIMEOUT);

        List<RecordedRequest> pages = server.journal().requests("getListEntries");
        assertEquals(10, pages.size());
        pages.forEach(page -> assertEquals(List.of("10"), page.query().get("page_size")));
        assertPagesRepeatTheFirstQuery(pages);
    }

    @Test
    void aSubscriberAskingForOneEntryAtATimeFetchesAPageOnlyWhenThePreviousOneIsUsedUp() {
        server.seed(Dataset.builder().lists(1, 30).build());

        StepVerifier.create(client.listEntries().list(LIST, 2), 1)
                .expectNextCount(1)
                .then(() -> assertEquals(1, server.journal().size()))
                .thenRequest(1)
                .expectNextCount(1)
                .then(() -> assertEquals(1, server.journal().size()))
                .thenRequest(1)
                .expectNextCount(1)
                .then(() -> assertEquals(2, server.journal().size()))
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void anEmptyLastPageWithoutTokenEndsTheWalk() {
        server.seed(Dataset.builder().lists(1, 1_000).emptyLastPage(true).build());

        StepVerifier.create(client.listEntries().list(LIST))
                .expectNextCount(1_000)
                .expectComplete()
                .verify(TIMEOUT);

        assertEquals(3, server.journal().count("getListEntries"));
    }

    @Test
    void aWalkResumesFromASavedToken() {
        server.seed(Dataset.builder().lists(1, 25).build());
        Page<ListEntry> first =
                client.listEntries().list(LIST, 10).byPage().take(1).single().block(TIMEOUT);
        String token = first.nextPageToken().orElseThrow();
        assertEquals(1, server.journal().count("getListEntries"));

        List<Long> rest = client.listEntries()
                .list(LIST, 10)
                .byPage(token)
                .flatMapIterable(Page::items)
                .map(ListEntry::id)
                .collectList()
                .block(TIMEOUT);

        assertEquals(seededIds(Dataset.LIST_ENTRY_BASE, 11, 25), rest);
        assertEquals(3, server.journal().count("getListEntries"));
    }

    @Test
    void theEntriesOfAListThatDoesNotExistFailWithNotFound() {
        server.seed(Dataset.builder().lists(1, 3).build());

        StepVerifier.create(client.listEntries().list(LIST + 50))
                .expectErrorSatisfies(error -> {
                    NotFoundException notFound = assertInstanceOf(NotFoundException.class, error);
                    assertEquals("/lists/" + (LIST + 50) + "/list-entries", notFound.path());
                    assertEquals(404, notFound.statusCode().getAsInt());
                })
                .verify(TIMEOUT);
    }

    @Test
    void getReturnsTheEntry() {
        server.seed(Dataset.builder().lists(2, 3).build());
        long entryId = Dataset.LIST_ENTRY_BASE + 5; // the second entry of the second list

        StepVerifier.create(client.listEntries().get(LIST + 1, entryId))
                .assertNext(entry -> {
                    assertEquals(entryId, entry.id());
                    assertEquals(LIST + 1, entry.listId());
                })
                .expectComplete()
                .verify(TIMEOUT);
        assertEquals(
                "/lists/" + (LIST + 1) + "/list-entries/" + entryId,
                server.journal().requests("getListEntry").get(0).path());
    }

    @Test
    void getOfAMissingEntryFailsWithNotFound() {
        server.seed(Dataset.builder().lists(1, 3).build());

        StepVerifier.create(client.listEntries().get(LIST, Dataset.LIST_ENTRY_BASE + 99))
                .expectError(NotFoundException.class)
                .verify(TIMEOUT);
    }

    @Test
    void createSendsTheEntityAndTheCreator() {
        StepVerifier.create(client.listEntries()
                        .create(
                                450,
                                CreateListEntryRequest.builder()
                                        .entityId(38706L)
                                        .creatorId(38596L)
                                        .build()))
                .assertNext(entry -> {
                    assertEquals(53510L, entry.id());
                    assertEquals(38706L, entry.entityId());
                })
                .expectComplete()
                .verify(TIMEOUT);

        RecordedRequest request = server.journal().requests("createListEntry").get(0);
        assertEquals("/lists/450/list-entries", request.path());
        assertJsonBody("{\"entity_id\": 38706, \"creator_id\": 38596}", request);
    }

    @Test
    void createSendsOnlyWhatWasSet() {
        client.listEntries()
                .create(450, CreateListEntryRequest.builder().entityId(38706L).build())
                .block(TIMEOUT);

        assertJsonBody(
                "{\"entity_id\": 38706}",
                server.journal().requests("createListEntry").get(0));
    }

    @Test
    void aRejectedCreateFailsWithTheServersMessage() {
        server.failNext("createListEntry", 1, Failure.status(422, "Entity not found"));

        StepVerifier.create(client.listEntries()
                        .create(
                                450,
                                CreateListEntryRequest.builder().entityId(1L).build()))
                .expectErrorSatisfies(error -> {
                    ValidationException invalid = assertInstanceOf(ValidationException.class, error);
                    assertTrue(invalid.serverMessage().orElse("").contains("Entity not found"), invalid.getMessage());
                })
                .verify(TIMEOUT);
    }

    @Test
    void deleteCompletesOnSuccess() {
        StepVerifier.create(client.listEntries().delete(450, 56517))
                .expectComplete()
                .verify(TIMEOUT);

        RecordedRequest request = server.journal().requests("deleteListEntry").get(0);
        assertEquals("DELETE", request.method());
        assertEquals("/lists/450/list-entries/56517", request.path());
    }

    @Test
    void deleteFailsWhenTheServerDoesNotReportSuccess() {
        server.override("deleteListEntry", 200, "{\"success\": false}");

        StepVerifier.create(client.listEntries().delete(450, 56517))
                .expectErrorSatisfies(error -> {
                    UnsuccessfulOperationException failed =
                            assertInstanceOf(UnsuccessfulOperationException.class, error);
                    assertEquals("DELETE", failed.method());
                    assertEquals("/lists/450/list-entries/56517", failed.path());
                })
                .verify(TIMEOUT);
    }

    static Stream<Call> invalidCalls() {
        CreateListEntryRequest valid =
                CreateListEntryRequest.builder().entityId(1L).build();
        return Stream.of(
                new Call("list with list id 0", c -> c.listEntries().list(0), "listId"),
                new Call("list with a negative list id", c -> c.listEntries().list(-3, 10), "listId"),
                new Call("list with page size 0", c -> c.listEntries().list(1, 0), "pageSize"),
                new Call("list with page size 501", c -> c.listEntries().list(1, 501), "pageSize"),
                new Call(
                        "list by page with page size 501",
                        c -> c.listEntries().list(1, 501).byPage(),
                        "pageSize"),
                new Call("get with list id 0", c -> c.listEntries().get(0, 1), "listId"),
                new Call("get with list entry id 0", c -> c.listEntries().get(1, 0), "listEntryId"),
                new Call("create with list id 0", c -> c.listEntries().create(0, valid), "listId"),
                new Call("create without request", c -> c.listEntries().create(1, null), "request"),
                new Call(
                        "create with entity id 0",
                        c -> c.listEntries()
                                .create(
                                        1,
                                        CreateListEntryRequest.builder()
                                                .entityId(0L)
                                                .build()),
                        "entityId"),
                new Call(
                        "create with a negative creator id",
                        c -> c.listEntries()
                                .create(
                                        1,
                                        CreateListEntryRequest.builder()
                                                .entityId(1L)
                                                .creatorId(-1L)
                                                .build()),
                        "creatorId"),
                new Call("delete with list id -1", c -> c.listEntries().delete(-1, 1), "listId"),
                new Call("delete with list entry id 0", c -> c.listEntries().delete(1, 0), "listEntryId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCalls")
    void badArgumentsAreRejectedBeforeAnythingIsSent(Call call) {
        assertRejectedBeforeSending(server, client, call);
    }
}
