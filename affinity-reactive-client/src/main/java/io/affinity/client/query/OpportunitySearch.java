package io.affinity.client.query;

import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * The parameters of {@code GET /opportunities} (search for opportunities). Every parameter is optional and only
 * those set are sent. Checked when the search is subscribed: {@code term}, when given, must not be blank and
 * {@code pageSize} must be between 1 and 500.
 */
@Value.Immutable
public abstract class OpportunitySearch {

    OpportunitySearch() {}

    /** @return a builder of opportunity searches; it never throws */
    public static ImmutableOpportunitySearch.Builder builder() {
        return ImmutableOpportunitySearch.builder();
    }

    /** @return part of an opportunity name to search for ({@code term}) */
    public abstract Optional<String> term();

    /** @return how many opportunities a page holds ({@code page_size}), 1 to 500; the server's default is 500 */
    public abstract OptionalInt pageSize();
}
