package io.affinity.client;

import static io.affinity.client.RequestAssertions.assertJsonBody;
import static io.affinity.client.RequestAssertions.assertOnlyRequest;
import static io.affinity.client.RequestAssertions.assertRejectedBeforeSending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.affinity.client.RequestAssertions.Call;
import io.affinity.client.error.NotFoundException;
import io.affinity.client.error.UnsuccessfulOperationException;
import io.affinity.client.error.ValidationException;
import io.affinity.client.query.FieldQuery;
import io.affinity.model.CreateFieldRequest;
import io.affinity.model.Field;
import io.affinity.model.FieldEntityType;
import io.affinity.model.FieldValueType;
import io.affinity.testkit.Failure;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

class FieldsTest extends ResourceTest {

    @Test
    void listWithoutFiltersSendsNoParameters() {
        StepVerifier.create(client.fields().list().map(Field::id).take(3))
                .expectNext(1234L, 5678L, 4321L)
                .expectComplete()
                .verify(TIMEOUT);

        assertOnlyRequest(server, "getFields", Map.of());
    }

    @Test
    void listSendsEveryFilter() {
        client.fields()
                .list(FieldQuery.builder()
                        .listId(11)
                        .valueType(FieldValueType.NUMBER)
                        .entityType(FieldEntityType.OPPORTUNITY)
                        .withModifiedNames(true)
                        .excludeDropdownOptions(true)
                        .build())
                .blockLast(TIMEOUT);

        assertOnlyRequest(
                server,
                "getFields",
                Map.of(
                        "list_id", "11",
                        "value_type", "3",
                        "entity_type", "8",
                        "with_modified_names", "true",
                        "exclude_dropdown_options", "true"));
    }

    @Test
    void listSendsOnlyTheFiltersSet() {
        client.fields()
                .list(FieldQuery.builder()
                        .valueType(FieldValueType.RANKED_DROPDOWN)
                        .withModifiedNames(false)
                        .build())
                .blockLast(TIMEOUT);

        assertOnlyRequest(server, "getFields", Map.of("value_type", "7", "with_modified_names", "false"));
    }

    @Test
    void createSendsTheField() {
        StepVerifier.create(client.fields()
                        .create(CreateFieldRequest.builder()
                                .name("[Deals] Amount")
                                .listId(11L)
                                .entityType(FieldEntityType.ORGANIZATION)
                                .valueType(FieldValueType.NUMBER)
                                .allowsMultiple(false)
                                .isListSpecific(true)
                                .build()))
                .assertNext(field -> {
                    assertEquals(59L, field.id());
                    assertEquals(FieldValueType.NUMBER, field.valueType());
                })
                .expectComplete()
                .verify(TIMEOUT);

        assertJsonBody(
                "{\"name\": \"[Deals] Amount\", \"list_id\": 11, \"entity_type\": 1, \"value_type\": 3,"
                        + " \"allows_multiple\": false, \"is_list_specific\": true}",
                server.journal().requests("createField").get(0));
    }

    @Test
    void aRejectedCreateFailsWithTheServersMessage() {
        server.failNext("createField", 1, Failure.status(422, "Name has already been taken"));

        StepVerifier.create(client.fields()
                        .create(CreateFieldRequest.builder()
                                .name("Status")
                                .entityType(FieldEntityType.PERSON)
                                .valueType(FieldValueType.TEXT)
                                .build()))
                .expectErrorSatisfies(error -> assertEquals(
                        "Name has already been taken",
                        assertInstanceOf(ValidationException.class, error)
                                .serverMessage()
                                .orElse("")))
                .verify(TIMEOUT);
    }

    @Test
    void deleteCompletesOnSuccess() {
        StepVerifier.create(client.fields().delete(1234)).expectComplete().verify(TIMEOUT);

        assertEquals(
                "/fields/1234", server.journal().requests("deleteField").get(0).path());
    }

    @Test
    void deleteOfAMissingFieldFailsWithNotFound() {
        server.failNext("deleteField", 1, Failure.status(404));

        StepVerifier.create(client.fields().delete(1234))
                .expectError(NotFoundException.class)
                .verify(TIMEOUT);
    }

    @Test
    void deleteFailsWhenTheServerReportsNoSuccess() {
        server.override("deleteField", 200, "{\"success\": false}");

        StepVerifier.create(client.fields().delete(1234))
                .expectError(UnsuccessfulOperationException.class)
                .verify(TIMEOUT);
    }

    static Stream<Call> invalidCalls() {
        return Stream.of(
                new Call("list without query", c -> c.fields().list(null), "query"),
                new Call(
                        "list with list id 0",
                        c -> c.fields().list(FieldQuery.builder().listId(0).build()),
                        "listId"),
                new Call("create without request", c -> c.fields().create(null), "request"),
                new Call(
                        "create with a blank name",
                        c -> c.fields()
                                .create(CreateFieldRequest.builder()
                                        .name("")
                                        .entityType(FieldEntityType.PERSON)
                                        .valueType(FieldValueType.TEXT)
                                        .build()),
                        "name"),
                new Call(
                        "create with list id -1",
                        c -> c.fields()
                                .create(CreateFieldRequest.builder()
                                        .name("Amount")
                                        .entityType(FieldEntityType.PERSON)
                                        .valueType(FieldValueType.TEXT)
                                        .listId(-1L)
                                        .build()),
                        "listId"),
                new Call(
                        "create list-specific without list id",
                        c -> c.fields()
                                .create(CreateFieldRequest.builder()
                                        .name("Amount")
                                        .entityType(FieldEntityType.PERSON)
                                        .valueType(FieldValueType.NUMBER)
                                        .isListSpecific(true)
                                        .build()),
                        "listId"),
                new Call("delete with id 0", c -> c.fields().delete(0), "fieldId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCalls")
    void badArgumentsAreRejectedBeforeAnythingIsSent(Call call) {
        assertRejectedBeforeSending(server, client, call);
    }
}
