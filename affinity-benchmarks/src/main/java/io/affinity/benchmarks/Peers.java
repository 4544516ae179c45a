package io.affinity.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.affinity.client.AffinityClient;
import io.affinity.model.ListEntry;
import io.affinity.model.wire.ListEntriesPage;
import io.affinity.peers.jdk.api.ListEntriesApi;
import io.affinity.peers.webclient.model.GetListEntries200Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.LongFunction;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The SDK and what users would pick instead, each streaming the ids of a list's entries from the
 * {@link StubServer} in pages of 500: the raw Reactor Netty loop with the 01fb521 mapper, the clients that
 * OpenAPI Generator makes from our spec ({@code java/webclient} and {@code java/native}, walked by a manual token
 * loop), and hand-written Spring WebClient and OkHttp loops that decode the SDK's model types with a
 * default-configured Jackson mapper (plus {@code JavaTimeModule} and {@code Jdk8Module}). The reactive ones
 * follow the tokens with {@code expand}, as their documentation shows; the blocking ones loop on a worker thread.
 */
final class Peers implements AutoCloseable {

    /**
     * One way of streaming a list.
     *
     * @param name  what the tables call it
     * @param goal  the goal of the SDK's throughput over it, empty for the SDK itself
     * @param ids   the ids of the entries of the list with the given id (which is its size), page after page
     */
    record Peer(String name, String goal, LongFunction<Flux<Long>> ids) {}

    private static final int PAGE_SIZE = StubServer.PAGE_SIZE;

    private final AffinityClient sdk;
    private final PlainListEntries raw;
    private final OkHttpClient okHttp = new OkHttpClient();
    private final List<Peer> all;

    Peers(String baseUrl) {
        sdk = AffinityClient.builder()
                .apiKey(Benchmarks.API_KEY)
                .baseUrl(baseUrl)
                .build();
        raw = new PlainListEntries(baseUrl, Benchmarks.API_KEY, PAGE_SIZE, Json01fb521.newObjectMapper());
        String authorization = PlainListEntries.basicAuthorization(Benchmarks.API_KEY);
        ObjectMapper defaults = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .build();
        all = List.of(
                new Peer("SDK", "", listId -> sdk.listEntries().list(listId).map(ListEntry::id)),
                new Peer(
                        "raw Reactor Netty, 01fb521 mapper",
                        "≥ 1.2",
                        listId -> raw.entries(listId).map(ListEntry::id)),
                new Peer("generated java/webclient", "≥ 2.5", generatedWebClient(baseUrl)),
                new Peer("generated java/native", "≥ 3", generatedNative(baseUrl, authorization)),
                new Peer("Spring WebClient loop", "≥ 2.5", springWebClient(baseUrl, defaults)),
                new Peer("OkHttp loop", "≥ 2.5", okHttp(baseUrl, authorization, defaults)));
    }

    List<Peer> all() {
        return all;
    }

    AffinityClient sdk() {
        return sdk;
    }

    PlainListEntries raw() {
        return raw;
    }

    private static LongFunction<Flux<Long>> generatedWebClient(String baseUrl) {
        io.affinity.peers.webclient.ApiClient client = new io.affinity.peers.webclient.ApiClient();
        client.setBasePath(baseUrl);
        client.setUsername("");
        client.setPassword(Benchmarks.API_KEY);
        io.affinity.peers.webclient.api.ListEntriesApi api = new io.affinity.peers.webclient.api.ListEntriesApi(client);
        return listId -> api.getListEntries(listId, PAGE_SIZE, null)
                .expand(page -> page.getNextPageToken() == null
                        ? Mono.empty()
                        : api.getListEntries(listId, PAGE_SIZE, page.getNextPageToken()))
                .flatMapIterable(GetListEntries200Response::getListEntries)
                .map(io.affinity.peers.webclient.model.ListEntry::getId);
    }

