package io.affinity.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * The stub API of the client-side measurements, run in its own JVM ({@link StubProcess} starts it) so that
 * serving costs the measured JVM nothing: {@code GET /lists/{list_id}/list-entries?page_size=500&page_token=…}
 * and {@code GET /auth/whoami} on 127.0.0.1, from bytes encoded once at start.
 *
 * <p>The list's size is its id (a multiple of {@value #PAGE_SIZE}). The stub holds {@value #DISTINCT_PAGES}
 * encoded pages, the entries at positions 0 to 99,999 (ids 1,000,000 to 1,099,999, see {@link ListEntryJson});
 * page {@code k} of a longer list is page {@code k mod 200} with its own {@code next_page_token}, so the
 * entry at position {@code p} has the id {@code 1,000,000 + p mod 100,000} ({@link #idSum}). Every response
 * carries the API's rate-limit headers with a limit far above any request rate. The process prints
 * {@code port N} when it listens and exits when its standard input closes (its parent ended).
 */
final class StubServer {

    static final int PAGE_SIZE = 500;
    static final int DISTINCT_PAGES = 200;
    private static final long DISTINCT_ENTRIES = (long) PAGE_SIZE * DISTINCT_PAGES;
    private static final long FIRST_ID = 1_000_000;
    private static final byte[] WHOAMI = ("{\"tenant\":{\"id\":1,\"name\":\"Affinity\",\"subdomain\":\"affinity\"},"
                    + "\"user\":{\"id\":2,\"firstName\":\"John\",\"lastName\":\"Doe\",\"email\":\"john@affinity.co\"},"
                    + "\"grant\":{\"type\":\"api_key\",\"scope\":\"external_api\","
                    + "\"createdAt\":\"2020-12-14T09:00:00.000-05:00\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private final ByteBuf[] heads = new ByteBuf[DISTINCT_PAGES];
    private final ByteBuf whoami = constant(WHOAMI);
    private final ByteBuf lastPageTail = constant("null}".getBytes(StandardCharsets.US_ASCII));
    private final HttpHeaders rateLimitHeaders = new DefaultHttpHeaders()
            .set("X-Ratelimit-Limit-User", Integer.toString(ListEntriesStub.PLENTY_PER_MINUTE))
            .set("X-Ratelimit-Limit-User-Remaining", Integer.toString(ListEntriesStub.PLENTY_PER_MINUTE - 1))
            .set("X-Ratelimit-Limit-User-Reset", "60")
            .set("X-Ratelimit-Limit-Org", "100000000")
            .set("X-Ratelimit-Limit-Org-Remaining", "99999999")
            .set(
                    "X-Ratelimit-Limit-Org-Reset",
                    Long.toString(Duration.ofDays(20).toSeconds()))
            .set(HttpHeaderNames.CONTENT_TYPE, "application/json");

    private StubServer() {
        for (int k = 0; k < DISTINCT_PAGES; k++) {
            long offset = (long) k * PAGE_SIZE;
            heads[k] = constant(ListEntryJson.pageHead(DISTINCT_ENTRIES, offset, offset + PAGE_SIZE)
                    .toString()
                    .getBytes(StandardCharsets.US_ASCII));
        }
    }

    public static void main(String[] args) throws IOException {
        StubServer stub = new StubServer();
        LoopResources loop = LoopResources.create("stub", 1, true);
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .runOn(loop)
                .route(routes -> routes.get("/lists/{listId}/list-entries", stub::listEntries)
                        .get("/auth/whoami", (request, response) -> stub.send(response, stub.whoami.duplicate())))
                .bindNow();
        System.out.println("port " + server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the parent closes the pipe
        }
        server.disposeNow();
        loop.disposeLater().block(Duration.ofSeconds(10));
    }

    /** @return the sum of the ids of the first {@code items} entries of any list */
    static long idSum(long items) {
        long rounds = items / DISTINCT_ENTRIES;
        long rest = items % DISTINCT_ENTRIES;
        return rounds * (DISTINCT_ENTRIES * FIRST_ID + DISTINCT_ENTRIES * (DISTINCT_ENTRIES - 1) / 2)
                + rest * FIRST_ID
                + rest * (rest - 1) / 2;
    }

    private Publisher<Void> listEntries(HttpServerRequest request, HttpServerResponse response) {
        Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
        long listId = Long.parseLong(request.param("listId"));
        List<String> sizes = query.get("page_size");
        if (listId % PAGE_SIZE != 0 || sizes == null || !sizes.equals(List.of(Integer.toString(PAGE_SIZE)))) {
            return response.status(HttpResponseStatus.UNPROCESSABLE_ENTITY).send();
        }
        List<String> tokens = query.get("page_token");
        long offset = tokens == null ? 0 : ListEntriesStub.PageToken.offset(tokens.get(0));
        if (offset < 0 || offset % PAGE_SIZE != 0 || offset >= Math.max(listId, 1)) {
            return response.status(HttpResponseStatus.UNPROCESSABLE_ENTITY).send();
        }
        long end = offset + PAGE_SIZE;
        ByteBuf tail = end < listId
                ? Unpooled.copiedBuffer("\"" + ListEntriesStub.PageToken.of(end) + "\"}", StandardCharsets.US_ASCII)
                : lastPageTail.duplicate();
        ByteBuf head = heads[(int) ((offset / PAGE_SIZE) % DISTINCT_PAGES)].duplicate();
        return send(response, Unpooled.wrappedBuffer(head, tail));
    }

    private Publisher<Void> send(HttpServerResponse response, ByteBuf body) {
        return response.headers(rateLimitHeaders)
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.readableBytes()))
                .send(Mono.just(body));
    }

    /** @return a direct buffer that is never freed, sent through duplicates */
    private static ByteBuf constant(byte[] bytes) {
        return Unpooled.unreleasableBuffer(
                Unpooled.directBuffer(bytes.length).writeBytes(bytes).asReadOnly());
    }
}
