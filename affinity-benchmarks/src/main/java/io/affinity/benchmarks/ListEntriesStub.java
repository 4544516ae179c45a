package io.affinity.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A local stand-in for {@code GET /lists/{list_id}/list-entries} on 127.0.0.1: cursor pagination over a list
 * whose entries are generated deterministically from their position (so nothing is stored and the stub's
 * own heap stays flat), and a fixed per-minute window of requests with the API's {@code X-Ratelimit-*}
 * headers, answering 429 past the limit.
 *
 * <p>The list's size is its id: list 100000 has 100,000 entries. {@code page_size} is required (1..500).
 * The stub runs on its own single event-loop thread, apart from the clients' loops.
 */
final class ListEntriesStub implements AutoCloseable {

    /** A limit high enough that no benchmark other than the limiter run ever meets it. */
    static final int PLENTY_PER_MINUTE = 10_000_000;

    private static final long ORG_LIMIT = 100_000_000L;
    private static final long ORG_RESET_SECONDS = Duration.ofDays(20).toSeconds();
    private static final byte[] TOO_MANY = "{\"message\":\"Too Many Requests\"}".getBytes(StandardCharsets.UTF_8);

    private final LoopResources loop = LoopResources.create("stub", 1, true);
    private final FixedWindow window;
    private final boolean enforce;
    private final AtomicLong orgUsed = new AtomicLong();
    private final DisposableServer server;

    /**
     * @param limitPerMinute the requests a minute announced in {@code X-Ratelimit-Limit-User}
     * @param enforce        whether requests past the limit get 429 (else the counter only feeds the headers)
     */
    ListEntriesStub(int limitPerMinute, boolean enforce) {
        this.window = new FixedWindow(limitPerMinute, Duration.ofMinutes(1).toNanos());
        this.enforce = enforce;
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .runOn(loop)
                .route(routes -> routes.get("/lists/{listId}/list-entries", this::listEntries))
                .bindNow();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    FixedWindow window() {
        return window;
    }

    private Publisher<Void> listEntries(HttpServerRequest request, HttpServerResponse response) {
        FixedWindow.Admission admission = window.admit(System.nanoTime(), enforce);
        long orgRemaining = Math.max(0, ORG_LIMIT - orgUsed.incrementAndGet());
        response.header("X-Ratelimit-Limit-User", Integer.toString(window.limit()))
                .header("X-Ratelimit-Limit-User-Remaining", Long.toString(admission.remaining()))
                .header("X-Ratelimit-Limit-User-Reset", Long.toString(admission.resetSeconds()))
                .header("X-Ratelimit-Limit-Org", Long.toString(ORG_LIMIT))
                .header("X-Ratelimit-Limit-Org-Remaining", Long.toString(orgRemaining))
                .header("X-Ratelimit-Limit-Org-Reset", Long.toString(ORG_RESET_SECONDS))
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json");
        if (!admission.accepted()) {
            return send(
                    response,
                    HttpResponseStatus.TOO_MANY_REQUESTS,
                    response.alloc().buffer(TOO_MANY.length).writeBytes(TOO_MANY));
        }
        long listId;
        try {
            listId = Long.parseLong(request.param("listId"));
        } catch (NumberFormatException e) {
            return error(response, HttpResponseStatus.NOT_FOUND, "no such list");
        }
        Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
        int pageSize = intParam(query, "page_size");
        if (pageSize < 1 || pageSize > 500) {
            return error(response, HttpResponseStatus.UNPROCESSABLE_ENTITY, "page_size must be between 1 and 500");
        }
        List<String> tokens = query.get("page_token");
        long offset = 0;
        if (tokens != null && !tokens.isEmpty()) {
            offset = PageToken.offset(tokens.get(0));
            if (offset < 0) {
                return error(response, HttpResponseStatus.UNPROCESSABLE_ENTITY, "invalid page_token");
            }
        }
        return send(
                response,
                HttpResponseStatus.OK,
                ListEntryJson.page(response.alloc(), listId, offset, pageSize, listId));
    }

    private static Publisher<Void> send(HttpServerResponse response, HttpResponseStatus status, ByteBuf body) {
        return response.status(status)
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.readableBytes()))
                .send(Mono.just(body));
    }

    private static Publisher<Void> error(HttpServerResponse response, HttpResponseStatus status, String message) {
        byte[] bytes = ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        ByteBufAllocator alloc = response.alloc();
        return send(response, status, alloc.buffer(bytes.length).writeBytes(bytes));
    }

    private static int intParam(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(values.get(0));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        server.disposeNow();
        loop.disposeLater().block(Duration.ofSeconds(10));
    }

    /** Opaque page tokens that look like the API's (base64 of a small JSON document). */
    static final class PageToken {

        private static final String PREFIX = "{\"params\":{},\"offset\":";

        private PageToken() {}

        static String of(long offset) {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((PREFIX + offset + "}").getBytes(StandardCharsets.UTF_8));
        }

        /** @return the offset, or -1 when the token is not one of ours */
        static long offset(String token) {
            try {
                String json = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                if (!json.startsWith(PREFIX) || !json.endsWith("}")) {
                    return -1;
                }
                return Long.parseLong(json.substring(PREFIX.length(), json.length() - 1));
            } catch (IllegalArgumentException e) {
                return -1;
            }
        }
    }
}
