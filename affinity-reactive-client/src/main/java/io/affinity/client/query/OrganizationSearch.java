package io.affinity.client.query;

import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * The parameters of {@code GET /organizations} (search for organizations). Every parameter is optional and only
 * those set are sent. Checked when the search is subscribed: {@code term}, when given, must not be blank;
 * {@code pageSize} must be between 1 and 500; {@code withInteractionPersons} needs {@code withInteractionDates};
 * and each {@code min_<kind>_date} must not be after its {@code max_<kind>_date}. With only a term, the server also
 * searches Affinity's global organizations outside your instance.
 */
@Value.Immutable
public abstract class OrganizationSearch implements InteractionDateFilters {

    OrganizationSearch() {}

    /** @return a builder of organization searches; it never throws */
    public static ImmutableOrganizationSearch.Builder builder() {
        return ImmutableOrganizationSearch.builder();
    }

    /** @return part of a name or a domain to search for ({@code term}) */
    public abstract Optional<String> term();

    /**
     * @return whether the organizations carry their interaction dates ({@code with_interaction_dates}); when
     *         true, only organizations that have interactions are returned
     */
    public abstract Optional<Boolean> withInteractionDates();

    /**
     * @return whether the internal persons of each interaction are returned ({@code with_interaction_persons});
     *         true needs {@link #withInteractionDates()} true
     */
    public abstract Optional<Boolean> withInteractionPersons();

    /** @return whether the opportunity ids of each organization are returned ({@code with_opportunities}) */
    public abstract Optional<Boolean> withOpportunities();

    /** @return how many organizations a page holds ({@code page_size}), 1 to 500; the server's default is 500 */
    public abstract OptionalInt pageSize();
}
