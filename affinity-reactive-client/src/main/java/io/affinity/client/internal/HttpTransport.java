package io.affinity.client.internal;

import io.affinity.client.error.AffinityException;
import io.affinity.client.error.ResponseTooLargeException;
import io.affinity.client.error.TransportException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.timeout.TimeoutException;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.Connection;
import reactor.netty.NettyOutbound;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.client.PrematureCloseException;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Sends one attempt over Reactor Netty and reads the whole response, up to the size limit. Every body is
 * read to its end or the connection is closed, so no buffer is left behind. Wire failures become
 * {@link TransportException}s that tell whether the request may have been sent.
 */
final class HttpTransport {

    private final HttpClient client;
    private final HttpClient api;
    private final Map<HttpMethod, HttpClient.ResponseReceiver<?>> apiSenders;
    private final String baseUrl;
    private final long maxResponseSize;
    private final Credentials credentials;
    private final URI apiOrigin;

    HttpTransport(HttpClient client, String baseUrl, long maxResponseSize, Credentials credentials) {
        this.client = client;
        // API calls send the key configured once, encoded once, and never follow a redirect (even with a user's
        // HttpClient that does), so the key goes nowhere else; downloads add it per request, to the API only
        this.api = client.followRedirect(false)
                .headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION, credentials.authorization()));
        Map<HttpMethod, HttpClient.ResponseReceiver<?>> senders = new HashMap<>();
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
            senders.put(method, api.request(method).send(HttpTransport::send));
        }
        this.apiSenders = Map.copyOf(senders);
        this.baseUrl = baseUrl;
        this.apiOrigin = URI.create(baseUrl);
        this.maxResponseSize = maxResponseSize;
        this.credentials = credentials;
    }

    /**
     * Sends one attempt and reads its whole response.
     *
     * @param call     the call
     * @param progress the call's progress: nothing is written once the call is stopped, and the start of
     *                 writing is recorded in it
     * @return the response; wire failures as {@link TransportException}s
     */
    Mono<RawResponse> exchange(PreparedCall call, CallProgress progress) {
        return Mono.defer(() -> {
            CallProgress.Request sending = progress.newRequest();
            return apiSender(call.request().method())
                    .uri(baseUrl + call.pathAndQuery())
                    .responseConnection((response, connection) -> read(call, response, connection))
                    .single()
                    .onErrorMap(
                            HttpTransport::isWireFailure,
                            failure -> transportFailure(call, failure, sending.mayHaveBeenSent()))
                    .contextWrite(Context.of(PreparedCall.class, call, CallProgress.Request.class, sending));
        });
    }

    private HttpClient.ResponseReceiver<?> apiSender(HttpMethod method) {
        HttpClient.ResponseReceiver<?> sender = apiSenders.get(method);
        return sender != null ? sender : api.request(method).send(HttpTransport::send);
    }

    /**
     * Writes the request of an API call, whose {@link PreparedCall} and {@link CallProgress.Request} the exchange
     * put in the subscriber context, so that one send function configured once serves every call.
     */
    private static Publisher<Void> send(HttpClientRequest request, NettyOutbound outbound) {
        ContextView context = request.currentContextView();
        if (!context.get(CallProgress.Request.class).startWriting()) {
            return Mono.error(new CancelledBeforeSending());
        }
        PreparedCall call = context.get(PreparedCall.class);
        if (call.multipart() != null) {
            return sendMultipart(call.multipart(), request, outbound);
        }
        if (call.body() == null) {
            return outbound;
        }
        request.header(HttpHeaderNames.CONTENT_TYPE, call.contentType());
        request.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(call.body().length));
        return outbound.sendByteArray(Mono.just(call.body()));
    }

    private static boolean isWireFailure(Throwable failure) {
        return !(failure instanceof AffinityException) && !(failure instanceof CancelledBeforeSending);
    }

    /** @return the absolute URL of a call to the API */
    String urlOf(PreparedCall call) {
        return baseUrl + call.pathAndQuery();
    }

    /**
     * Sends one GET of a download, to the API or to where it redirected, and hands the response head and body to
     * {@code handler}, which streams or drains the body. The API key goes only to the API's own origin (the
     * scheme, host and port of the base URL), never to another host.
     *
     * @param call    the API call the download belongs to (named in errors)
     * @param url      the absolute URL to get
     * @param progress the download's progress: nothing is sent once it is stopped
     * @param handler  reads the response
     * @param <T>     what the handler emits
     * @return what the handler emits; wire failures as {@link TransportException}s
     */
    <T> Flux<T> download(
            PreparedCall call,
            URI url,
            CallProgress progress,
            BiFunction<? super HttpClientResponse, ? super ByteBufFlux, ? extends Publisher<T>> handler) {
        return Flux.defer(() -> {
            CallProgress.Request sending = progress.newRequest();
            boolean toApi = isApiOrigin(url);
            return client.request(HttpMethod.GET)
                    .uri(url)
                    .send((request, outbound) -> {
                        if (!sending.startWriting()) {
                            return Mono.error(new CancelledBeforeSending());
                        }
                        request.header(HttpHeaderNames.ACCEPT, "*/*");
                        if (toApi) {
                            request.header(HttpHeaderNames.AUTHORIZATION, credentials.authorization());
                        }
                        return outbound;
                    })
                    .response(handler)
                    .onErrorMap(
                            HttpTransport::isWireFailure,
                            failure -> transportFailure(call, failure, sending.mayHaveBeenSent()));
        });
    }

    /** @return whether the URL has the scheme, host and port of the API's base URL */
    boolean isApiOrigin(URI url) {
        return apiOrigin.getScheme().equalsIgnoreCase(url.getScheme())
                && apiOrigin.getHost().equalsIgnoreCase(url.getHost())
                && port(apiOrigin) == port(url);
    }

    private static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /** Streams a multipart body: with {@code Content-Length} when known, chunked otherwise. */
    private static NettyOutbound sendMultipart(Multipart multipart, HttpClientRequest request, NettyOutbound outbound) {
        request.header(HttpHeaderNames.CONTENT_TYPE, multipart.contentType());
        if (multipart.length() >= 0) {
            request.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(multipart.length()));
        } else {
            request.header(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        return outbound.send(multipart.content());
    }

    private Mono<RawResponse> read(PreparedCall call, HttpClientResponse response, Connection connection) {
        int status = response.status().code();
        boolean compressed = response.responseHeaders().contains(HttpHeaderNames.CONTENT_ENCODING);
        long declared = compressed ? -1 : response.responseHeaders().getInt(HttpHeaderNames.CONTENT_LENGTH, -1);
        if (declared > maxResponseSize) {
            connection.dispose();
            return Mono.error(tooLarge(call, status));
        }
        BodyBuffer body = new BodyBuffer(declared, maxResponseSize);
        return connection
                .inbound()
                .receive()
                .doOnNext(chunk -> {
                    if (!body.append(chunk)) {
                        throw tooLarge(call, status);
                    }
                })
                .then(Mono.fromCallable(() -> new RawResponse(status, response.responseHeaders(), body.toByteArray())))
                .doOnError(ResponseTooLargeException.class, tooLarge -> connection.dispose());
    }

    private ResponseTooLargeException tooLarge(PreparedCall call, int status) {
        return new ResponseTooLargeException(
                call.request().method().name(), call.request().path(), status, maxResponseSize);
    }

    /**
     * Ends an exchange stopped before its request was written: nothing is sent. Its caller is gone or has its
     * timeout error already, so nobody sees it.
     */
    static final class CancelledBeforeSending extends RuntimeException {

        private static final long serialVersionUID = 1L;

        CancelledBeforeSending() {
            super("the call was cancelled before its request was written", null, false, false);
        }
    }

    private static TransportException transportFailure(PreparedCall call, Throwable failure, boolean writeStarted) {
        TransportException.Kind kind;
        if (!writeStarted) {
            kind = TransportException.Kind.CONNECT; // no connection was ready: nothing was written
        } else if (failure instanceof TimeoutException) {
            kind = TransportException.Kind.TIMEOUT;
        } else if (failure instanceof PrematureCloseException || failure instanceof IOException) {
            kind = TransportException.Kind.CONNECTION_CLOSED;
        } else {
            kind = TransportException.Kind.OTHER;
        }
        return new TransportException(
                call.request().method().name(), call.request().path(), kind, writeStarted, failure);
    }
}
