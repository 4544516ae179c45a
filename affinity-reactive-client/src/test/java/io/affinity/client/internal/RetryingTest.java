package io.affinity.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.affinity.client.error.TransportException;
import io.affinity.client.ratelimit.RateLimitOptions;
import io.affinity.client.retry.RetryOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The attempts of a call: retried after the policy's wait on the timer, never after a cancel. */
class RetryingTest {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final RetryPolicy policy = new RetryPolicy(
            RetryOptions.builder()
                    .maxAttempts(3)
                    .baseDelay(Duration.ofSeconds(1))
                    .maxDelay(Duration.ofSeconds(1))
                    .build(),
            RateLimitOptions.defaults(),
            time);
    private final ApiRequest request = ApiRequest.get("/persons").build();
    private final TransportException notSent =
            new TransportException("GET", "/persons", TransportException.Kind.CONNECT, false, null);

    @AfterEach
    void stop() {
        time.dispose();
    }

    @Test
    void aFailedAttemptIsRetriedUntilOneSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        Mono<String> call = policy.retrying(
                Mono.defer(() -> attempts.incrementAndGet() < 3 ? Mono.error(notSent) : Mono.just("third")), request);
        String[] value = new String[1];
        call.subscribe(v -> value[0] = v);
        time.advanceTimeBy(Duration.ofSeconds(2));
        assertEquals(3, attempts.get());
        assertEquals("third", value[0]);
    }

    @Test
    void theLastFailureIsTheCallsOnceTheAttemptsAreUsedUp() {
        AtomicInteger attempts = new AtomicInteger();
        Throwable[] failure = new Throwable[1];
        policy.retrying(
                        Mono.<String>defer(() -> {
                            attempts.incrementAndGet();
                            return Mono.error(notSent);
                        }),
                        request)
                .subscribe(v -> {}, f -> failure[0] = f);
        time.advanceTimeBy(Duration.ofSeconds(10));
        assertEquals(3, attempts.get());
        assertSame(notSent, failure[0]);
    }

    @Test
    void cancellingDuringTheWaitStartsNoOtherAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        Throwable[] failure = new Throwable[1];
        Disposable call = policy.retrying(
                        Mono.<String>defer(() -> {
                            attempts.incrementAndGet();
                            return Mono.error(notSent);
                        }),
                        request)
                .subscribe(v -> {}, f -> failure[0] = f);
        assertEquals(1, attempts.get());
        call.dispose();
        time.advanceTimeBy(Duration.ofSeconds(10));
        assertEquals(1, attempts.get());
        assertNull(failure[0]);
    }

    @Test
    void cancellingCancelsTheAttemptRunning() {
        AtomicInteger cancelled = new AtomicInteger();
        Disposable call = policy.retrying(Mono.<String>never().doOnCancel(cancelled::incrementAndGet), request)
                .subscribe();
        call.dispose();
        assertEquals(1, cancelled.get());
    }
}
