package io.affinity.client;

import static io.affinity.client.RequestAssertions.assertJsonBody;
import static io.affinity.client.RequestAssertions.assertOnlyRequest;
import static io.affinity.client.RequestAssertions.assertRejectedBeforeSending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.RequestAssertions.Call;
import io.affinity.client.error.NotFoundException;
import io.affinity.client.error.PermissionDeniedException;
import io.affinity.client.error.ValidationException;
import io.affinity.model.AffinityList;
import io.affinity.model.CreateListRequest;
import io.affinity.model.ListLevelRole;
import io.affinity.model.ListPermission;
import io.affinity.model.ListType;
import io.affinity.testkit.Dataset;
import io.affinity.testkit.Failure;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

class ListsTest extends ResourceTest {

    @Test
    void listReturnsEveryList() {
        StepVerifier.create(client.lists().list())
                .assertNext(list -> {
                    assertEquals(450L, list.id());
                    assertEquals(ListType.PERSON, list.type());
                    assertEquals("My List of People", list.name());
                })
                .assertNext(list -> assertEquals(ListType.ORGANIZATION, list.type()))
                .expectComplete()
                .verify(TIMEOUT);

        assertOnlyRequest(server, "getLists", Map.of());
    }

    @Test
    void listReturnsTheSeededLists() {
        server.seed(Dataset.builder().lists(3, 2).build());

        StepVerifier.create(client.lists().list().map(AffinityList::type))
                .expectNext(ListType.PERSON, ListType.ORGANIZATION, ListType.OPPORTUNITY)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void getReturnsTheListWithItsFields() {
        StepVerifier.create(client.lists().get(450))
                .assertNext(list -> {
                    assertEquals(450L, list.id());
                    assertEquals(
                            List.of(1625L, 1626L),
                            list.fields().stream().map(f -> f.id()).toList());
                })
                .expectComplete()
                .verify(TIMEOUT);

        assertEquals(
                "/lists/450", assertOnlyRequest(server, "getList", Map.of()).path());
    }

    @Test
    void getOfAMissingListFailsWithNotFound() {
        server.seed(Dataset.builder().lists(1, 0).build());

        StepVerifier.create(client.lists().get(Dataset.LIST_BASE + 2))
                .expectErrorSatisfies(error -> {
                    NotFoundException notFound = assertInstanceOf(NotFoundException.class, error);
                    assertEquals("/lists/" + (Dataset.LIST_BASE + 2), notFound.path());
                    assertTrue(notFound.getMessage().contains("404"), notFound.getMessage());
                })
                .verify(TIMEOUT);
    }

    @Test
    void getOfAListYouMayNotSeeFailsWithPermissionDenied() {
        server.failNext("getList", 1, Failure.status(403));

        StepVerifier.create(client.lists().get(450))
                .expectError(PermissionDeniedException.class)
                .verify(TIMEOUT);
    }

    @Test
    void createSendsTheList() {
        CreateListRequest request = CreateListRequest.builder()
                .name("My List of Organizations")
                .type(ListType.ORGANIZATION)
                .isPublic(true)
                .ownerId(38706L)
                .additionalPermissions(List.of(
                        ListPermission.builder()
                                .internalPersonId(38701L)
                                .roleId(ListLevelRole.ADMIN)
                                .build(),
                        ListPermission.builder()
                                .internalPersonId(38703L)
                                .roleId(ListLevelRole.BASIC)
                                .build()))
                .build();

        StepVerifier.create(client.lists().create(request))
                .assertNext(list -> assertEquals(383L, list.id()))
                .expectComplete()
                .verify(TIMEOUT);

        assertJsonBody(
                "{\"name\": \"My List of Organizations\", \"type\": 1, \"is_public\": true, \"owner_id\": 38706,"
                        + " \"additional_permissions\": [{\"internal_person_id\": 38701, \"role_id\": 0},"
                        + " {\"internal_person_id\": 38703, \"role_id\": 1}]}",
                server.journal().requests("createList").get(0));
    }

    @Test
    void createSendsOnlyWhatWasSet() {
        client.lists()
                .create(CreateListRequest.builder()
                        .name("People")
                        .type(ListType.PERSON)
                        .isPublic(false)
                        .build())
                .block(TIMEOUT);

        assertJsonBody(
                "{\"name\": \"People\", \"type\": 0, \"is_public\": false}",
                server.journal().requests("createList").get(0));
    }

    @Test
    void aRejectedCreateFailsWithTheServersMessage() {
        server.failNext("createList", 1, Failure.status(422, "owner_id is not an internal person"));

        StepVerifier.create(client.lists()
                        .create(CreateListRequest.builder()
                                .name("People")
                                .type(ListType.PERSON)
                                .isPublic(true)
                                .ownerId(5L)
                                .build()))
                .expectErrorSatisfies(error -> assertTrue(assertInstanceOf(ValidationException.class, error)
                        .serverMessage()
                        .orElse("")
                        .contains("owner_id is not an internal person")))
                .verify(TIMEOUT);
    }

    static Stream<Call> invalidCalls() {
        return Stream.of(
                new Call("get with id 0", c -> c.lists().get(0), "listId"),
                new Call("get with a negative id", c -> c.lists().get(-450), "listId"),
                new Call("create without request", c -> c.lists().create(null), "request"),
                new Call(
                        "create with a blank name",
                        c -> c.lists()
                                .create(CreateListRequest.builder()
                                        .name(" ")
                                        .type(ListType.PERSON)
                                        .isPublic(true)
                                        .build()),
                        "name"),
                new Call(
                        "create with owner id 0",
                        c -> c.lists()
                                .create(CreateListRequest.builder()
                                        .name("People")
                                        .type(ListType.PERSON)
                                        .isPublic(true)
                                        .ownerId(0L)
                                        .build()),
                        "ownerId"),
                new Call(
                        "create with a permission for person 0",
                        c -> c.lists()
                                .create(CreateListRequest.builder()
                                        .name("People")
                                        .type(ListType.PERSON)
                                        .isPublic(true)
                                        .additionalPermissions(List.of(ListPermission.builder()
                                                .internalPersonId(0L)
                                                .roleId(ListLevelRole.BASIC)
                                                .build()))
                                        .build()),
                        "additionalPermissions.internalPersonId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCalls")
    void badArgumentsAreRejectedBeforeAnythingIsSent(Call call) {
        assertRejectedBeforeSending(server, client, call);
    }
}
