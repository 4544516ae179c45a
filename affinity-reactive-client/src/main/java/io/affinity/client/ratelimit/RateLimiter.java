package io.affinity.client.ratelimit;

import java.util.Objects;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Decides when a call may be sent. One limiter serves every call of a client (one API key); every attempt,
 * retries included, takes a permit.
 *
 * <p>The default implementation ({@link #tokenBucket(RateLimitOptions, Scheduler)}) keeps its state in
 * memory. Implement this interface to share one budget between processes that use the same key, for
 * example through a shared store. Implementations must never block the calling thread: waiting is done by
 * completing the returned {@link Mono} later.
 */
public interface RateLimiter {

    /**
     * Asks for a permit to send one request.
     *
     * <p>The returned {@link Mono} emits the permit once the call may go. Cancelling it while waiting gives up
     * the place in line, and a permit granted to a cancelled caller is returned. It fails with a
     * {@link io.affinity.client.ratelimit.RateLimitException} when the caller has waited longer than allowed, and
     * with a {@link io.affinity.client.ratelimit.RequestQueueFullException} when too many callers already wait.
     *
     * @param method the HTTP method of the request, for error messages and per-endpoint budgets
     * @param path   the request path, for error messages and per-endpoint budgets
     * @return the permit, when the call may be sent
     */
    Mono<Permit> acquire(String method, String path);

    /** @return the latest limits the server reported */
    RateLimitSnapshot snapshot();

    /**
     * Tells whether a request is exempt from the account's monthly limit: the API does not count
     * {@code GET /rate-limit} and {@code GET /auth/whoami} against it, so a limiter lets them through while the month
     * is used up (the per-minute limit still applies to them).
     *
     * @param method the HTTP method
     * @param path   the request path, without query string
     * @return true for the calls the monthly limit does not apply to
     */
    static boolean exemptFromMonthlyLimit(String method, String path) {
        return "GET".equals(method) && ("/rate-limit".equals(path) || "/auth/whoami".equals(path));
    }

    /**
     * Creates the default limiter: a token bucket refilled at the server's per-minute limit, a gate that
     * closes for every caller when the server reports no request left or answers 429, and a cap on requests
     * in flight with a bounded line of waiters.
     *
     * <p>It measures time with the system's monotonic clock ({@link Ticker#system()}).
     *
     * @param options   the limits
     * @param scheduler the scheduler whose timers the limiter uses to wait
     * @return a new limiter
     */
    static RateLimiter tokenBucket(RateLimitOptions options, Scheduler scheduler) {
        return tokenBucket(options, scheduler, Ticker.system());
    }

    /**
     * Creates the default limiter with a given clock, for example virtual time in tests.
     *
     * @param options   the limits
     * @param scheduler the scheduler whose timers the limiter uses to wait
     * @param ticker    the monotonic clock the limiter measures time with
     * @return a new limiter
     */
    static RateLimiter tokenBucket(RateLimitOptions options, Scheduler scheduler, Ticker ticker) {
        return new TokenBucketRateLimiter(
                Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(scheduler, "scheduler"),
                Objects.requireNonNull(ticker, "ticker"));
    }

    /** The right to send one request. The client releases every permit exactly once. */
    interface Permit {

        /**
         * Gives the permit back once the call has ended.
         *
         * @param feedback what the response said about the limits, or {@link RateLimitFeedback#none()} when
         *                 there was no response
         */
        void release(RateLimitFeedback feedback);
    }
}
