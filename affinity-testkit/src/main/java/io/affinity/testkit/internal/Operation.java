package io.affinity.testkit.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of the spec: its id, HTTP method, path template and documented success response.
 *
 * @param operationId the spec's operationId
 * @param method upper-case HTTP method
 * @param pathTemplate the path with {@code {param}} placeholders, as written in the spec
 * @param successStatus the documented 2xx status the fixture answers with
 * @param contentType the content type of the success response
 * @param examples resource names (inside the jar) of the success response's examples, in spec order
 */
public record Operation(
        String operationId,
        String method,
        String pathTemplate,
        int successStatus,
        String contentType,
        List<String> examples) {

    private static final Pattern PARAM = Pattern.compile("\\{([^}/]+)}");

    public Operation {
        examples = List.copyOf(examples);
    }

    /** The names of the path parameters, in order. */
    public List<String> pathParameters() {
        Matcher m = PARAM.matcher(pathTemplate);
        return m.results().map(r -> r.group(1)).toList();
    }

    /** The last path parameter, which names the resource an override for one id targets. */
    public Optional<String> idParameter() {
        List<String> params = pathParameters();
        return params.isEmpty() ? Optional.empty() : Optional.of(params.get(params.size() - 1));
    }

    /** Number of literal (non-parameter) path segments: more literal segments win when matching. */
    int literalSegments() {
        return (int) Arrays.stream(pathTemplate.split("/"))
                .filter(s -> !s.isEmpty() && !s.startsWith("{"))
                .count();
    }

    /** A regex that matches a concrete path of this operation. */
    Pattern pathPattern() {
        StringBuilder regex = new StringBuilder();
        for (String segment : pathTemplate.substring(1).split("/")) {
            regex.append('/').append(PARAM.matcher(segment).matches() ? "([^/]+)" : Pattern.quote(segment));
        }
        return Pattern.compile(regex.toString());
    }

    /** Whether the success response is JSON. */
    public boolean isJson() {
        return contentType.startsWith("application/json");
    }

    @Override
    public String toString() {
        return operationId + " (" + method + " " + pathTemplate + ")";
    }
}
