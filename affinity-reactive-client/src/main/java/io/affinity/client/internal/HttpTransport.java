package io.affinity.client.internal;

import io.affinity.client.error.AffinityException;
import io.affinity.client.error.ResponseTooLargeException;
import io.affinity.client.error.TransportException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.timeout.TimeoutException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Sends one attempt over Reactor Netty and reads the whole response, up to the size limit. Every body is
 * read to its end or the connection is closed, so no buffer is left behind. Wire failures become
 * {@link TransportException}s that tell whether the request may have been sent.
 */
final class HttpTransport {

    private final HttpClient client;
    private final String baseUrl;
    private final long maxResponseSize;
    private final Credentials credentials;

    HttpTransport(HttpClient client, String baseUrl, long maxResponseSize, Credentials credentials) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.maxResponseSize = maxResponseSize;
        this.credentials = credentials;
    }

    Mono<RawResponse> exchange(PreparedCall call) {
        return Mono.defer(() -> {
            AtomicBoolean writeStarted = new AtomicBoolean();
            return client.request(call.request().method())
                    .uri(baseUrl + call.pathAndQuery())
                    .send((request, outbound) -> {
                        writeStarted.set(true);
                        request.header(HttpHeaderNames.AUTHORIZATION, credentials.authorizationHeader());
                        if (call.body() == null) {
                            return outbound;
                        }
                        request.header(HttpHeaderNames.CONTENT_TYPE, call.contentType());
                        request.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(call.body().length));
                        return outbound.sendByteArray(Mono.just(call.body()));
                    })
                    .responseConnection((response, connection) -> read(call, response, connection))
                    .single()
                    .onErrorMap(failure -> !(failure instanceof AffinityException),
                            failure -> transportFailure(call, failure, writeStarted.get()));
        });
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
        return connection.inbound().receive()
                .doOnNext(chunk -> {
                    if (!body.append(chunk)) {
                        throw tooLarge(call, status);
                    }
                })
                .then(Mono.fromCallable(() -> new RawResponse(status, response.responseHeaders(), body.toByteArray())))
                .doOnError(ResponseTooLargeException.class, tooLarge -> connection.dispose());
    }

    private ResponseTooLargeException tooLarge(PreparedCall call, int status) {
        return new ResponseTooLargeException(call.request().method().name(), call.request().path(), status,
                maxResponseSize);
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
        return new TransportException(call.request().method().name(), call.request().path(), kind, writeStarted,
                failure);
    }
}
