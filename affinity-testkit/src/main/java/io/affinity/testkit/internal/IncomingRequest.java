package io.affinity.testkit.internal;

import com.github.tomakehurst.wiremock.http.Request;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a received HTTP request the emulation looks at, decoded once.
 *
 * @param method upper-case HTTP method
 * @param path the decoded path without the query
 * @param rawQuery the query string as sent (without '?'), empty when there is none
 * @param query the decoded query parameters, in order of first appearance
 * @param headers case-insensitive access to header values
 * @param body the body as UTF-8 text, empty when there is none
 */
record IncomingRequest(
        String method, String path, String rawQuery, Map<String, List<String>> query, Request headers, String body) {

    static IncomingRequest of(Request request) {
        URI uri = URI.create(request.getUrl());
        String rawQuery = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        String body = request.getBody() == null ? "" : new String(request.getBody(), StandardCharsets.UTF_8);
        return new IncomingRequest(
                request.getMethod().getName().toUpperCase(java.util.Locale.ROOT),
                uri.getPath(),
                rawQuery,
                parseQuery(rawQuery),
                request,
                body);
    }

    /** The first value of a query parameter. */
    Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The value of a header, if present. */
    Optional<String> header(String name) {
        return Optional.ofNullable(headers.getHeader(name));
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        params.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(params);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
