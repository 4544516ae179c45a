package io.affinity.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.affinity.model.ListEntry;
import io.affinity.model.Whoami;
import io.affinity.model.wire.ListEntriesPage;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The raw baseline: what a developer writes without the SDK. A Reactor Netty {@code HttpClient} fetches each
 * response whole, Jackson decodes it into the same model types with the given {@code ObjectMapper}, and
 * {@code expand} follows the page tokens. No rate limiting, retries or typed errors.
 */
final class PlainListEntries implements AutoCloseable {

    private final ConnectionProvider pool =
            ConnectionProvider.builder("plain-loop").maxConnections(32).build();
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final String baseUrl;
    private final int pageSize;

    PlainListEntries(String baseUrl, String apiKey, int pageSize, ObjectMapper mapper) {
        this.baseUrl = baseUrl;
        this.mapper = mapper;
        this.pageSize = pageSize;
        String authorization = basicAuthorization(apiKey);
        this.http = HttpClient.create(pool)
                .headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION, authorization)
                        .set(HttpHeaderNames.ACCEPT, "application/json"));
    }

    /** @return the {@code Authorization} header value of the API's Basic scheme (empty user, the key as password) */
    static String basicAuthorization(String apiKey) {
        return "Basic " + Base64.getEncoder().encodeToString((":" + apiKey).getBytes(StandardCharsets.UTF_8));
    }

    /** @return every entry of the list, page after page */
    Flux<ListEntry> entries(long listId) {
        return page(listId, null)
                .expand(page ->
                        page.nextPageToken().map(token -> page(listId, token)).orElse(Mono.empty()))
                .flatMapIterable(ListEntriesPage::listEntries);
    }

    Mono<ListEntriesPage> page(long listId, String token) {
        String uri = baseUrl + "/lists/" + listId + "/list-entries?page_size=" + pageSize
                + (token == null ? "" : "&page_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return get(uri, ListEntriesPage.class);
    }

    /** @return {@code GET /auth/whoami}, the small call of the latency measurement */
    Mono<Whoami> whoami() {
        return get(baseUrl + "/auth/whoami", Whoami.class);
    }

    private <T> Mono<T> get(String uri, Class<T> type) {
        return http.get().uri(uri).responseSingle((response, body) -> {
            int status = response.status().code();
            if (status != 200) {
                return body.asString()
                        .defaultIfEmpty("")
                        .flatMap(text -> Mono.error(new IllegalStateException("HTTP " + status + ": " + text)));
            }
            return body.asByteArray().map(bytes -> decode(bytes, type));
        });
    }

    private <T> T decode(byte[] bytes, Class<T> type) {
        try {
            return mapper.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(10));
    }
}
