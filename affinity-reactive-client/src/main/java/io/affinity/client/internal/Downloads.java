package io.affinity.client.internal;

import io.affinity.client.error.DecodeException;
import io.affinity.client.error.ErrorResponseException;
import io.affinity.client.error.TransportException;
import io.affinity.client.ratelimit.RateLimitFeedback;
import io.affinity.client.ratelimit.Ticker;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Downloads a file as a stream of buffers: one rate-limit permit for the API's answer, redirects followed
 * (the API answers {@code 302} with the file's location; the API key goes only to the API's own origin), the
 * body handed out buffer by buffer as the subscriber requests it, never held whole.
 *
 * <p>Retries follow {@link RetryPolicy} until the first byte is handed out; a failure after that ends the
 * stream, since a new attempt would hand out the same bytes again.
 */
final class Downloads {

    /** The most redirects followed for one download. */
    static final int MAX_REDIRECTS = 5;
    /** The most bytes of an error body kept for its message. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private static final byte[] NO_BODY = new byte[0];

    private final HttpTransport transport;
    private final CallPath callPath;
    private final RetryPolicy retryPolicy;
    private final ResponseErrors errors;
    private final Clock clock;
    private final Duration deadline;
    private final Scheduler scheduler;
    private final Ticker ticker;

    /**
     * @param deadline  the longest a whole download may take, or {@code null} for no such limit
     * @param scheduler the scheduler of the deadline's timer
     * @param ticker    the clock the deadline is measured with
     */
    Downloads(
            HttpTransport transport,
            CallPath callPath,
            RetryPolicy retryPolicy,
            ResponseErrors errors,
            Clock clock,
            Duration deadline,
            Scheduler scheduler,
            Ticker ticker) {
        this.transport = transport;
        this.callPath = callPath;
        this.retryPolicy = retryPolicy;
        this.errors = errors;
        this.clock = clock;
        this.deadline = deadline;
        this.scheduler = scheduler;
        this.ticker = ticker;
    }

    Flux<ByteBuffer> download(ApiRequest request) {
        PreparedCall call = new PreparedCall(request, request.pathAndQuery(), null, null);
        return callPath.observed(request, observed -> {
            AtomicBoolean streaming = new AtomicBoolean();
            CallProgress progress = new CallProgress();
            Flux<ByteBuffer> body = Flux.defer(() -> attempt(call, streaming, progress, observed))
                    .retryWhen(retryPolicy.retriesOf(request, () -> !streaming.get()))
                    .doOnCancel(progress::stop);
            return deadline == null ? body : withinDeadline(body, call, progress);
        });
    }

    /** Fails the download with a timeout once the whole of it has taken longer than the deadline. */
    private Flux<ByteBuffer> withinDeadline(Flux<ByteBuffer> body, PreparedCall call, CallProgress progress) {
        long endsAt = ticker.read() + deadline.toNanos();
        return body.timeout(
                        Mono.delay(deadline, scheduler),
                        buffer -> Mono.delay(Duration.ofNanos(Math.max(0, endsAt - ticker.read())), scheduler))
                .onErrorMap(TimeoutException.class, timeout -> {
                    progress.stop();
                    return new TransportException(
                            call.request().method().name(),
                            call.request().path(),
                            TransportException.Kind.TIMEOUT,
                            progress.written(),
                            new TimeoutException(
                                    "the download did not complete within the download timeout of " + deadline));
                });
    }

    /**
     * One attempt through the {@link CallPath}: a permit for the API's answer, then the body, from the API or
     * where it redirects.
     */
    private Flux<ByteBuffer> attempt(
            PreparedCall call, AtomicBoolean streaming, CallProgress progress, CallPath.Observed observed) {
        return callPath.attempt(
                call.request(),
                observed,
                progress,
                (permit, attemptOf) ->
                        transport.download(call, URI.create(transport.urlOf(call)), progress, (response, body) -> {
                            RateLimitFeedback feedback = RateLimitHeaders.feedback(head(response), clock);
                            permit.release(feedback);
                            return read(
                                    call,
                                    URI.create(transport.urlOf(call)),
                                    response,
                                    body,
                                    feedback,
                                    0,
                                    streaming,
                                    progress,
                                    attemptOf);
                        }));
    }

    private Flux<ByteBuffer> read(
            PreparedCall call,
            URI url,
            HttpClientResponse response,
            ByteBufFlux body,
            RateLimitFeedback feedback,
            int redirects,
            AtomicBoolean streaming,
            CallProgress progress,
            CallPath.Observed observed) {
        ApiRequest request = call.request();
        int status = response.status().code();
        observed.responded(status);
        if (status >= 200 && status < 300) {
            return body.map(Downloads::copy).doOnNext(first -> streaming.set(true));
        }
        if (status >= 300 && status < 400 && status != 304) {
            String location = response.responseHeaders().get(HttpHeaderNames.LOCATION);
            if (location == null || location.isBlank()) {
                return body.then(Mono.<ByteBuffer>error(() -> new ErrorResponseException(
                                request.method().name(), request.path(), status, "redirect without a Location header")))
                        .flux();
            }
            if (redirects >= MAX_REDIRECTS) {
                return body.then(Mono.<ByteBuffer>error(() -> new ErrorResponseException(
                                request.method().name(),
                                request.path(),
                                status,
                                "more than " + MAX_REDIRECTS + " redirects")))
                        .flux();
            }
            URI next;
            try {
                next = url.resolve(new URI(location.trim()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return body.then(Mono.<ByteBuffer>error(() -> new DecodeException(
                                request.method().name(), request.path(), status, "invalid redirect Location", e)))
                        .flux();
            }
            if ("https".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
                return body.then(Mono.<ByteBuffer>error(() -> new ErrorResponseException(
                                request.method().name(),
                                request.path(),
                                status,
                                "refusing to follow a redirect from https to " + next.getScheme()
                                        + ": the file would travel in clear text")))
                        .flux();
            }
            // drain this answer, then follow: a redirect to another host never carries the API key
            return body.then()
                    .thenMany(transport.download(
                            call,
                            next,
                            progress,
                            (nextResponse, nextBody) -> read(
                                    call,
                                    next,
                                    nextResponse,
                                    nextBody,
                                    RateLimitFeedback.none(),
                                    redirects + 1,
                                    streaming,
                                    progress,
                                    observed)));
        }
        BodyBuffer kept = new BodyBuffer(-1, MAX_ERROR_BODY);
        return body.doOnNext(kept::append)
                .then(Mono.<ByteBuffer>error(() -> errors.forStatus(
                        request, new RawResponse(status, response.responseHeaders(), kept.toByteArray()), feedback)))
                .flux();
    }

    private static RawResponse head(HttpClientResponse response) {
        return new RawResponse(response.status().code(), response.responseHeaders(), NO_BODY);
    }

    /** Copies a network buffer, which Reactor Netty releases once this returns. */
    private static ByteBuffer copy(io.netty.buffer.ByteBuf chunk) {
        ByteBuffer copy = ByteBuffer.allocate(chunk.readableBytes());
        chunk.readBytes(copy);
        return copy.flip();
    }
}
