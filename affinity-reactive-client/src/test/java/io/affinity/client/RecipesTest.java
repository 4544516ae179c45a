package io.affinity.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.model.AffinityList;
import io.affinity.model.Field;
import io.affinity.model.FieldValueChange;
import io.affinity.model.Organization;
import io.affinity.model.RelationshipStrength;
import io.affinity.model.value.FieldValueData;
import io.affinity.testkit.Dataset;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status history and strongest relationship recipes. */
class RecipesTest extends ResourceTest {

    @Test
    void statusHistoryIsTheFieldsChangesTypedOldestFirst() {
        server.seed(Dataset.builder()
                .persons(20)
                .organizations(20)
                .lists(2, 15)
                .fieldValues(200)
                .build());
        AffinityList list = server.state().lists().get(1);
        Field status = server.state().fields().stream()
                .filter(field -> field.listId().orElse(0L).equals(list.id())
                        && field.name().equals("Status"))
                .findFirst()
                .orElseThrow();

        List<FieldValueChange> history = client.fieldValueChanges()
                .history(list.id(), "status")
                .collectList()
                .block(TIMEOUT);

        List<Long> expected = server.state().fieldValueChanges().stream()
                .filter(change -> change.fieldId().equals(status.id()))
                .sorted(Comparator.comparing(FieldValueChange::changedAt).thenComparing(FieldValueChange::id))
                .map(FieldValueChange::id)
                .toList();
        assertFalse(expected.isEmpty());
        assertEquals(expected, history.stream().map(FieldValueChange::id).toList());
        history.forEach(change -> assertInstanceOf(
                FieldValueData.RankedDropdown.class, change.value().orElseThrow()));
        assertThrows(
                IllegalArgumentException.class,
                () -> client.fieldValueChanges()
                        .history(list.id(), "No such field")
                        .blockFirst(TIMEOUT));
        assertEquals(1, server.journal().count("getFieldValueChanges"));
    }

    @Test
    void strongestRelationshipsRankAnOrganizationsPersonsStrongestFirst() {
        server.seed(
                Dataset.builder().persons(12).organizations(3).interactions(30).build());
        Organization organization = server.state().organizations().get(0);

        List<RelationshipStrength> ranked = client.organizations()
                .strongestRelationships(organization.id())
                .collectList()
                .block(TIMEOUT);

        assertFalse(ranked.isEmpty());
        for (int i = 1; i < ranked.size(); i++) {
            assertTrue(ranked.get(i - 1).strength() >= ranked.get(i).strength(), ranked.toString());
        }
        assertTrue(ranked.stream().allMatch(strength -> organization.personIds().contains(strength.externalId())));
        long expected = organization.personIds().stream()
                .mapToLong(person ->
                        client.relationshipStrengths().get(person).count().block(TIMEOUT))
                .sum();
        assertEquals(expected, ranked.size());
    }
}
