package io.affinity.client.query;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The optional flags of {@code GET /organizations/{organization_id}}. Only the flags set are sent. Checked when the
 * call is subscribed: {@code withInteractionPersons} needs {@code withInteractionDates}.
 */
@Value.Immutable
public abstract class OrganizationGetOptions {

    OrganizationGetOptions() {}

    /** @return a builder of organization get options; it never throws */
    public static ImmutableOrganizationGetOptions.Builder builder() {
        return ImmutableOrganizationGetOptions.builder();
    }

    /** @return whether the organization carries its interaction dates ({@code with_interaction_dates}) */
    public abstract Optional<Boolean> withInteractionDates();

    /**
     * @return whether the internal persons of each interaction are returned ({@code with_interaction_persons});
     *         true needs {@link #withInteractionDates()} true
     */
    public abstract Optional<Boolean> withInteractionPersons();

    /** @return whether the organization's opportunity ids are returned ({@code with_opportunities}) */
    public abstract Optional<Boolean> withOpportunities();
}
