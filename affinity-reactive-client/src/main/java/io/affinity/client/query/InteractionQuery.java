package io.affinity.client.query;

import io.affinity.model.InteractionDirection;
import io.affinity.model.InteractionType;
import io.affinity.model.LoggingType;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Which interactions {@code GET /interactions} returns: those of one {@code type}, involving a person,
 * organization or opportunity, between {@code startTime} and {@code endTime}. The type,
 * both times and at least one of the three entity ids are required. The range may be longer than the API's
 * one-year limit: the client then walks it in windows of at most 365 days.
 *
 * <pre>{@code
 * InteractionQuery query = InteractionQuery.builder()
 *         .type(InteractionType.EMAIL)
 *         .organizationId(1609909)
 *         .startTime(OffsetDateTime.parse("2021-01-01T00:00:00Z"))
 *         .endTime(OffsetDateTime.parse("2024-01-01T00:00:00Z"))
 *         .build();
 * }</pre>
 */
@Value.Immutable
public abstract class InteractionQuery {

    /** The largest {@code page_size} the API accepts for interactions (also its default). */
    public static final int MAX_PAGE_SIZE = 100;

    /** @return a new builder */
    public static ImmutableInteractionQuery.Builder builder() {
        return ImmutableInteractionQuery.builder();
    }

    /**
     * {@code type} (required): meetings, calls, chat messages or emails; one type per query.
     *
     * @return the interaction type
     */
    public abstract Optional<InteractionType> type();

    /**
     * {@code start_time} (required): the start of the range; must be before {@link #endTime()}.
     *
     * @return the start, sent as ISO 8601 with its offset
     */
    public abstract Optional<OffsetDateTime> startTime();

    /**
     * {@code end_time} (required): the end of the range. Any length is accepted: a range longer than 365 days
     * is walked as consecutive windows of at most 365 days.
     *
     * @return the end, sent as ISO 8601 with its offset
     */
    public abstract Optional<OffsetDateTime> endTime();

    /**
     * {@code person_id}: an external person involved in the interactions (an internal person is an error on
     * the server). At least one of person, organization or opportunity is required.
     *
     * @return the person id, positive
     */
    public abstract OptionalLong personId();

    /**
     * {@code organization_id}: an organization involved in the interactions.
     *
     * @return the organization id, positive
     */
    public abstract OptionalLong organizationId();

    /**
     * {@code opportunity_id}: an opportunity involved in the interactions.
     *
     * @return the opportunity id, positive
     */
    public abstract OptionalLong opportunityId();

    /**
     * {@code internal_person_id}: narrows the interactions of the given person, organization or opportunity to
     * those this internal person took part in.
     *
     * @return the internal person's id, positive
     */
    public abstract OptionalLong internalPersonId();

    /**
     * {@code logging_type}: all interactions, or only manually logged ones.
     *
     * @return the logging type
     */
    public abstract Optional<LoggingType> loggingType();

    /**
     * {@code direction}: sent or received; only for chat messages and emails.
     *
     * @return the direction
     */
    public abstract Optional<InteractionDirection> direction();

    /**
     * {@code page_size}: how many interactions each request fetches, 1 to {@value #MAX_PAGE_SIZE}; the
     * server's default ({@value #MAX_PAGE_SIZE}) when not set.
     *
     * @return the page size
     */
    public abstract OptionalInt pageSize();
}
