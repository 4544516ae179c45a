package io.affinity.client.internal;

import io.affinity.client.internal.check.Args;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One API call, described: method, path (a template with its variables filled in and encoded), query
 * parameters in order (a name may repeat) and an optional JSON, form or multipart body. Immutable (a multipart
 * body made from a stream can be sent only once: see {@link #isReplayable()}). Internal API.
 *
 * <pre>{@code
 * ApiRequest.get("/lists/{list_id}/list-entries")
 *         .pathParam("list_id", listId)
 *         .query("page_size", pageSize)
 *         .build();
 * }</pre>
 */
public final class ApiRequest {

    /** The query parameter that carries the page token of paged calls. */
    static final String PAGE_TOKEN = "page_token";

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");

    private final HttpMethod method;
    private final String path;
    private final String pathTemplate;
    private final List<Map.Entry<String, String>> query;
    private final Body body;

    private ApiRequest(
            HttpMethod method, String path, String pathTemplate, List<Map.Entry<String, String>> query, Body body) {
        this.method = method;
        this.path = path;
        this.pathTemplate = pathTemplate;
        this.query = List.copyOf(query);
        this.body = body;
    }

    /**
     * @param pathTemplate the path, with variables in braces, for example {@code /lists/{list_id}}
     * @return a builder of a GET request
     */
    public static Builder get(String pathTemplate) {
        return new Builder(HttpMethod.GET, pathTemplate);
    }

    /**
     * @param pathTemplate the path, with variables in braces
     * @return a builder of a POST request
     */
    public static Builder post(String pathTemplate) {
        return new Builder(HttpMethod.POST, pathTemplate);
    }

    /**
     * @param pathTemplate the path, with variables in braces
     * @return a builder of a PUT request
     */
    public static Builder put(String pathTemplate) {
        return new Builder(HttpMethod.PUT, pathTemplate);
    }

    /**
     * @param pathTemplate the path, with variables in braces
     * @return a builder of a DELETE request
     */
    public static Builder delete(String pathTemplate) {
        return new Builder(HttpMethod.DELETE, pathTemplate);
    }

    /** @return the HTTP method */
    public HttpMethod method() {
        return method;
    }

    /** @return the path with its variables filled in and encoded, without query string */
    public String path() {
        return path;
    }

    /** @return the path as a template, variables in braces (for example {@code /lists/{list_id}}): no ids */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** @return the query parameters in order, not encoded */
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    Body body() {
        return body;
    }

    /**
     * @return whether this request can be sent (again): {@code false} once a multipart part given as a stream of
     *         buffers was sent, since a stream cannot be read twice
     */
    public boolean isReplayable() {
        return !(body instanceof MultipartBody multipart)
                || multipart.parts().stream()
                        .allMatch(part -> !(part instanceof FilePart file)
                                || file.content().canBeSent());
    }

    /** @return the encoded path and query string, for example {@code /persons?term=a%20b&page_size=10} */
    String pathAndQuery() {
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder uri = new StringBuilder(path).append('?');
        appendEncoded(uri, query);
        return uri.toString();
    }

    /** Repeats this request for another page: same parameters in the same order, {@code page_token} last. */
    ApiRequest withPageToken(String pageToken) {
        List<Map.Entry<String, String>> params = new ArrayList<>(query.size() + 1);
        for (Map.Entry<String, String> param : query) {
            if (!param.getKey().equals(PAGE_TOKEN)) {
                params.add(param);
            }
        }
        params.add(Map.entry(PAGE_TOKEN, pageToken));
        return new ApiRequest(method, path, pathTemplate, params, body);
    }

    static void appendEncoded(StringBuilder out, List<Map.Entry<String, String>> params) {
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                out.append('&');
            }
            Map.Entry<String, String> param = params.get(i);
            out.append(PercentEncoding.encode(param.getKey()))
                    .append('=')
                    .append(PercentEncoding.encode(param.getValue()));
        }
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    /** A request body. */
    sealed interface Body permits JsonBody, FormBody, MultipartBody {}

    /** A body written as JSON by the client's object mapper. */
    record JsonBody(Object value) implements Body {}

    /** A body written as {@code application/x-www-form-urlencoded}. */
    record FormBody(List<Map.Entry<String, String>> fields) implements Body {}

    /** A body written as {@code multipart/form-data}, streamed part by part. */
    record MultipartBody(List<Part> parts) implements Body {}

    /** One part of a multipart body. */
    sealed interface Part permits FieldPart, FilePart {

        /** @return the form field name */
        String name();
    }

    /** A text field of a multipart body. */
    record FieldPart(String name, String value) implements Part {}

    /** A file of a multipart body. */
    record FilePart(String name, String filename, String contentType, PartContent content) implements Part {}

    /** Builder of {@link ApiRequest}. Its methods throw {@link IllegalArgumentException} on misuse. */
    public static final class Builder {

        private final HttpMethod method;
        private final String pathTemplate;
        private final Map<String, String> pathParams = new LinkedHashMap<>();
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private List<Map.Entry<String, String>> formFields;
        private Object jsonBody;
        private List<Part> multipartParts;

        private Builder(HttpMethod method, String pathTemplate) {
            this.method = method;
            this.pathTemplate = Args.notBlank("pathTemplate", pathTemplate);
        }

        /**
         * Fills a path variable.
         *
         * @param name  the variable name in the template
         * @param value its value, written with {@code String.valueOf} and encoded
         * @return this builder
         */
        public Builder pathParam(String name, Object value) {
            pathParams.put(name, String.valueOf(Args.notNull(name, value)));
            return this;
        }

        /**
         * Adds a query parameter, after those added before. Nothing is added when the value is {@code null}.
         *
         * @param name  the parameter name
         * @param value its value, written with {@code String.valueOf}, or {@code null}
         * @return this builder
         */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.add(Map.entry(name, String.valueOf(value)));
            }
            return this;
        }

        /**
         * Adds the parameter once per value, in order (for example {@code ids[]=1&ids[]=2}); {@code null}
         * values and a {@code null} iterable add nothing.
         *
         * @param name   the parameter name
         * @param values the values
         * @return this builder
         */
        public Builder queryEach(String name, Iterable<?> values) {
            if (values != null) {
                values.forEach(value -> query(name, value));
            }
            return this;
        }

        /**
         * Sets a JSON body.
         *
         * @param body the value the client's object mapper writes
         * @return this builder
         */
        public Builder jsonBody(Object body) {
            Args.check(formFields == null, "body", "cannot be both JSON and a form");
            this.jsonBody = Args.notNull("body", body);
            return this;
        }

        /**
         * Adds a field to an {@code application/x-www-form-urlencoded} body; nothing when the value is
         * {@code null}.
         *
         * @param name  the field name
         * @param value its value, written with {@code String.valueOf}, or {@code null}
         * @return this builder
         */
        public Builder formField(String name, Object value) {
            Args.check(jsonBody == null, "body", "cannot be both JSON and a form");
            if (formFields == null) {
                formFields = new ArrayList<>();
            }
            if (value != null) {
                formFields.add(Map.entry(name, String.valueOf(value)));
            }
            return this;
        }

        /**
         * Adds a text field to a {@code multipart/form-data} body, after the parts added before; nothing when the
         * value is {@code null}.
         *
         * @param name  the field name
         * @param value its value, written with {@code String.valueOf}, or {@code null}
         * @return this builder
         */
        public Builder multipartField(String name, Object value) {
            Args.notBlank("name", name);
            if (value != null) {
                multipartParts().add(new FieldPart(name, String.valueOf(value)));
            }
            return this;
        }

        /**
         * Adds a file to a {@code multipart/form-data} body, after the parts added before.
         *
         * @param name        the field name
         * @param filename    the file name sent with it
         * @param contentType its media type
         * @param content     its bytes
         * @return this builder
         */
        public Builder multipartFile(String name, String filename, String contentType, PartContent content) {
            multipartParts()
                    .add(new FilePart(
                            Args.notBlank("name", name),
                            Args.notBlank("filename", filename),
                            Args.notBlank("contentType", contentType),
                            Args.notNull("content", content)));
            return this;
        }

        private List<Part> multipartParts() {
            Args.check(jsonBody == null && formFields == null, "body", "cannot be both multipart and JSON or a form");
            if (multipartParts == null) {
                multipartParts = new ArrayList<>();
            }
            return multipartParts;
        }

        /**
         * @return the request
         * @throws IllegalArgumentException when a path variable has no value or a value has no variable
         */
        public ApiRequest build() {
            // a path without variables is used as it is: no matcher, no copy
            String path = pathTemplate.indexOf('{') < 0 ? pathTemplate : null;
            int used = 0;
            if (path == null) {
                Matcher matcher = PATH_VARIABLE.matcher(pathTemplate);
                StringBuilder filled = new StringBuilder();
                while (matcher.find()) {
                    String name = matcher.group(1);
                    String value = pathParams.get(name);
                    if (value == null) {
                        throw new IllegalArgumentException(
                                "path variable " + name + " has no value in " + pathTemplate);
                    }
                    matcher.appendReplacement(filled, Matcher.quoteReplacement(PercentEncoding.encode(value)));
                    used++;
                }
                matcher.appendTail(filled);
                path = filled.toString();
            }
            if (used != pathParams.size()) { // the message is built only when it is thrown
                throw new IllegalArgumentException(
                        "pathParams " + pathParams.keySet() + " name variables missing from " + pathTemplate);
            }
            Args.check(
                    multipartParts == null || (jsonBody == null && formFields == null),
                    "body",
                    "cannot be both multipart and JSON or a form");
            Body body = jsonBody != null
                    ? new JsonBody(jsonBody)
                    : formFields != null
                            ? new FormBody(List.copyOf(formFields))
                            : multipartParts != null ? new MultipartBody(List.copyOf(multipartParts)) : null;
            return new ApiRequest(method, path, pathTemplate, query, body);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiRequest that
                && method.equals(that.method)
                && path.equals(that.path)
                && query.equals(that.query)
                && Objects.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, body);
    }
}
