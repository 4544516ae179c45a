package io.affinity.client;

import static io.affinity.client.RequestAssertions.assertOnlyRequest;
import static io.affinity.client.RequestAssertions.assertRejectedBeforeSending;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.affinity.client.RequestAssertions.Call;
import io.affinity.client.query.FieldValueChangeQuery;
import io.affinity.model.FieldValueChange;
import io.affinity.model.FieldValueChangeAction;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FieldValueChangesTest extends ResourceTest {

    @Test
    void listsTheChangesOfAFieldWithOnlyTheFieldId() {
        List<FieldValueChange> changes = client.fieldValueChanges()
                .list(FieldValueChangeQuery.builder().fieldId(236333).build())
                .collectList()
                .block(TIMEOUT);

        assertEquals(1, changes.size());
        assertEquals(50822718L, changes.get(0).id());
        assertEquals(FieldValueChangeAction.CREATE, changes.get(0).actionType());
        assertOnlyRequest(server, "getFieldValueChanges", Map.of("field_id", "236333"));
    }

    @Test
    void sendsTheActionTypeAndOneEntityFilter() {
        client.fieldValueChanges()
                .list(FieldValueChangeQuery.builder()
                        .fieldId(236333)
                        .actionType(FieldValueChangeAction.UPDATE)
                        .listEntryId(15709964)
                        .build())
                .collectList()
                .block(TIMEOUT);

        assertOnlyRequest(
                server,
                "getFieldValueChanges",
                Map.of("field_id", "236333", "action_type", "2", "list_entry_id", "15709964"));
    }

    static Stream<Call> invalidCalls() {
        String entities = "personId, organizationId, opportunityId, listEntryId";
        return Stream.of(
                new Call(
                        "no field",
                        c -> c.fieldValueChanges()
                                .list(FieldValueChangeQuery.builder()
                                        .personId(1)
                                        .build()),
                        "fieldId"),
                new Call(
                        "zero field",
                        c -> c.fieldValueChanges()
                                .list(FieldValueChangeQuery.builder().fieldId(0).build()),
                        "fieldId"),
                new Call(
                        "person and organization",
                        c -> c.fieldValueChanges()
                                .list(FieldValueChangeQuery.builder()
                                        .fieldId(1)
                                        .personId(2)
                                        .organizationId(3)
                                        .build()),
                        entities),
                new Call(
                        "opportunity and list entry",
                        c -> c.fieldValueChanges()
                                .list(FieldValueChangeQuery.builder()
                                        .fieldId(1)
                                        .opportunityId(2)
                                        .listEntryId(3)
                                        .build()),
                        entities),
                new Call(
                        "negative person",
                        c -> c.fieldValueChanges()
                                .list(FieldValueChangeQuery.builder()
                                        .fieldId(1)
                                        .personId(-2)
                                        .build()),
                        "personId"),
                new Call(
                        "zero list entry",
                        c -> c.fieldValueChanges()
                                .list(FieldValueChangeQuery.builder()
                                        .fieldId(1)
                                        .listEntryId(0)
                                        .build()),
                        "listEntryId"),
                new Call("null query", c -> c.fieldValueChanges().list(null), "query"));
    }

    @ParameterizedTest
    @MethodSource("invalidCalls")
    void invalidQueriesAreRejectedBeforeSending(Call call) {
        assertRejectedBeforeSending(server, client, call);
    }
}
