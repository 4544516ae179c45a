package io.affinity.testkit;

import java.util.List;

/**
 * A request that broke the spec and was answered with 400 (or 404 when its path matches no operation).
 *
 * @param request the offending request
 * @param problems what the validator found, one message per problem
 */
public record SpecViolation(RecordedRequest request, List<String> problems) {

    /** Copies the problems. */
    public SpecViolation {
        problems = List.copyOf(problems);
    }

    @Override
    public String toString() {
        return request.method() + " " + request.path() + ": " + String.join("; ", problems);
    }
}
