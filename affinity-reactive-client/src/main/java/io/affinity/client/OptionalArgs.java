package io.affinity.client;

import io.affinity.client.internal.check.Args;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Checks of the optional attributes of query and request objects; like {@link Args}, each throws
 * {@link IllegalArgumentException} naming the parameter, and returns what to send ({@code null} when absent).
 */
final class OptionalArgs {

    private OptionalArgs() {}

    /** @return the id when present and positive, {@code null} when absent */
    static Long positive(String name, OptionalLong id) {
        return id.isPresent() ? Args.positive(name, id.getAsLong()) : null;
    }

    /** @return the id when present and positive, {@code null} when absent */
    static Long positive(String name, Optional<Long> id) {
        return id.map(value -> Args.positive(name, value)).orElse(null);
    }

    /** @return the value when present and within {@code [min, max]}, {@code null} when absent */
    static Integer inRange(String name, OptionalInt value, int min, int max) {
        return Args.inRange(name, value.isPresent() ? value.getAsInt() : null, min, max);
    }

    /** @return how many of the ids are present */
    static int countPresent(OptionalLong... ids) {
        return (int) Stream.of(ids).filter(OptionalLong::isPresent).count();
    }

    /** @return how many of the ids are present */
    @SafeVarargs
    static int countPresent(Optional<Long>... ids) {
        return (int) Stream.of(ids).filter(Optional::isPresent).count();
    }
}
