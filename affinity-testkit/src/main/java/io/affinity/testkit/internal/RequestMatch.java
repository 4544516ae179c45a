package io.affinity.testkit.internal;

import java.util.Map;
import java.util.Optional;

/**
 * A request resolved to its operation.
 *
 * @param operation the operation addressed
 * @param pathParameters the values of the path parameters, by name
 */
public record RequestMatch(Operation operation, Map<String, String> pathParameters) {

    public RequestMatch {
        pathParameters = Map.copyOf(pathParameters);
    }

    /** The value of the operation's last path parameter (the id of the addressed resource). */
    Optional<String> id() {
        return operation.idParameter().map(pathParameters::get);
    }

    /** A path parameter parsed as a long, or empty if it is absent or not a number. */
    Optional<Long> longParameter(String name) {
        try {
            return Optional.ofNullable(pathParameters.get(name)).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
