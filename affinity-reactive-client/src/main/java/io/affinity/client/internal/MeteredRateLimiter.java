package io.affinity.client.internal;

import io.affinity.client.ratelimit.RateLimitSnapshot;
import io.affinity.client.ratelimit.RateLimiter;
import io.affinity.client.ratelimit.Ticker;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.publisher.Mono;

/**
 * A rate limiter that counts the permits it granted (the requests sent, retries included) and the time callers
 * waited for them, for the recipes' progress. Delegates everything else.
 */
public final class MeteredRateLimiter implements RateLimiter {

    private final RateLimiter delegate;
    private final Ticker ticker;
    private final LongAdder granted = new LongAdder();
    private final LongAdder waitedNanos = new LongAdder();

    /**
     * @param delegate the limiter that decides
     * @param ticker   the clock the waits are measured with
     */
    public MeteredRateLimiter(RateLimiter delegate, Ticker ticker) {
        this.delegate = delegate;
        this.ticker = ticker;
    }

    @Override
    public Mono<Permit> acquire(String method, String path) {
        return Mono.defer(() -> {
            long start = ticker.read();
            return delegate.acquire(method, path).doOnNext(permit -> {
                waitedNanos.add(Math.max(0, ticker.read() - start));
                granted.increment();
            });
        });
    }

    @Override
    public RateLimitSnapshot snapshot() {
        return delegate.snapshot();
    }

    /** @return permits granted so far */
    public long granted() {
        return granted.sum();
    }

    /** @return nanoseconds callers waited for permits so far, summed */
    public long waitedNanos() {
        return waitedNanos.sum();
    }
}
