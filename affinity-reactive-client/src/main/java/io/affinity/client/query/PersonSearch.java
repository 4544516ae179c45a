package io.affinity.client.query;

import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * The parameters of {@code GET /persons} (search for persons). Every parameter is optional and only those set are
 * sent. Checked when the search is subscribed: {@code term}, when given, must not be blank; {@code pageSize} must be
 * between 1 and 500; {@code withInteractionPersons} needs {@code withInteractionDates}; and each
 * {@code min_<kind>_date} must not be after its {@code max_<kind>_date}.
 *
 * <pre>{@code
 * PersonSearch search = PersonSearch.builder()
 *         .term("doe")
 *         .withInteractionDates(true)
 *         .minLastEmailDate(OffsetDateTime.parse("2021-01-01T00:00:00Z"))
 *         .build();
 * }</pre>
 */
@Value.Immutable
public abstract class PersonSearch implements InteractionDateFilters {

    PersonSearch() {}

    /** @return a builder of person searches; it never throws */
    public static ImmutablePersonSearch.Builder builder() {
        return ImmutablePersonSearch.builder();
    }

    /** @return part of an email address, a first name or a last name to search for ({@code term}) */
    public abstract Optional<String> term();

    /**
     * @return whether the persons carry their interaction dates ({@code with_interaction_dates}); when true, only
     *         persons that have interactions are returned
     */
    public abstract Optional<Boolean> withInteractionDates();

    /**
     * @return whether the internal persons of each interaction are returned ({@code with_interaction_persons});
     *         true needs {@link #withInteractionDates()} true
     */
    public abstract Optional<Boolean> withInteractionPersons();

    /** @return whether the opportunity ids of each person are returned ({@code with_opportunities}) */
    public abstract Optional<Boolean> withOpportunities();

    /**
     * @return whether the ids of each person's current organizations are returned
     *         ({@code with_current_organizations})
     */
    public abstract Optional<Boolean> withCurrentOrganizations();

    /** @return how many persons a page holds ({@code page_size}), 1 to 500; the server's default is 500 */
    public abstract OptionalInt pageSize();
}
