package io.affinity.client;

import static io.affinity.client.RequestAssertions.assertJsonBody;
import static io.affinity.client.RequestAssertions.assertOnlyRequest;
import static io.affinity.client.RequestAssertions.assertRejectedBeforeSending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.RequestAssertions.Call;
import io.affinity.client.error.UnsuccessfulOperationException;
import io.affinity.client.query.FieldValueQuery;
import io.affinity.model.CreateFieldValueRequest;
import io.affinity.model.FieldValue;
import io.affinity.model.ImmutableCreateFieldValueRequest;
import io.affinity.model.UpdateFieldValueRequest;
import io.affinity.model.value.FieldValueData;
import io.affinity.testkit.Dataset;
import io.affinity.testkit.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

class FieldValuesTest extends ResourceTest {

    @Test
    void listsTheFieldValuesOfOneEntity() {
        List<FieldValue> values = client.fieldValues()
                .list(FieldValueQuery.builder().personId(38706).build())
                .collectList()
                .block(TIMEOUT);

        assertEquals(
                List.of(250616L, 2634897436L, 32760L),
                values.stream().map(FieldValue::id).toList());
        assertEquals(
                FieldValueData.text("Software Engineer"), values.get(1).value().orElseThrow());
        assertOnlyRequest(server, "getFieldValues", Map.of("person_id", "38706"));
    }

    @Test
    void listsTheSeededFieldValuesOfAPerson() {
        server.seed(Dataset.builder().persons(1).fieldValues(3).build());

        List<FieldValue> values = client.fieldValues()
                .list(FieldValueQuery.builder()
                        .personId(Dataset.PERSON_BASE + 1)
                        .build())
                .collectList()
                .block(TIMEOUT);

        assertEquals(3, values.size(), values.toString());
        values.forEach(value -> assertEquals(Dataset.PERSON_BASE + 1, value.entityId()));
        assertOnlyRequest(server, "getFieldValues", Map.of("person_id", Long.toString(Dataset.PERSON_BASE + 1)));
    }

    @Test
    void createsAFieldValueSendingOnlyWhatWasSet() {
        FieldValue created = client.fieldValues()
                .create(CreateFieldValueRequest.builder()
                        .fieldId(1284L)
                        .entityId(38706L)
                        .value(FieldValueData.text("Architecture"))
                        .build())
                .block(TIMEOUT);

        assertEquals(20406836L, created.id());
        RecordedRequest request = assertOnlyRequest(server, "createFieldValue", Map.of());
        assertJsonBody("{\"field_id\":1284,\"entity_id\":38706,\"value\":\"Architecture\"}", request);
    }

    @Test
    void updatesAFieldValueById() {
        FieldValue updated = client.fieldValues()
                .update(
                        20406836L,
                        UpdateFieldValueRequest.builder()
                                .value(FieldValueData.text("Healthcare"))
                                .build())
                .block(TIMEOUT);

        assertEquals(FieldValueData.text("Healthcare"), updated.value().orElseThrow());
        RecordedRequest request = assertOnlyRequest(server, "updateFieldValue", Map.of());
        assertEquals("/field-values/20406836", request.path());
        assertJsonBody("{\"value\":\"Healthcare\"}", request);
    }

    @Test
    void deleteCompletesOnSuccessTrue() {
        StepVerifier.create(client.fieldValues().delete(20406836L))
                .expectComplete()
                .verify(TIMEOUT);

        assertEquals(
                "/field-values/20406836",
                assertOnlyRequest(server, "deleteFieldValue", Map.of()).path());
    }

    @Test
    void deleteFailsVisiblyOnSuccessFalse() {
        server.override("deleteFieldValue", 200, "{\"success\": false}");

        StepVerifier.create(client.fieldValues().delete(20406836L))
                .expectErrorSatisfies(error -> {
                    assertInstanceOf(UnsuccessfulOperationException.class, error);
                    assertTrue(error.getMessage().contains("DELETE /field-values/20406836"), error.getMessage());
                })
                .verify(TIMEOUT);
    }

    static Stream<Call> invalidCalls() {
        ImmutableCreateFieldValueRequest valid = CreateFieldValueRequest.builder()
                .fieldId(1L)
                .entityId(2L)
                .value(FieldValueData.number(3))
                .build();
        return Stream.of(
                new Call(
                        "no entity",
                        c -> c.fieldValues().list(FieldValueQuery.builder().build()),
                        "personId, organizationId, opportunityId, listEntryId"),
                new Call(
                        "two entities",
                        c -> c.fieldValues()
                                .list(FieldValueQuery.builder()
                                        .personId(1)
                                        .listEntryId(2)
                                        .build()),
                        "personId, organizationId, opportunityId, listEntryId"),
                new Call("null query", c -> c.fieldValues().list(null), "query"),
                new Call(
                        "zero person",
                        c -> c.fieldValues()
                                .list(FieldValueQuery.builder().personId(0).build()),
                        "personId"),
                new Call(
                        "negative organization",
                        c -> c.fieldValues()
                                .list(FieldValueQuery.builder()
                                        .organizationId(-1)
                                        .build()),
                        "organizationId"),
                new Call(
                        "negative opportunity",
                        c -> c.fieldValues()
                                .list(FieldValueQuery.builder()
                                        .opportunityId(-1)
                                        .build()),
                        "opportunityId"),
                new Call(
                        "zero list entry",
                        c -> c.fieldValues()
                                .list(FieldValueQuery.builder().listEntryId(0).build()),
                        "listEntryId"),
                new Call("create zero field", c -> c.fieldValues().create(valid.withFieldId(0L)), "fieldId"),
                new Call("create zero entity", c -> c.fieldValues().create(valid.withEntityId(0L)), "entityId"),
                new Call(
                        "create zero list entry",
                        c -> c.fieldValues().create(valid.withListEntryId(0L)),
                        "listEntryId"),
                new Call("create null", c -> c.fieldValues().create(null), "request"),
                new Call(
                        "update zero id",
                        c -> c.fieldValues()
                                .update(
                                        0,
                                        UpdateFieldValueRequest.builder()
                                                .value(FieldValueData.number(1))
                                                .build()),
                        "fieldValueId"),
                new Call("update null", c -> c.fieldValues().update(1, null), "request"),
                new Call("delete negative id", c -> c.fieldValues().delete(-5), "fieldValueId"));
    }

    @ParameterizedTest
    @MethodSource("invalidCalls")
    void invalidArgumentsAreRejectedBeforeSending(Call call) {
        assertRejectedBeforeSending(server, client, call);
    }
}
