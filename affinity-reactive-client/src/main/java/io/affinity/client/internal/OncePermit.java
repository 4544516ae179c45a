package io.affinity.client.internal;

import io.affinity.client.ratelimit.RateLimitFeedback;
import io.affinity.client.ratelimit.RateLimiter;
import java.util.concurrent.atomic.AtomicBoolean;

/** Gives a permit back exactly once, whichever of response, failure or cancellation comes first. */
final class OncePermit {

    private final RateLimiter.Permit permit;
    private final AtomicBoolean released = new AtomicBoolean();

    OncePermit(RateLimiter.Permit permit) {
        this.permit = permit;
    }

    void release(RateLimitFeedback feedback) {
        if (released.compareAndSet(false, true)) {
            permit.release(feedback);
        }
    }
}
