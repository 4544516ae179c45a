package io.affinity.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affinity.client.error.DecodeException;
import io.affinity.client.error.PaginationException;
import io.affinity.client.error.TransportException;
import io.affinity.client.internal.check.Args;
import io.affinity.client.paging.Page;
import io.affinity.client.paging.PageFetcher;
import io.affinity.client.paging.PagedFlux;
import io.affinity.client.ratelimit.RateLimitFeedback;
import io.affinity.client.ratelimit.RateLimitSnapshot;
import io.affinity.client.ratelimit.RateLimiter;
import io.affinity.model.json.AffinityJson;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The request path every resource method goes through: checked arguments, a described request, retries
 * around a rate-limit permit and one HTTP exchange, typed errors, and decoding with the model's object
 * mapper. Thread-safe; one per client. Internal API: resources use it, users do not.
 *
 * <pre>{@code
 * public Mono<AffinityList> get(long listId) {
 *     return engine.mono(() -> ApiRequest.get("/lists/{list_id}")
 *             .pathParam("list_id", Args.positive("listId", listId))
 *             .build(), AFFINITY_LIST);
 * }
 * }</pre>
 */
public final class ApiEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiEngine.class);
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final ObjectMapper mapper;
    private final HttpTransport transport;
    private final RateLimiter limiter;
    private final RetryPolicy retryPolicy;
    private final ResponseErrors errors;
    private final Downloads downloads;
    private final CallPath callPath;
    private final Clock clock;
    private final Duration callTimeout;
    private final Duration attemptTimeout;
    private final long callTimeoutNanos;
    private final long attemptTimeoutNanos;
    private final int maxEmptyPages;
    private final Scheduler scheduler;
    private final ConnectionProvider ownedProvider;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ApiEngine(EngineSettings settings, HttpClient httpClient, ConnectionProvider ownedProvider, Clock clock) {
        this.mapper = settings.objectMapper();
        this.callTimeout = settings.callTimeout();
        this.attemptTimeout = settings.attemptTimeout();
        this.callTimeoutNanos = callTimeout == null ? 0 : nanos(callTimeout);
        this.attemptTimeoutNanos = nanos(attemptTimeout);
        this.maxEmptyPages = settings.maxEmptyPages();
        this.scheduler = settings.scheduler();
        this.ownedProvider = ownedProvider;
        this.clock = clock;
        this.transport =
                new HttpTransport(httpClient, settings.baseUrl(), settings.maxResponseSize(), settings.credentials());
        this.limiter = settings.rateLimiter() != null
                ? settings.rateLimiter()
                : RateLimiter.tokenBucket(settings.rateLimitOptions(), settings.scheduler(), settings.ticker());
        this.retryPolicy = new RetryPolicy(settings.retryOptions(), settings.rateLimitOptions(), settings.scheduler());
        this.errors = new ResponseErrors(mapper, settings.credentials());
        this.callPath = new CallPath(limiter, settings.listener(), settings.ticker());
        this.downloads = new Downloads(
                transport,
                callPath,
                retryPolicy,
                errors,
                clock,
                settings.downloadTimeout(),
                settings.scheduler(),
                settings.ticker());
    }

    /**
     * Builds the engine and, unless the settings supply a Reactor Netty client, the connection pool it owns.
     *
     * @param settings the validated settings
     * @return the engine
     */
    public static ApiEngine create(EngineSettings settings) {
        return create(settings, Clock.systemUTC());
    }

    static ApiEngine create(EngineSettings settings, Clock clock) {
        ConnectionProvider ownedProvider = null;
        HttpClient base = settings.httpClient();
        if (base == null) {
            ownedProvider = settings.connectionPool().get();
            base = HttpClient.create(ownedProvider);
        }
        HttpClient httpClient = base.compress(true)
                .disableRetry(true) // retries are decided by RetryPolicy, each with its own permit
                .responseTimeout(settings.responseTimeout())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        settings.connectTimeout().toMillis())
                .headers(headers -> headers.set(HttpHeaderNames.USER_AGENT, SdkVersion.USER_AGENT)
                        .set(HttpHeaderNames.ACCEPT, JSON));
        return new ApiEngine(settings, httpClient, ownedProvider, clock);
    }

    /**
     * Executes a call whose response is one value.
     *
     * @param request builds the request; evaluated on subscription, so argument checks inside it (see
     *                {@link Args}) fail the returned {@link Mono} before anything is sent
     * @param type    the type of the response body
     * @param <T>     the decoded type
     * @return the decoded body; empty when the response has no body
     */
    public <T> Mono<T> mono(Supplier<ApiRequest> request, ResponseType<T> type) {
        return Mono.fromSupplier(request).flatMap(built -> execute(built, type));
    }

    /**
     * Executes the call for one page of a walk that is not a plain {@link #paged} one (for example a walk
     * over several windows): like {@link #mono}, except that a response without a body fails with a
     * {@link DecodeException} instead of completing empty, which would end the walk as if it were complete.
     *
     * @param request builds the request; evaluated on subscription
     * @param type    the type of the page's response body
     * @param <T>     the decoded page type
     * @return the decoded page
     */
    public <T> Mono<T> page(Supplier<ApiRequest> request, ResponseType<T> type) {
        return Mono.fromSupplier(request).flatMap(built -> executePage(built, type));
    }

    private <T> Mono<T> executePage(ApiRequest request, ResponseType<T> type) {
        return execute(request, type)
                .switchIfEmpty(Mono.error(() -> new DecodeException(
                        request.method().name(), request.path(), 200, "(no body: a page must have one)", null)));
    }

    /**
     * Executes a paged call. Each page repeats the first page's request with only {@code page_token} changed.
     *
     * @param firstPage builds the first page's request; evaluated on subscription
     * @param type      the type of one page's response body
     * @param toPage    takes the items and the next page token out of a decoded page
     * @param <R>       the decoded page type
     * @param <T>       the item type
     * @return the items, fetched on demand
     */
    public <R, T> PagedFlux<T> paged(
            Supplier<ApiRequest> firstPage, ResponseType<R> type, Function<? super R, Page<T>> toPage) {
        return PagedFlux.of(new EnginePageFetcher<>(firstPage, type, toPage), maxEmptyPages);
    }

    /**
     * A paged walk over a fetcher of the resource's own (for example one that walks several windows), with the
     * client's guard against endless empty pages.
     *
     * @param fetcher        fetches the pages, through {@link #page}
     * @param boundaryPages  how many empty pages the fetcher itself may hand out in a row at its own boundaries
     *                       (such as one per empty window), on top of the client's limit
     * @param <T>            the item type
     * @return the items, fetched on demand
     */
    public <T> PagedFlux<T> paged(PageFetcher<T> fetcher, int boundaryPages) {
        return PagedFlux.of(fetcher, (int) Math.min(Integer.MAX_VALUE, (long) maxEmptyPages + boundaryPages));
    }

    /**
     * Downloads a file: follows the redirects the API answers with (the API key is sent only to the API's own
     * origin) and hands out the body buffer by buffer as the subscriber requests it, never holding it whole and
     * without the response size limit. Retried like any call until the first buffer is handed out, never after.
     *
     * @param request builds the request; evaluated on subscription, so argument checks inside it fail the
     *                returned {@link Flux} before anything is sent
     * @return the body, in buffers the subscriber owns
     */
    public Flux<ByteBuffer> download(Supplier<ApiRequest> request) {
        return Mono.fromSupplier(request)
                .flatMapMany(built -> closed.get()
                        ? Flux.error(new IllegalStateException("the Affinity client is closed"))
                        : downloads.download(built));
    }

    /** @return the calls started and not yet ended */
    public int callsInFlight() {
        return callPath.inFlight();
    }

    /** @return the attempts waiting for a rate-limit permit */
    public int callsQueued() {
        return callPath.queued();
    }

    /** @return the latest rate limits the server reported */
    public RateLimitSnapshot rateLimitSnapshot() {
        return limiter.snapshot();
    }

    /** Releases the connection pool this engine created, without waiting; later calls fail. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownedProvider != null) {
            ownedProvider.dispose();
        }
    }

    private <T> Mono<T> execute(ApiRequest request, ResponseType<T> type) {
        return callPath.observedMono(request, observed -> {
            CallProgress progress = new CallProgress();
            Mono<T> result = call(request, progress, observed)
                    .doOnCancel(progress::stop)
                    .flatMap(response -> decode(request, response, type));
            if (callTimeout == null) {
                return result;
            }
            return Deadline.of(result, callTimeoutNanos, scheduler, () -> {
                progress.stop(); // a request not yet being written never will be: "not sent" stays true
                return new TransportException(
                        request.method().name(),
                        request.path(),
                        TransportException.Kind.TIMEOUT,
                        progress.written(),
                        new TimeoutException("the call did not complete within the call timeout of " + callTimeout));
            });
        });
    }

    private Mono<RawResponse> call(ApiRequest request, CallProgress progress, CallPath.Observed observed) {
        if (closed.get()) {
            return Mono.error(new IllegalStateException("the Affinity client is closed"));
        }
        PreparedCall prepared;
        try {
            prepared = prepare(request);
        } catch (JsonProcessingException e) {
            return Mono.error(new IllegalArgumentException(
                    "the request body cannot be written as JSON: " + e.getOriginalMessage(), e));
        }
        return retryPolicy.retrying(Mono.defer(() -> attempt(prepared, progress, observed)), request);
    }

    private PreparedCall prepare(ApiRequest request) throws JsonProcessingException {
        ApiRequest.Body body = request.body();
        if (body instanceof ApiRequest.JsonBody json) {
            return new PreparedCall(request, request.pathAndQuery(), mapper.writeValueAsBytes(json.value()), JSON);
        }
        if (body instanceof ApiRequest.MultipartBody multipart) {
            return new PreparedCall(request, request.pathAndQuery(), new Multipart(multipart.parts()));
        }
        if (body instanceof ApiRequest.FormBody form) {
            StringBuilder encoded = new StringBuilder();
            ApiRequest.appendEncoded(encoded, form.fields());
            return new PreparedCall(
                    request, request.pathAndQuery(), encoded.toString().getBytes(StandardCharsets.UTF_8), FORM);
        }
        return new PreparedCall(request, request.pathAndQuery(), null, null);
    }

    /**
     * One attempt through the {@link CallPath}: a permit, one exchange within the attempt timeout, the permit back
     * with what the response said, status to error.
     */
    private Mono<RawResponse> attempt(PreparedCall call, CallProgress progress, CallPath.Observed observed) {
        ApiRequest request = call.request();
        String method = request.method().name();
        return callPath.attemptMono(request, observed, progress, (permit, attemptOf) -> {
            long start = System.nanoTime();
            int attempt = attemptOf.attempt();
            Mono<RawResponse> exchange = Deadline.of(
                    transport.exchange(call, progress),
                    attemptTimeoutNanos,
                    scheduler,
                    () -> new TransportException(
                            method,
                            request.path(),
                            TransportException.Kind.TIMEOUT,
                            progress.abandonCurrent(),
                            new TimeoutException(
                                    "no complete response within the attempt timeout of " + attemptTimeout)));
            if (LOG.isDebugEnabled()) {
                exchange = exchange.doOnError(failure -> LOG.debug(
                        "{} {} failed (attempt {}, {} ms): {}",
                        method,
                        request.path(),
                        attempt,
                        elapsedMillis(start),
                        failure.getMessage()));
            }
            return exchange.flatMap(response -> {
                if (LOG.isDebugEnabled()) {
                    LOG.debug(
                            "{} {} -> {} (attempt {}, {} ms)",
                            method,
                            request.path(),
                            response.status(),
                            attempt,
                            elapsedMillis(start));
                }
                attemptOf.responded(response.status());
                RateLimitFeedback feedback = RateLimitHeaders.feedback(response, clock);
                permit.release(feedback);
                return response.isSuccess()
                        ? Mono.just(response)
                        : Mono.error(errors.forStatus(request, response, feedback));
            });
        });
    }

    private static long nanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private <T> Mono<T> decode(ApiRequest request, RawResponse response, ResponseType<T> type) {
        if (response.body().length == 0) {
            return Mono.empty();
        }
        try {
            T value = AffinityJson.readValue(mapper, response.body(), type.javaType());
            return Mono.justOrEmpty(value);
        } catch (IOException e) {
            return Mono.error(errors.undecodable(request, response, e));
        }
    }

    /** Fetches the pages of one paged call through the engine. */
    private final class EnginePageFetcher<R, T> implements PageFetcher<T> {

        private final Supplier<ApiRequest> firstPage;
        private final ResponseType<R> type;
        private final Function<? super R, Page<T>> toPage;
        private volatile ApiRequest lastRequest;

        EnginePageFetcher(Supplier<ApiRequest> firstPage, ResponseType<R> type, Function<? super R, Page<T>> toPage) {
            this.firstPage = firstPage;
            this.type = type;
            this.toPage = toPage;
        }

        @Override
        public Mono<Page<T>> fetch(String pageToken) {
            return Mono.fromSupplier(firstPage).flatMap(first -> {
                ApiRequest request = pageToken == null ? first : first.withPageToken(pageToken);
                lastRequest = request;
                return executePage(request, type).map(toPage);
            });
        }

        @Override
        public RuntimeException repeatedTokenError(String pageToken) {
            ApiRequest request = lastRequest;
            return new PaginationException(request.method().name(), request.path(), pageToken);
        }

        @Override
        public RuntimeException emptyPagesError(int emptyPages, String pageToken) {
            ApiRequest request = lastRequest;
            return new PaginationException(request.method().name(), request.path(), emptyPages, pageToken);
        }
    }
}
