package io.affinity.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Cursor pagination as the API does it: {@code page_size} up to a maximum, an opaque {@code next_page_token} that is
 * null at the end, and 422 {@code Invalid page_token variable} when a page request changes any other parameter.
 */
final class Pager {

    static final String INVALID_TOKEN = "Invalid page_token variable";

    private final boolean emptyLastPage;

    Pager(boolean emptyLastPage) {
        this.emptyLastPage = emptyLastPage;
    }

    /**
     * The page a request asks for, wrapped in {@code {<key>: [...], next_page_token: ...}}, or an error reply.
     *
     * @param items every item that matches the request's filters, in order
     * @param key the envelope's array property
     * @param maxPageSize the documented maximum (and default) page size
     */
    Reply page(List<ObjectNode> items, String key, int maxPageSize, IncomingRequest request) {
        return page(items, key, maxPageSize, request, java.util.function.UnaryOperator.identity());
    }

    /** The same, with each item of the page shaped for the answer (only the page's items are shaped). */
    Reply page(
            List<ObjectNode> items,
            String key,
            int maxPageSize,
            IncomingRequest request,
            java.util.function.UnaryOperator<ObjectNode> shape) {
        Optional<String> requestedSize = request.param(PageToken.PAGE_SIZE);
        Integer pageSize = null;
        if (requestedSize.isPresent()) {
            pageSize = parsePageSize(requestedSize.get(), maxPageSize);
            if (pageSize == null) {
                return ErrorReplies.of(422, "page_size must be an integer from 1 to " + maxPageSize);
            }
        }
        int offset = 0;
        Optional<String> tokenText = request.param(PageToken.PAGE_TOKEN);
        if (tokenText.isPresent()) {
            Optional<PageToken> token = PageToken.decode(tokenText.get()).filter(t -> continues(t, request));
            if (token.isEmpty() || (pageSize != null && pageSize != token.get().pageSize())) {
                return ErrorReplies.of(422, INVALID_TOKEN);
            }
            pageSize = token.get().pageSize();
            offset = token.get().offset();
        }
        int size = pageSize == null ? maxPageSize : pageSize;
        int from = Math.min(offset, items.size());
        int to = Math.min(from + size, items.size());
        ObjectNode body = Json.object();
        com.fasterxml.jackson.databind.node.ArrayNode page = body.putArray(key);
        items.subList(from, to).forEach(item -> page.add(shape.apply(item)));
        boolean more = to < items.size() || (emptyLastPage && to == items.size() && to > from && to - from == size);
        if (more) {
            body.put(
                    "next_page_token",
                    new PageToken(request.path(), PageToken.pinnedParams(request), size, to).encode());
        } else {
            body.putNull("next_page_token");
        }
        return Reply.json(200, body);
    }

    private static boolean continues(PageToken token, IncomingRequest request) {
        return token.path().equals(request.path()) && token.params().equals(PageToken.pinnedParams(request));
    }

    private static Integer parsePageSize(String text, int max) {
        try {
            int size = Integer.parseInt(text);
            return size >= 1 && size <= max ? size : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
