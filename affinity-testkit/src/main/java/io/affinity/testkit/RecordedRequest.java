package io.affinity.testkit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request the server received, as the journal keeps it.
 *
 * @param operationId the spec operation it addressed, or null when no operation matches its method and path
 * @param method upper-case HTTP method
 * @param path the path, without the query
 * @param query the decoded query parameters in order of first appearance
 * @param body the body as text, empty when there is none
 */
public record RecordedRequest(
        String operationId, String method, String path, Map<String, List<String>> query, String body) {

    /** Copies the query; requires method, path and body. */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        query = Map.copyOf(query);
    }

    /** The operation it addressed, empty when none matches. */
    public Optional<String> operation() {
        return Optional.ofNullable(operationId);
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : " " + query)
                + (operationId == null ? "" : " [" + operationId + "]");
    }
}
