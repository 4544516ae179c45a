package io.affinity.client.internal;

import io.affinity.client.error.ServerException;
import io.affinity.client.error.TransportException;
import io.affinity.client.ratelimit.RateLimitException;
import io.affinity.client.ratelimit.RateLimitOptions;
import io.affinity.client.retry.RetryOptions;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * Decides whether and when a failed attempt is tried again (see {@link RetryOptions} for the rules), and
 * waits on the scheduler's timer, never on a thread.
 */
final class RetryPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);
    private static final Set<HttpMethod> IDEMPOTENT =
            Set.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(500, 502, 503, 504);

    private final RetryOptions options;
    private final Duration maxRateLimitWait;
    private final Scheduler scheduler;

    /**
     * @param options    the retry settings
     * @param rateLimits the rate-limit settings: a 429 asking for a wait longer than their maximum server wait (or
     *                   their maximum wait, if shorter) is reported at once
     * @param scheduler  the scheduler whose timer delays the retries
     */
    RetryPolicy(RetryOptions options, RateLimitOptions rateLimits, Scheduler scheduler) {
        this.options = options;
        Duration serverWait = rateLimits.maxServerWait();
        this.maxRateLimitWait = rateLimits
                .maxWait()
                .filter(wait -> wait.compareTo(serverWait) < 0)
                .orElse(serverWait);
        this.scheduler = scheduler;
    }

    /**
     * @param request    the request
     * @param repeatable asked after each failure: {@code false} makes the failure final (for example once a
     *                   download has handed out bytes, which a new attempt would hand out again)
     * @return the retry rules of the request; a request that is no longer {@link ApiRequest#isReplayable()
     *         replayable} is never retried
     */
    Retry retriesOf(ApiRequest request, BooleanSupplier repeatable) {
        return Retry.from(failures -> failures.concatMap(signal -> {
            Duration delay =
                    repeatable.getAsBoolean() ? retryDelay(request, signal.failure(), signal.totalRetries() + 1) : null;
            return delay == null ? Mono.error(signal.failure()) : Mono.delay(delay, scheduler);
        }));
    }

    /**
     * @param attempt one attempt of the request, subscribed to once per attempt
     * @param request the request
     * @return the attempts until one succeeds or a failure is final, by {@link #retryDelay the rules}
     */
    <T> Mono<T> retrying(Mono<T> attempt, ApiRequest request) {
        return new Retrying<>(attempt, request, this);
    }

    /** @return the scheduler whose timer delays the retries */
    Scheduler scheduler() {
        return scheduler;
    }

    /**
     * @param request      the request
     * @param failure      how its last attempt failed
     * @param attemptsMade the attempts made so far
     * @return the wait before the next attempt, or {@code null} when the failure is final (also when the request
     *         is no longer {@link ApiRequest#isReplayable() replayable})
     */
    Duration retryDelay(ApiRequest request, Throwable failure, long attemptsMade) {
        Duration delay = request.isReplayable() ? delayBeforeRetry(request.method(), failure, attemptsMade) : null;
        if (delay != null && LOG.isDebugEnabled()) {
            LOG.debug(
                    "{} {} retry in {} ms after attempt {}: {}",
                    request.method(),
                    request.path(),
                    delay.toMillis(),
                    attemptsMade,
                    failure.getMessage());
        }
        return delay;
    }

    /** @return the wait before the next attempt, or {@code null} when the failure is final */
    Duration delayBeforeRetry(HttpMethod method, Throwable failure, long attemptsMade) {
        if (attemptsMade >= options.maxAttempts()) {
            return null;
        }
        if (failure instanceof RateLimitException rateLimited) {
            if (rateLimited.statusCode().isEmpty()) {
                return null; // the limiter already waited as long as allowed
            }
            Duration wait = rateLimited.retryAfter().orElseGet(() -> backoff(attemptsMade));
            return wait.compareTo(maxRateLimitWait) > 0 ? null : wait;
        }
        if (failure instanceof ServerException server) {
            return IDEMPOTENT.contains(method)
                            && RETRYABLE_STATUSES.contains(server.statusCode().orElse(0))
                    ? backoff(attemptsMade)
                    : null;
        }
        if (failure instanceof TransportException transport) {
            return !transport.requestMayHaveBeenSent() || IDEMPOTENT.contains(method) ? backoff(attemptsMade) : null;
        }
        return null;
    }

    /** Exponential backoff with full jitter: uniform in [0, min(maxDelay, baseDelay * 2^(attempts-1))]. */
    private Duration backoff(long attemptsMade) {
        long base = options.baseDelay().toNanos();
        long cap = options.maxDelay().toNanos();
        long ceiling = attemptsMade - 1 >= Long.numberOfLeadingZeros(Math.max(base, 1)) - 1
                ? cap
                : Math.min(cap, base << (attemptsMade - 1));
        return ceiling <= 0
                ? Duration.ZERO
                : Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
