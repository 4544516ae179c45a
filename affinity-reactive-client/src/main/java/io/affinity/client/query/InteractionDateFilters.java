package io.affinity.client.query;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The interaction date filters that person and organization searches share: for each kind of interaction date,
 * an optional lower bound ({@code min_<kind>_date}) and upper bound ({@code max_<kind>_date}). Either bound may be
 * given alone; when both are given the lower bound must not be after the upper one. The values are sent as ISO 8601
 * date-times with their offset.
 */
public interface InteractionDateFilters {

    /** @return only entities whose first email is after this time ({@code min_first_email_date}) */
    Optional<OffsetDateTime> minFirstEmailDate();

    /** @return only entities whose first email is before this time ({@code max_first_email_date}) */
    Optional<OffsetDateTime> maxFirstEmailDate();

    /** @return only entities whose last email is after this time ({@code min_last_email_date}) */
    Optional<OffsetDateTime> minLastEmailDate();

    /** @return only entities whose last email is before this time ({@code max_last_email_date}) */
    Optional<OffsetDateTime> maxLastEmailDate();

    /** @return only entities whose last interaction is after this time ({@code min_last_interaction_date}) */
    Optional<OffsetDateTime> minLastInteractionDate();

    /** @return only entities whose last interaction is before this time ({@code max_last_interaction_date}) */
    Optional<OffsetDateTime> maxLastInteractionDate();

    /** @return only entities whose last event is after this time ({@code min_last_event_date}) */
    Optional<OffsetDateTime> minLastEventDate();

    /** @return only entities whose last event is before this time ({@code max_last_event_date}) */
    Optional<OffsetDateTime> maxLastEventDate();

    /** @return only entities whose first event is after this time ({@code min_first_event_date}) */
    Optional<OffsetDateTime> minFirstEventDate();

    /** @return only entities whose first event is before this time ({@code max_first_event_date}) */
    Optional<OffsetDateTime> maxFirstEventDate();

    /** @return only entities whose next event is after this time ({@code min_next_event_date}) */
    Optional<OffsetDateTime> minNextEventDate();

    /** @return only entities whose next event is before this time ({@code max_next_event_date}) */
    Optional<OffsetDateTime> maxNextEventDate();
}
