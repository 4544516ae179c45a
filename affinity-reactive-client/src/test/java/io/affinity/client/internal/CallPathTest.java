package io.affinity.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.affinity.client.observation.AffinityCall;
import io.affinity.client.observation.AffinityClientListener;
import io.affinity.client.ratelimit.RateLimitOptions;
import io.affinity.client.ratelimit.RateLimitSnapshot;
import io.affinity.client.ratelimit.RateLimiter;
import io.affinity.client.ratelimit.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** An attempt of a call already stopped (a retry's wait that ends as the call is cancelled) asks for nothing. */
class CallPathTest {

    private final AtomicInteger permitsAsked = new AtomicInteger();
    private final AtomicInteger retriesHeard = new AtomicInteger();
    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final RateLimiter defaults =
            RateLimiter.tokenBucket(RateLimitOptions.builder().build(), time, Ticker.of(time));
    private final RateLimiter counting = new RateLimiter() {
        @Override
        public Mono<Permit> acquire(String method, String path) {
            permitsAsked.incrementAndGet();
            return defaults.acquire(method, path);
        }

        @Override
        public RateLimitSnapshot snapshot() {
            return defaults.snapshot();
        }
    };
    private final CallPath path = new CallPath(
            counting,
            new AffinityClientListener() {
                @Override
                public void retrying(AffinityCall call, int attempt, Throwable cause) {
                    retriesHeard.incrementAndGet();
                }
            },
            Ticker.system());
    private final ApiRequest request = ApiRequest.get("/lists").build();

    @Test
    void anAttemptOfAStoppedCallNeitherAsksForAPermitNorIsHeardAsARetry() {
        CallProgress progress = new CallProgress();
        progress.stop();
        StepVerifier.create(path.observedMono(
                        request,
                        observed -> path.attemptMono(request, observed, progress, (permit, seen) -> Mono.just("sent"))
                                .then(path.attemptMono(
                                        request, observed, progress, (permit, seen) -> Mono.just("sent")))))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(path.observed(
                        request,
                        observed -> path.attempt(request, observed, progress, (permit, seen) -> Flux.just("sent"))))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertEquals(0, permitsAsked.get());
        assertEquals(0, retriesHeard.get());
    }
}
