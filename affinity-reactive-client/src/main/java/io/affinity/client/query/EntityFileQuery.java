package io.affinity.client.query;

import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Which entity files {@code GET /entity-files} returns; every filter is optional. An empty query lists every file
 * of your organization.
 *
 * <pre>{@code
 * EntityFileQuery query = EntityFileQuery.builder().organizationId(64779194).pageSize(100).build();
 * }</pre>
 */
@Value.Immutable
public abstract class EntityFileQuery {

    /** The largest {@code page_size} the API accepts for entity files (also its default). */
    public static final int MAX_PAGE_SIZE = 500;

    /** @return a new builder */
    public static ImmutableEntityFileQuery.Builder builder() {
        return ImmutableEntityFileQuery.builder();
    }

    /**
     * {@code person_id}: the files of this person.
     *
     * @return the person id, positive
     */
    public abstract OptionalLong personId();

    /**
     * {@code organization_id}: the files of this organization.
     *
     * @return the organization id, positive
     */
    public abstract OptionalLong organizationId();

    /**
     * {@code opportunity_id}: the files of this opportunity.
     *
     * @return the opportunity id, positive
     */
    public abstract OptionalLong opportunityId();

    /**
     * {@code page_size}: how many files each request fetches, 1 to {@value #MAX_PAGE_SIZE}; the server's default
     * ({@value #MAX_PAGE_SIZE}) when not set.
     *
     * @return the page size
     */
    public abstract OptionalInt pageSize();
}
