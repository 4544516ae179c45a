package io.affinity.client.internal;

import io.affinity.client.error.AffinityException;
import io.affinity.client.error.TransportException;
import io.affinity.client.observation.AffinityCall;
import io.affinity.client.observation.AffinityClientListener;
import io.affinity.client.observation.CallOutcome;
import io.affinity.client.observation.CallResult;
import io.affinity.client.ratelimit.RateLimitException;
import io.affinity.client.ratelimit.RateLimitFeedback;
import io.affinity.client.ratelimit.RateLimiter;
import io.affinity.client.ratelimit.RequestQueueFullException;
import io.affinity.client.ratelimit.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one place every call goes through, JSON calls and downloads alike: the observation of the whole call
 * (listener events, calls in flight) and, for each attempt, the rate-limit permit (calls queued, the wait) given
 * back exactly once: with the response's feedback by the exchange, with no feedback when the attempt ends or
 * fails without one, as cancelled when the subscriber cancels. A permit that reaches a stopped call sends nothing.
 */
final class CallPath {

    private static final Logger LOG = LoggerFactory.getLogger(CallPath.class);

    private final RateLimiter limiter;
    private final AffinityClientListener listener;
    private final Ticker ticker;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();

    CallPath(RateLimiter limiter, AffinityClientListener listener, Ticker ticker) {
        this.limiter = limiter;
        this.listener = listener;
        this.ticker = ticker;
    }

    int inFlight() {
        return inFlight.get();
    }

    int queued() {
        return queued.get();
    }

    /**
     * Runs one whole call, observed from subscription to its end (completion, failure or cancellation).
     *
     * @param request the call's request
     * @param call    the call, given its observation for its attempts
     */
    <R> Flux<R> observed(ApiRequest request, Function<Observed, Flux<R>> call) {
        return Flux.defer(() -> {
            Observed observed = new Observed(new AffinityCall(request.method().name(), request.pathTemplate()));
            return call.apply(observed)
                    .doOnComplete(() -> observed.finish(null, false))
                    .doOnError(failure -> observed.finish(failure, false))
                    .doOnCancel(() -> observed.finish(null, true));
        });
    }

    /**
     * One attempt: waits for a permit, then runs the exchange unless the call was stopped meanwhile.
     *
     * @param exchange sends the request; it gives the permit back with the response's feedback as soon as the
     *                 response's head is read, and reports the status to the observation
     */
    <R> Flux<R> attempt(
            ApiRequest request,
            Observed observed,
            CallProgress progress,
            BiFunction<OncePermit, Observed, Flux<R>> exchange) {
        // a call stopped before its attempt begins (a retry's wait ending as the call is cancelled) asks for nothing
        return Flux.defer(() -> progress.stopped()
                ? Flux.<R>empty()
                : Flux.usingWhen(
                                permit(request, observed),
                                held -> progress.stopped() ? Flux.<R>empty() : exchange.apply(held, observed),
                                CallPath::completed,
                                CallPath::failed,
                                CallPath::cancelled)
                        .doOnError(observed::attemptFailed));
    }

    /**
     * A call of one response, observed from subscription to its end: {@link #observed} for a {@link Mono}, without
     * converting it to a {@link Flux} and back. The call ends for the observation when its value (or its empty
     * completion) is handed out.
     */
    <R> Mono<R> observedMono(ApiRequest request, Function<Observed, Mono<R>> call) {
        return Mono.defer(() -> {
            Observed observed = new Observed(new AffinityCall(request.method().name(), request.pathTemplate()));
            return call.apply(observed)
                    .doOnSuccess(value -> observed.finish(null, false))
                    .doOnError(failure -> observed.finish(failure, false))
                    .doOnCancel(() -> observed.finish(null, true));
        });
    }

    /** One attempt of a call of one response: {@link #attempt} for a {@link Mono}. */
    <R> Mono<R> attemptMono(
            ApiRequest request,
            Observed observed,
            CallProgress progress,
            BiFunction<OncePermit, Observed, Mono<R>> exchange) {
        return Mono.defer(() -> progress.stopped()
                ? Mono.<R>empty()
                : Mono.usingWhen(
                                permit(request, observed),
                                held -> progress.stopped() ? Mono.<R>empty() : exchange.apply(held, observed),
                                CallPath::completed,
                                CallPath::failed,
                                CallPath::cancelled)
                        .doOnError(observed::attemptFailed));
    }

