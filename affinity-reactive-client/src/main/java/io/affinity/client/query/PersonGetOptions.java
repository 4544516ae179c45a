package io.affinity.client.query;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The optional flags of {@code GET /persons/{person_id}}. Only the flags set are sent. Checked when the call is
 * subscribed: {@code withInteractionPersons} needs {@code withInteractionDates}.
 */
@Value.Immutable
public abstract class PersonGetOptions {

    PersonGetOptions() {}

    /** @return a builder of person get options; it never throws */
    public static ImmutablePersonGetOptions.Builder builder() {
        return ImmutablePersonGetOptions.builder();
    }

    /** @return whether the person carries its interaction dates ({@code with_interaction_dates}) */
    public abstract Optional<Boolean> withInteractionDates();

    /**
     * @return whether the internal persons of each interaction are returned ({@code with_interaction_persons});
     *         true needs {@link #withInteractionDates()} true
     */
    public abstract Optional<Boolean> withInteractionPersons();

    /** @return whether the person's opportunity ids are returned ({@code with_opportunities}) */
    public abstract Optional<Boolean> withOpportunities();

    /**
     * @return whether the ids of the person's current organizations are returned
     *         ({@code with_current_organizations})
     */
    public abstract Optional<Boolean> withCurrentOrganizations();
}
