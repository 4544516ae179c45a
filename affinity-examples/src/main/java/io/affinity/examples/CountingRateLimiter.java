package io.affinity.examples;

import io.affinity.client.ratelimit.RateLimitSnapshot;
import io.affinity.client.ratelimit.RateLimiter;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * A rate limiter that counts the permits it grants, around the default one. Every request the client sends,
 * retries included, takes a permit, so the count is the number of requests sent. It also shows how a limiter
 * of your own plugs into the client.
 */
final class CountingRateLimiter implements RateLimiter {

    private final RateLimiter delegate;
    private final AtomicLong granted = new AtomicLong();

    CountingRateLimiter(RateLimiter delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Permit> acquire(String method, String path) {
        return delegate.acquire(method, path).doOnNext(permit -> granted.incrementAndGet());
    }

    @Override
    public RateLimitSnapshot snapshot() {
        return delegate.snapshot();
    }

    /** @return how many requests were sent */
    long requestsSent() {
        return granted.get();
    }
}
