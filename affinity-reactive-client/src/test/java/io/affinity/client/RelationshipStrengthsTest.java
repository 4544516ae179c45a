package io.affinity.client;

import static io.affinity.client.RequestAssertions.assertOnlyRequest;
import static io.affinity.client.RequestAssertions.assertRejectedBeforeSending;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.affinity.client.RequestAssertions.Call;
import io.affinity.model.RelationshipStrength;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RelationshipStrengthsTest extends ResourceTest {

    @Test
    void getsTheStrengthsOfAnExternalPerson() {
        List<RelationshipStrength> strengths =
                client.relationshipStrengths().get(2345).collectList().block(TIMEOUT);

        assertEquals(1, strengths.size());
        assertEquals(0.5, strengths.get(0).strength());
        assertOnlyRequest(server, "getRelationshipStrengths", Map.of("external_id", "2345"));
    }

    @Test
    void getsTheStrengthOfOnePair() {
        client.relationshipStrengths().get(2345, 1234).collectList().block(TIMEOUT);

        assertOnlyRequest(server, "getRelationshipStrengths", Map.of("external_id", "2345", "internal_id", "1234"));
    }

    @Test
    void anEmptyAnswerMeansNoStrength() {
        server.override("getRelationshipStrengths", 200, "[]");

        assertEquals(
                List.of(),
                client.relationshipStrengths().get(2345, 1234).collectList().block(TIMEOUT));
    }

    static Stream<Call> invalidCalls() {
        return Stream.of(
                new Call("zero external", c -> c.relationshipStrengths().get(0), "externalId"),
                new Call(
                        "negative external with internal",
                        c -> c.relationshipStrengths().get(-1, 2),
                        "externalId"),
                new Call("zero internal", c -> c.relationshipStrengths().get(1, 0), "internalId"));
    }

    @ParameterizedTest
    @MethodSource("invalidCalls")
    void invalidIdsAreRejectedBeforeSending(Call call) {
        assertRejectedBeforeSending(server, client, call);
    }
}