    private static LongFunction<Flux<Long>> generatedNative(String baseUrl, String authorization) {
        io.affinity.peers.jdk.ApiClient client = new io.affinity.peers.jdk.ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        ListEntriesApi api = new ListEntriesApi(client);
        return listId -> tokenLoop(token -> {
                    try {
                        io.affinity.peers.jdk.model.ListEntriesPage page = api.getListEntries(listId, PAGE_SIZE, token);
                        return new Fetched<>(page.getListEntries(), page.getNextPageToken());
                    } catch (io.affinity.peers.jdk.ApiException e) {
                        throw new IllegalStateException("HTTP " + e.getCode(), e);
                    }
                })
                .map(io.affinity.peers.jdk.model.ListEntry::getId);
    }

    private static LongFunction<Flux<Long>> springWebClient(String baseUrl, ObjectMapper defaults) {
        WebClient web = WebClient.builder()
                .baseUrl(baseUrl)
                .defaultHeaders(headers -> headers.setBasicAuth("", Benchmarks.API_KEY))
                .codecs(codecs -> codecs.defaultCodecs().jackson2JsonDecoder(new Jackson2JsonDecoder(defaults)))
                .build();
        return listId -> {
            PageFetch fetch = token -> web.get()
                    .uri(uri -> uri.path("/lists/{listId}/list-entries")
                            .queryParam("page_size", PAGE_SIZE)
                            .queryParamIfPresent("page_token", Optional.ofNullable(token))
                            .build(listId))
                    .retrieve()
                    .bodyToMono(ListEntriesPage.class);
            return fetch.page(null)
                    .expand(page -> page.nextPageToken().map(fetch::page).orElse(Mono.empty()))
                    .flatMapIterable(ListEntriesPage::listEntries)
                    .map(ListEntry::id);
        };
    }

    private LongFunction<Flux<Long>> okHttp(String baseUrl, String authorization, ObjectMapper defaults) {
        HttpUrl base = HttpUrl.get(baseUrl);
        return listId -> tokenLoop(token -> {
                    HttpUrl.Builder url = base.newBuilder()
                            .addPathSegments("lists/" + listId + "/list-entries")
                            .addQueryParameter("page_size", Integer.toString(PAGE_SIZE));
                    if (token != null) {
                        url.addQueryParameter("page_token", token);
                    }
                    Request request = new Request.Builder()
                            .url(url.build())
                            .header("Authorization", authorization)
                            .build();
                    try (Response response = okHttp.newCall(request).execute();
                            InputStream body = response.body().byteStream()) {
                        if (!response.isSuccessful()) {
                            throw new IllegalStateException("HTTP " + response.code());
                        }
                        ListEntriesPage page = defaults.readValue(body, ListEntriesPage.class);
                        return new Fetched<>(
                                page.listEntries(), page.nextPageToken().orElse(null));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .map(ListEntry::id);
    }

    /** A page of a blocking client: its items and the next page's token, null after the last page. */
    private record Fetched<T>(List<T> items, String next) {}

    private interface BlockingFetch<T> {
        Fetched<T> page(String token);
    }

    private interface PageFetch {
        Mono<ListEntriesPage> page(String token);
    }

    /**
     * The manual token loop of a blocking client: fetches a page when the previous one is used up, on a worker
     * thread (never on the subscriber's), as a user would wrap a blocking client into a stream.
     */
    private static <T> Flux<T> tokenLoop(BlockingFetch<T> fetch) {
        return Flux.fromIterable(() -> new Iterator<T>() {
                    private Iterator<T> current = Collections.emptyIterator();
                    private String next;
                    private boolean started;

                    @Override
                    public boolean hasNext() {
                        while (!current.hasNext() && (!started || next != null)) {
                            Fetched<T> page = fetch.page(next);
                            started = true;
                            next = page.next();
                            current = page.items().iterator();
                        }
                        return current.hasNext();
                    }

                    @Override
                    public T next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        return current.next();
                    }
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public void close() {
        sdk.close();
        raw.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }
}
