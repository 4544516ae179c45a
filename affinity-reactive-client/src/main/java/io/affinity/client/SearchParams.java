package io.affinity.client;

import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.check.Args;
import io.affinity.client.query.InteractionDateFilters;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Checks and writes the query parameters that several searches share, and checks the optional attributes of
 * request bodies that {@link OptionalArgs} does not cover.
 */
final class SearchParams {

    /** The largest (and the server's default) page size of the paged searches. */
    static final int MAX_PAGE_SIZE = 500;

    private SearchParams() {}

    /** Adds {@code term} when given; a given term must not be blank. */
    static void term(ApiRequest.Builder request, Optional<String> term) {
        term.ifPresent(value -> request.query("term", Args.notBlank("term", value)));
    }

    /** Adds {@code page_size} when given, checked to be between 1 and 500. */
    static void pageSize(ApiRequest.Builder request, OptionalInt pageSize) {
        request.query("page_size", OptionalArgs.inRange("pageSize", pageSize, 1, MAX_PAGE_SIZE));
    }

    /** Adds the interaction date flags, checking that {@code with_interaction_persons} has its companion. */
    static void interactionFlags(
            ApiRequest.Builder request,
            Optional<Boolean> withInteractionDates,
            Optional<Boolean> withInteractionPersons) {
        Args.check(
                !withInteractionPersons.orElse(false) || withInteractionDates.orElse(false),
                "withInteractionPersons",
                "needs withInteractionDates to be true");
        request.query("with_interaction_dates", withInteractionDates.orElse(null));
        request.query("with_interaction_persons", withInteractionPersons.orElse(null));
    }

    /** Adds the {@code min_/max_<kind>_date} filters given, checking that no lower bound is after its upper one. */
    static void interactionDates(ApiRequest.Builder request, InteractionDateFilters filters) {
        range(request, "first_email", "FirstEmailDate", filters.minFirstEmailDate(), filters.maxFirstEmailDate());
        range(request, "last_email", "LastEmailDate", filters.minLastEmailDate(), filters.maxLastEmailDate());
        range(
                request,
                "last_interaction",
                "LastInteractionDate",
                filters.minLastInteractionDate(),
                filters.maxLastInteractionDate());
        range(request, "last_event", "LastEventDate", filters.minLastEventDate(), filters.maxLastEventDate());
        range(request, "first_event", "FirstEventDate", filters.minFirstEventDate(), filters.maxFirstEventDate());
        range(request, "next_event", "NextEventDate", filters.minNextEventDate(), filters.maxNextEventDate());
    }

    private static void range(
            ApiRequest.Builder request,
            String kind,
            String javaName,
            Optional<OffsetDateTime> min,
            Optional<OffsetDateTime> max) {
        if (min.isPresent() && max.isPresent()) {
            Args.check(
                    !min.get().isAfter(max.get()),
                    "min" + javaName,
                    "must not be after max" + javaName + " (" + min.get() + " > " + max.get() + ")");
        }
        request.query(
                "min_" + kind + "_date",
                min.map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).orElse(null));
        request.query(
                "max_" + kind + "_date",
                max.map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).orElse(null));
    }

    /** Checks every id of an optional id list: none may be zero or negative. */
    static void positiveIds(String name, Optional<? extends Iterable<Long>> ids) {
        ids.ifPresent(values -> values.forEach(id -> Args.positive(name, Args.notNull(name, id))));
    }

    /** Checks an optional string: when given, it must not be blank. */
    static void notBlankIfPresent(String name, Optional<String> value) {
        value.ifPresent(text -> Args.notBlank(name, text));
    }
}
