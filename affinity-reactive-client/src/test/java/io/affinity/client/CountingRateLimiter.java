package io.affinity.client;

import io.affinity.client.ratelimit.RateLimitSnapshot;
import io.affinity.client.ratelimit.RateLimiter;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** Wraps a limiter to count the permits taken and given back: one permit per attempt. */
final class CountingRateLimiter implements RateLimiter {

    private final RateLimiter delegate;
    final AtomicInteger acquired = new AtomicInteger();
    final AtomicInteger released = new AtomicInteger();

    CountingRateLimiter(RateLimiter delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Permit> acquire(String method, String path) {
        return delegate.acquire(method, path).map(permit -> {
            acquired.incrementAndGet();
            return feedback -> {
                released.incrementAndGet();
                permit.release(feedback);
            };
        });
    }

    @Override
    public RateLimitSnapshot snapshot() {
        return delegate.snapshot();
    }
}
