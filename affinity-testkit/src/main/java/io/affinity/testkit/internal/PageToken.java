package io.affinity.testkit.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An opaque {@code next_page_token}: Base64 of a small JSON document, like the API's, that remembers the request it
 * continues (path and every query parameter other than the paging ones), the page size and the offset.
 *
 * @param path the request path
 * @param params the query parameters other than page_token and page_size, sorted by name
 * @param pageSize the page size of the walk
 * @param offset the index of the next page's first item
 */
record PageToken(String path, Map<String, List<String>> params, int pageSize, int offset) {

    static final String PAGE_TOKEN = "page_token";
    static final String PAGE_SIZE = "page_size";

    PageToken {
        params = new TreeMap<>(params);
    }

    /** The paging-neutral parameters of a request, the part a token pins. */
    static Map<String, List<String>> pinnedParams(IncomingRequest request) {
        Map<String, List<String>> params = new TreeMap<>(request.query());
        params.remove(PAGE_TOKEN);
        params.remove(PAGE_SIZE);
        return params;
    }

    String encode() {
        Map<String, Object> doc = Map.of("path", path, "params", params, "page_size", pageSize, "offset", offset);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(new TreeMap<>(doc)));
    }

    /** The token, or empty when the text is not one this server issued. */
    static Optional<PageToken> decode(String text) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(text);
            Doc doc = Json.mapper().readValue(new String(json, StandardCharsets.UTF_8), new TypeReference<Doc>() {});
            if (doc.path == null || doc.params == null || doc.pageSize <= 0 || doc.offset < 0) {
                return Optional.empty();
            }
            return Optional.of(new PageToken(doc.path, doc.params, doc.pageSize, doc.offset));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    /** The JSON document inside a token. */
    private static final class Doc {
        @JsonProperty("path")
        private String path;

        @JsonProperty("params")
        private Map<String, List<String>> params;

        @JsonProperty("page_size")
        private int pageSize;

        @JsonProperty("offset")
        private int offset;
    }
}
