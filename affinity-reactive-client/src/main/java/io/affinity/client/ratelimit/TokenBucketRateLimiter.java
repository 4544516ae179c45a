package io.affinity.client.ratelimit;

import io.affinity.client.error.RateLimitException;
import io.affinity.client.error.RequestQueueFullException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * The default {@link RateLimiter}: a token bucket refilled at the per-minute limit, a gate that every caller
 * waits at once the server reports an exhausted window or answers 429, and a cap on requests in flight with
 * a bounded line of waiters.
 *
 * <p>No thread ever waits here. Every event (a new caller, a released permit, a cancellation, a timer) is
 * recorded in a concurrent queue or counter and then handled by {@link #drain()}, which only one thread runs
 * at a time (the others leave their work to it). Waiting callers are completed later, from a timer on the
 * scheduler or from the thread that released a permit.
 */
final class TokenBucketRateLimiter implements RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(TokenBucketRateLimiter.class);
    /** Waits longer than this are taken as this; it keeps the clock arithmetic far from overflow. */
    private static final Duration FOREVER = Duration.ofDays(366);

    private static final long WINDOW_MILLIS = TimeUnit.MINUTES.toMillis(1);
    private static final long NO_TIMER = Long.MAX_VALUE;

    private final int maxConcurrent;
    private final int maxQueued;
    private final Duration maxWait;
    private final Scheduler scheduler;

    // events, filled by any thread
    private final Queue<Waiter> arrivals = new ConcurrentLinkedQueue<>();
    private final Queue<RateLimitFeedback> completions = new ConcurrentLinkedQueue<>();
    private final AtomicInteger refunds = new AtomicInteger();
    private final AtomicInteger cancellations = new AtomicInteger();
    private final AtomicInteger wip = new AtomicInteger();

    // state, touched only inside drain()
    private final ArrayDeque<Waiter> line = new ArrayDeque<>();
    private long limitPerMinute;
    private double tokens;
    private long lastRefill;
    private long gateClosedUntil;
    private int inFlight;
    private long timerAt = NO_TIMER;

    // published for readers on any thread
    private volatile RateLimitSnapshot snapshot = RateLimitSnapshot.empty();
    private volatile long publishedGateClosedUntil;

    TokenBucketRateLimiter(RateLimitOptions options, Scheduler scheduler) {
        this.maxConcurrent = options.maxConcurrentRequests();
        this.maxQueued = options.maxQueuedRequests();
        this.maxWait = options.maxWait().orElse(null);
        this.scheduler = scheduler;
        this.limitPerMinute = options.requestsPerMinute();
        this.tokens = limitPerMinute;
        this.lastRefill = now();
    }

    @Override
    public Mono<Permit> acquire(String method, String path) {
        return Mono.create(sink -> {
            Waiter waiter = new Waiter(sink, method, path);
            sink.onCancel(waiter::cancel);
            arrivals.offer(waiter);
            drain();
            if (maxWait != null) {
                waiter.expireAfter(maxWait);
            }
        });
    }

    @Override
    public RateLimitSnapshot snapshot() {
        return snapshot;
    }

    private RateLimitException waitedTooLong(String method, String path) {
        long closedFor = publishedGateClosedUntil - now();
        return new RateLimitException(method, path, null, null,
                closedFor > 0 ? Duration.ofMillis(closedFor) : null, snapshot);
    }

    private long now() {
        return scheduler.now(TimeUnit.MILLISECONDS);
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            try {
                step(now());
            } catch (RuntimeException unexpected) {
                // one bad event must not leave the drain loop taken, which would stall every later caller
                LOG.warn("rate limiter step failed; continuing", unexpected);
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void step(long now) {
        if (timerAt <= now) {
            timerAt = NO_TIMER;
        }
        takeCompletions(now);
        refill(now);
        dropCancelled();
        grant(now);
        admitArrivals(now);
    }

    private void takeCompletions(long now) {
        for (int refund = refunds.getAndSet(0); refund > 0; refund--) {
            inFlight--;
            tokens = Math.min(limitPerMinute, tokens + 1);
        }
        RateLimitFeedback feedback;
        while ((feedback = completions.poll()) != null) {
            inFlight--;
            adopt(feedback, now);
        }
    }

    private void adopt(RateLimitFeedback feedback, long now) {
        RateLimitSnapshot limits = feedback.limits();
        limits.user().ifPresent(user -> {
            if (user.limit() > 0) {
                limitPerMinute = user.limit();
            }
            // requests still in flight may not be counted in this response's "remaining" yet
            tokens = Math.min(tokens, Math.max(0, user.remaining() - inFlight));
        });
        feedback.requiredWait().ifPresent(wait -> closeGate(until(now, wait)));
        if (!limits.isEmpty()) {
            snapshot = snapshot.updatedWith(limits);
        }
    }

    private static long until(long now, Duration wait) {
        return now + (wait.compareTo(FOREVER) >= 0 ? FOREVER : wait).toMillis();
    }

    private void closeGate(long until) {
        if (until > gateClosedUntil) {
            gateClosedUntil = until;
            publishedGateClosedUntil = until;
        }
    }

    private void refill(long now) {
        long elapsed = now - lastRefill;
        if (elapsed > 0) {
            tokens = Math.min(limitPerMinute, tokens + elapsed * (double) limitPerMinute / WINDOW_MILLIS);
            lastRefill = now;
        }
    }

    private void dropCancelled() {
        if (cancellations.getAndSet(0) > 0) {
            line.removeIf(Waiter::isCancelled);
        }
    }

    /** Grants permits to the line, in order, while the gate, the in-flight cap and the bucket allow. */
    private void grant(long now) {
        Waiter waiter;
        while ((waiter = line.peek()) != null) {
            if (!mayGrant(now)) {
                return;
            }
            line.poll();
            handOut(waiter);
        }
    }

    /** New callers start at once when nobody waits and a permit is free, else queue up or are refused. */
    private void admitArrivals(long now) {
        Waiter waiter;
        while ((waiter = arrivals.poll()) != null) {
            if (waiter.isCancelled()) {
                continue;
            }
            if (line.isEmpty() && mayGrant(now)) {
                handOut(waiter);
            } else if (line.size() < maxQueued) {
                line.offer(waiter);
            } else {
                waiter.reject(new RequestQueueFullException(waiter.method, waiter.path, maxQueued));
            }
        }
    }

    private boolean mayGrant(long now) {
        if (now < gateClosedUntil) {
            wakeUpAt(gateClosedUntil, now);
            return false;
        }
        if (inFlight >= maxConcurrent) {
            return false; // the next release drains again
        }
        if (tokens < 1) {
            long untilNextToken = (long) Math.ceil((1 - tokens) * WINDOW_MILLIS / limitPerMinute);
            wakeUpAt(now + Math.max(1, untilNextToken), now);
            return false;
        }
        return true;
    }

    private void handOut(Waiter waiter) {
        tokens -= 1;
        inFlight++;
        if (!waiter.grant(new BucketPermit())) {
            // cancelled meanwhile: the permit goes straight back
            tokens += 1;
            inFlight--;
        }
    }

    private void wakeUpAt(long at, long now) {
        if (at >= timerAt) {
            return;
        }
        timerAt = at;
        try {
            scheduler.schedule(this::drain, at - now, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            timerAt = NO_TIMER;
            Waiter waiter;
            while ((waiter = line.poll()) != null) {
                waiter.reject(stopped);
            }
        }
    }

    /** A permit of this limiter; released once by the client. */
    private final class BucketPermit implements Permit {

        @Override
        public void release(RateLimitFeedback feedback) {
            completions.offer(feedback);
            drain();
        }
    }

    /** A caller waiting for a permit. */
    private final class Waiter {

        private static final int WAITING = 0;
        private static final int GRANTED = 1;
        private static final int CANCELLED = 2;

        private final AtomicInteger state = new AtomicInteger(WAITING);
        private final MonoSink<Permit> sink;
        private final String method;
        private final String path;

        Waiter(MonoSink<Permit> sink, String method, String path) {
            this.sink = sink;
            this.method = method;
            this.path = path;
        }

        boolean isCancelled() {
            return state.get() == CANCELLED;
        }

        boolean grant(Permit permit) {
            if (!state.compareAndSet(WAITING, GRANTED)) {
                return false;
            }
            sink.success(permit);
            return true;
        }

        void reject(Throwable error) {
            if (state.compareAndSet(WAITING, CANCELLED)) {
                sink.error(error);
            }
        }

        /**
         * Fails this caller with a {@link RateLimitException} if it still waits after {@code wait}.
         *
         * <p>The timer races the grant through {@link #state}, like a cancellation: exactly one of them wins. A
         * {@code timeout} operator behind the sink cannot do that: when it fires just as the permit is handed out,
         * it drops the permit (the sink has already succeeded, so no cancel comes back) and the in-flight slot
         * would be lost for good.
         */
        void expireAfter(Duration wait) {
            if (state.get() != WAITING) {
                return; // granted or refused at once: no timer needed
            }
            try {
                // disposed once the caller is answered or cancels; a timer that fires anyway finds no waiter
                sink.onDispose(scheduler.schedule(() -> giveUp(waitedTooLong(method, path)),
                        wait.compareTo(FOREVER) >= 0 ? FOREVER.toMillis() : wait.toMillis(), TimeUnit.MILLISECONDS));
            } catch (RejectedExecutionException stopped) {
                giveUp(stopped);
            }
        }

        /** Takes the caller out of the line and fails it, unless it was answered or went away already. */
        private void giveUp(Throwable error) {
            if (state.compareAndSet(WAITING, CANCELLED)) {
                cancellations.incrementAndGet();
                sink.error(error);
                drain();
            }
        }

        /** The caller went away: leave the line, or give back a permit it was granted but never used. */
        void cancel() {
            if (state.compareAndSet(WAITING, CANCELLED)) {
                cancellations.incrementAndGet();
            } else if (state.compareAndSet(GRANTED, CANCELLED)) {
                refunds.incrementAndGet();
            } else {
                return;
            }
            drain();
        }
    }
}
