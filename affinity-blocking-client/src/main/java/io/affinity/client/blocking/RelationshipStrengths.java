package io.affinity.client.blocking;

import io.affinity.model.RelationshipStrength;
import java.util.List;

/**
 * How strong the relationships between internal and external people are, as Affinity estimates from their interactions.
 *
 * <p>Blocking twin of {@link io.affinity.client.RelationshipStrengths}: the same methods and arguments, returning values.
 * Arguments are checked before anything is sent ({@link IllegalArgumentException} naming the
 * parameter); call failures are thrown as the reactive client's
 * {@link io.affinity.client.error.AffinityException} types.
 */
public final class RelationshipStrengths {

    private final io.affinity.client.RelationshipStrengths reactive;

    RelationshipStrengths(io.affinity.client.RelationshipStrengths reactive) {
        this.reactive = reactive;
    }

    /**
     * The strengths between every internal person and one external person
     * ({@code GET /relationships-strengths?external_id=}), in no particular order.
     *
     * @param externalId the external person's id, positive
     * @return the strengths; throws {@link IllegalArgumentException} before sending on an invalid id, and
     *         with an {@link io.affinity.client.error.AffinityException} when the call fails
     */
    public List<RelationshipStrength> get(long externalId) {
        return Blocking.list(reactive.get(externalId));
    }

    /**
     * The strength between one internal and one external person
     * ({@code GET /relationships-strengths?external_id=&internal_id=}).
     *
     * @param externalId the external person's id, positive
     * @param internalId the internal person's id, positive
     * @return the strength, or nothing when the two have no strength; throws {@link IllegalArgumentException}
     *         before sending on an invalid id, and with an {@link io.affinity.client.error.AffinityException}
     *         when the call fails
     */
    public List<RelationshipStrength> get(long externalId, long internalId) {
        return Blocking.list(reactive.get(externalId, internalId));
    }
}
