package io.affinity.client;

import com.fasterxml.jackson.core.type.TypeReference;
import io.affinity.client.internal.ApiEngine;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.ResponseType;
import io.affinity.client.internal.check.Args;
import io.affinity.model.RelationshipStrength;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * How strong the relationships between internal and external people are, as Affinity estimates from their
 * interactions. Reached through {@link AffinityClient#relationshipStrengths()}.
 */
public final class RelationshipStrengths {

    private static final ResponseType<List<RelationshipStrength>> STRENGTH_LIST =
            ResponseType.of(new TypeReference<List<RelationshipStrength>>() {});

    private final ApiEngine engine;

    RelationshipStrengths(ApiEngine engine) {
        this.engine = engine;
    }

    /**
     * The strengths between every internal person and one external person
     * ({@code GET /relationships-strengths?external_id=}), in no particular order.
     *
     * @param externalId the external person's id, positive
     * @return the strengths; fails with {@link IllegalArgumentException} before sending on an invalid id, and
     *         with an {@link io.affinity.client.error.AffinityException} when the call fails
     */
    public Flux<RelationshipStrength> get(long externalId) {
        return engine.mono(
                        () -> ApiRequest.get("/relationships-strengths")
                                .query("external_id", Args.positive("externalId", externalId))
                                .build(),
                        STRENGTH_LIST)
                .flatMapIterable(strengths -> strengths);
    }

    /**
     * The strength between one internal and one external person
     * ({@code GET /relationships-strengths?external_id=&internal_id=}).
     *
     * @param externalId the external person's id, positive
     * @param internalId the internal person's id, positive
     * @return the strength, or nothing when the two have no strength; fails with {@link IllegalArgumentException}
     *         before sending on an invalid id, and with an {@link io.affinity.client.error.AffinityException}
     *         when the call fails
     */
    public Flux<RelationshipStrength> get(long externalId, long internalId) {
        return engine.mono(
                        () -> ApiRequest.get("/relationships-strengths")
                                .query("external_id", Args.positive("externalId", externalId))
                                .query("internal_id", Args.positive("internalId", internalId))
                                .build(),
                        STRENGTH_LIST)
                .flatMapIterable(strengths -> strengths);
    }
}