    /** Asks for a permit, counted as queued until it comes or the wait ends; the wait is reported. */
    private Mono<OncePermit> permit(ApiRequest request, Observed observed) {
        observed.attemptStarting();
        long askedAt = ticker.read();
        AtomicBoolean waiting = new AtomicBoolean(true);
        queued.incrementAndGet();
        Runnable dequeue = () -> {
            if (waiting.compareAndSet(true, false)) {
                queued.decrementAndGet();
            }
        };
        return limiter.acquire(request.method().name(), request.path())
                .doOnNext(acquired -> {
                    dequeue.run();
                    observed.rateLimitWaited(Duration.ofNanos(Math.max(0, ticker.read() - askedAt)));
                })
                .doFinally(signal -> dequeue.run())
                .map(OncePermit::new);
    }

    private static Mono<Void> completed(OncePermit held) {
        return Mono.fromRunnable(() -> held.release(RateLimitFeedback.none()));
    }

    private static Mono<Void> failed(OncePermit held, Throwable failure) {
        return Mono.fromRunnable(() -> held.release(RateLimitFeedback.none()));
    }

    private static Mono<Void> cancelled(OncePermit held) {
        return Mono.fromRunnable(() -> held.release(RateLimitFeedback.cancelled()));
    }

    /** The observation of one call, shared by its attempts. */
    final class Observed {

        private final AffinityCall call;
        private final long startedAt;
        private final AtomicBoolean finished = new AtomicBoolean();
        private final AtomicInteger attempts = new AtomicInteger();
        private volatile int status;
        private volatile Throwable lastFailure;

        private Observed(AffinityCall call) {
            this.call = call;
            this.startedAt = ticker.read();
            inFlight.incrementAndGet();
            notify(() -> listener.requestStarted(call));
        }

        /** @return the number of the attempt running or last run */
        int attempt() {
            return attempts.get();
        }

        /** Reports the status of a response of the call. */
        void responded(int status) {
            this.status = status;
            if (status == 429) {
                notify(() -> listener.rateLimited(call));
            }
        }

        private void attemptStarting() {
            int attempt = attempts.incrementAndGet();
            status = 0;
            Throwable cause = lastFailure;
            if (attempt > 1 && cause != null) {
                notify(() -> listener.retrying(call, attempt, cause));
            }
        }

        private void attemptFailed(Throwable failure) {
            lastFailure = failure;
        }

        private void rateLimitWaited(Duration waited) {
            notify(() -> listener.rateLimitWaited(call, waited));
        }

        private void finish(Throwable failure, boolean cancelled) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            inFlight.decrementAndGet();
            int code = failure instanceof AffinityException affinity
                            && affinity.statusCode().isPresent()
                    ? affinity.statusCode().getAsInt()
                    : status;
            CallOutcome outcome = cancelled ? CallOutcome.CANCELLED : outcome(failure, code);
            CallResult result = new CallResult(
                    code == 0 ? OptionalInt.empty() : OptionalInt.of(code),
                    outcome,
                    Duration.ofNanos(Math.max(0, ticker.read() - startedAt)),
                    Optional.ofNullable(failure));
            notify(() -> listener.finished(call, result));
        }

        private void notify(Runnable event) {
            try {
                event.run();
            } catch (RuntimeException e) {
                LOG.warn("an AffinityClientListener failed on {}: {}", call, e.toString());
            }
        }
    }

    private static CallOutcome outcome(Throwable failure, int status) {
        if (failure == null) {
            return CallOutcome.SUCCESS;
        }
        if (failure instanceof TransportException
                || failure instanceof RequestQueueFullException
                || (failure instanceof RateLimitException && status == 0)) {
            return CallOutcome.TRANSPORT_ERROR;
        }
        if (status >= 500) {
            return CallOutcome.SERVER_ERROR;
        }
        if (status >= 400) {
            return CallOutcome.CLIENT_ERROR;
        }
        return CallOutcome.ERROR;
    }
}
