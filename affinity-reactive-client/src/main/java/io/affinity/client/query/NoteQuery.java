package io.affinity.client.query;

import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Which notes {@code GET /notes} returns; every filter is optional. An empty query lists every note you can see.
 *
 * <pre>{@code
 * NoteQuery query = NoteQuery.builder().organizationId(64779194).pageSize(100).build();
 * }</pre>
 */
@Value.Immutable
public abstract class NoteQuery {

    /** The largest {@code page_size} the API accepts for notes (also its default). */
    public static final int MAX_PAGE_SIZE = 500;

    /** @return a new builder */
    public static ImmutableNoteQuery.Builder builder() {
        return ImmutableNoteQuery.builder();
    }

    /**
     * {@code person_id}: notes attached to this person, or taken on an interaction the person attended.
     *
     * @return the person id, positive
     */
    public abstract OptionalLong personId();

    /**
     * {@code organization_id}: notes attached to this organization.
     *
     * @return the organization id, positive
     */
    public abstract OptionalLong organizationId();

    /**
     * {@code opportunity_id}: notes attached to this opportunity.
     *
     * @return the opportunity id, positive
     */
    public abstract OptionalLong opportunityId();

    /**
     * {@code creator_id}: notes created by this Affinity user.
     *
     * @return the creator's person id, positive
     */
    public abstract OptionalLong creatorId();

    /**
     * {@code page_size}: how many notes each request fetches, 1 to {@value #MAX_PAGE_SIZE}; the server's
     * default ({@value #MAX_PAGE_SIZE}) when not set.
     *
     * @return the page size
     */
    public abstract OptionalInt pageSize();
}
