package io.affinity.client.ratelimit.redis.internal;

import io.affinity.client.ratelimit.Quota;
import io.affinity.client.ratelimit.RateLimitException;
import io.affinity.client.ratelimit.RateLimitFeedback;
import io.affinity.client.ratelimit.RateLimitSnapshot;
import io.affinity.client.ratelimit.RateLimiter;
import io.affinity.client.ratelimit.RequestQueueFullException;
import io.affinity.client.ratelimit.Ticker;
import io.affinity.client.ratelimit.redis.RedisRateLimiterListener;
import io.affinity.client.ratelimit.redis.RedisUnavailableException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * A {@link RateLimiter} whose bucket, gate, refusal and in-flight leases live in Redis, shared by every process
 * that uses the same namespace.
 *
 * <p>The callers of this process wait in one local line. Only its head asks Redis (one script call at a time): the
 * acquire script grants a permit (and a lease), or answers how long to wait, and a timer on the scheduler asks
 * again after that; no thread ever waits. Every event (a caller, an answer, a cancellation, a timer, a released
 * permit) is recorded in a concurrent queue or flag and handled by {@link #drain()}, which one thread runs at a
 * time. A permit the script granted goes to the caller it was asked for or, if that one left, to the first caller
 * of the same kind still in line (see below); if none is left it goes back to Redis.
 *
 * <p>A wait for the account's monthly limit is kept apart in Redis: it holds or refuses only the calls the month
 * counts, never those exempt from it ({@link RateLimiter#exemptFromMonthlyLimit}). When Redis answers that the head
 * of the line is held for the month, the limiter asks for the first exempt caller in line instead, so exempt callers
 * go past those held for the month (still under the per-minute limit, the in-flight cap and the user window); when
 * it answers that the month refuses, the callers it counts fail at once and exempt ones stay in line.
 *
 * <p>While Redis is unreachable, callers use the local fallback limiter or fail at once, as configured; a probe on
 * the scheduler tries Redis again every recovery interval until it answers. A monthly refusal this process learned
 * of still fails the calls the month counts during an outage, rather than letting the fallback send them.
 */
public final class SharedRateLimiter implements RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(SharedRateLimiter.class);

    private final Settings settings;
    private final String[] keys;
    private final String leasePrefix = UUID.randomUUID().toString().substring(0, 8) + ':';
    private final AtomicLong leaseCounter = new AtomicLong();
    private final long leaseMs;
    private final long ttlMs;
    private final long maxServerWaitMs;
    private final RedisClient client;
    private final RedisURI uri;
    private final ClientResources ownedResources;
    private final boolean ownsClient;
    private final Scheduler scheduler;
    private final Ticker ticker;
    private final RedisRateLimiterListener listener;
    private final RateLimiter fallback;

    // events, filled by any thread
    private final Queue<Waiter> arrivals = new ConcurrentLinkedQueue<>();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger cancellations = new AtomicInteger();
    private final AtomicBoolean timerFired = new AtomicBoolean();
    private final AtomicBoolean slotFreed = new AtomicBoolean();
    private final AtomicInteger wip = new AtomicInteger();

    // state, touched only inside drain()
    private final ArrayDeque<Waiter> line = new ArrayDeque<>();
    private boolean asking;
    private boolean timerPending;
    private boolean waitingForSlot;
    /** Whether the pending timer only waits for the month, which an exempt caller need not wait for. */
    private boolean timerForMonth;
    /** Until then (local time) Redis holds the calls the month counts, as far as this process knows. */
    private long monthHeldUntil;

    private Disposable timer;

    // shared with any thread
    private final AtomicReference<Connecting> connection = new AtomicReference<>();
    private final long redisTimeoutNanos;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final AtomicLong outages = new AtomicLong();
    private final AtomicLong redisErrors = new AtomicLong();
    private final AtomicBoolean up = new AtomicBoolean(true);
    private volatile boolean available = true;
    private volatile boolean closed;
    private volatile Throwable outageCause;
    private volatile long outageStartedAt;
    private volatile Disposable probe;
    private volatile long gateOpensAt;
    private volatile RateLimitSnapshot snapshot = RateLimitSnapshot.empty();
    private volatile String knownVersion = "-1";
    /** The latest monthly refusal this process learned of, kept for outages. */
    private final AtomicReference<MonthRefusal> monthRefusal = new AtomicReference<>(new MonthRefusal(0, 0));

    /**
     * Creates the limiter and starts connecting to Redis.
     *
     * @param settings       the settings
     * @param client         the Redis client
     * @param uri            where Redis is
     * @param ownedResources resources to shut down on {@link #close()}, or {@code null}
     * @param ownsClient     whether {@link #close()} shuts the client down
     * @param scheduler      the scheduler of the timers
     * @param ticker         the monotonic clock of local time
     * @param listener       hears about outages
     */
    public SharedRateLimiter(
            Settings settings,
            RedisClient client,
            RedisURI uri,
            ClientResources ownedResources,
            boolean ownsClient,
            Scheduler scheduler,
            Ticker ticker,
            RedisRateLimiterListener listener) {
        this.settings = settings;
        String tag = settings.keyPrefix() + '{' + settings.namespace() + '}';
        this.keys = new String[] {tag + ":state", tag + ":leases"};
        this.leaseMs = settings.leaseTime().toMillis();
        this.redisTimeoutNanos = settings.redisTimeout().toNanos();
        this.maxServerWaitMs = ServerWaits.millis(settings.maxServerWait());
        // the state must outlive every wait it records and every lease
        this.ttlMs = Math.max(Math.max(leaseMs, maxServerWaitMs), ServerWaits.WINDOW_MS) + ServerWaits.WINDOW_MS;
        this.client = client;
        this.uri = uri;
        this.ownedResources = ownedResources;
        this.ownsClient = ownsClient;
        this.scheduler = scheduler;
        this.ticker = ticker;
        this.listener = listener;
        this.fallback = RateLimiter.tokenBucket(settings.fallbackOptions(), scheduler, ticker);
        this.monthHeldUntil = ticker.read();
        connection(); // connect early, without waiting
    }

    @Override
    public Mono<Permit> acquire(String method, String path) {
        return Mono.create(sink -> {
            Waiter waiter = new Waiter(sink, method, path);
            sink.onCancel(waiter::cancel);
            if (closed) {
                waiter.reject(new IllegalStateException("the rate limiter is closed"));
                return;
            }
            arrivals.offer(waiter);
            drain();
            if (settings.maxWait() != null) {
                waiter.expireAfter(settings.maxWait());
            }
        });
    }

    @Override
    public RateLimitSnapshot snapshot() {
        return snapshot;
    }

    /** @return whether Redis answered the last time it was asked */
    public boolean redisAvailable() {
        return available;
    }

    /** @return how many times Redis became unreachable */
    public long outages() {
        return outages.get();
    }

    /** @return how many Redis calls failed */
    public long redisErrors() {
        return redisErrors.get();
    }

    /** Fails the waiting callers, stops the probe and closes the connection without waiting. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        drain();
        Disposable currentProbe = probe;
        if (currentProbe != null) {
            currentProbe.dispose();
        }
        Connecting current = connection.get();
        CompletableFuture<?> closing = current == null
                ? CompletableFuture.completedFuture(null)
                : current.future
                        .handle((open, failed) -> open)
                        .thenCompose(
                                open -> open == null ? CompletableFuture.completedFuture(null) : open.closeAsync());
        if (ownsClient) {
            closing.whenComplete((ignored, failed) -> client.shutdownAsync(0, 2, TimeUnit.SECONDS)
                    .whenComplete((done, error) -> {
                        if (ownedResources != null) {
                            ownedResources.shutdown(0, 2, TimeUnit.SECONDS);
                        }
                    }));
        }
    }

    // ---------------------------------------------------------------- the loop

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            try {
                step();
            } catch (RuntimeException unexpected) {
                // one bad event must not leave the loop taken, which would stall every later caller
                LOG.warn("shared rate limiter step failed; continuing", unexpected);
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void step() {
        if (timerFired.getAndSet(false)) {
            timerPending = false;
        }
        if (slotFreed.getAndSet(false) && timerPending && waitingForSlot) {
            // a slot of this process came free: ask again now rather than at the lease's expiry
            timer.dispose();
            timerPending = false;
        }
        Answer answer;
        while ((answer = answers.poll()) != null) {
            asking = false;
            handle(answer);
        }
        if (cancellations.getAndSet(0) > 0) {
            line.removeIf(Waiter::isDone);
        }
        boolean exemptArrived = admitArrivals();
        if (closed) {
            Waiter waiter;
            while ((waiter = line.poll()) != null) {
                waiter.reject(new IllegalStateException("the rate limiter is closed"));
            }
            return;
        }
        if (!available) {
            Waiter waiter;
            while ((waiter = line.poll()) != null) {
                divert(waiter);
            }
            return;
        }
        if (!asking && !line.isEmpty()) {
            if (timerPending && timerForMonth && exemptArrived) {
                // the timer waits for the month only (no exempt caller was in line): a new one need not wait for it
                timer.dispose();
                timerPending = false;
            }
            if (!timerPending) {
                askNext();
            }
        }
    }

    /** Asks for the head of the line or, while the head is held for the month, the first exempt caller. */
    private void askNext() {
        Waiter whom = line.peek();
        long monthWait = monthHeldUntil - ticker.read();
        if (!whom.exempt && monthWait > 0) {
            whom = firstExempt();
            if (whom == null) {
                schedule(Math.max(1, TimeUnit.NANOSECONDS.toMillis(monthWait + 999_999)));
                timerForMonth = true;
                return;
            }
        }
        ask(whom);
    }

    private Waiter firstExempt() {
        for (Waiter waiter : line) {
            if (waiter.exempt && !waiter.isDone()) {
                return waiter;
            }
        }
        return null;
    }

    /** @return whether a caller exempt from the monthly limit joined the line */
    private boolean admitArrivals() {
        boolean exemptArrived = false;
        Waiter waiter;
        while ((waiter = arrivals.poll()) != null) {
            if (waiter.isDone()) {
                continue;
            }
            if (line.size() < settings.maxQueuedRequests() || !available) {
                line.offer(waiter);
                exemptArrived |= waiter.exempt;
            } else {
                waiter.reject(new RequestQueueFullException(waiter.method, waiter.path, settings.maxQueuedRequests()));
            }
        }
        return exemptArrived;
    }

    private void handle(Answer answer) {
        if (answer.failure != null) {
            // if the script ran nonetheless, its lease expires by itself
            redisFailed(answer.failure);
            return;
        }
        adoptShared(answer.limits);
        if (answer.code == Scripts.GRANTED) {
            SharedPermit permit = new SharedPermit(answer.leaseId);
            // to the caller it was asked for, else the first one of the same kind: an exempt caller's permit is
            // granted past the month's hold, which a counted caller must not use
            if (line.remove(answer.asked) && answer.asked.grant(permit)) {
                answer.asked.deliver(permit);
                return;
            }
            for (Iterator<Waiter> waiters = line.iterator(); waiters.hasNext(); ) {
                Waiter waiter = waiters.next();
                if (waiter.isDone()) {
                    waiters.remove();
                    continue;
                }
                if (waiter.exempt != answer.asked.exempt) {
                    continue;
                }
                waiters.remove();
                if (waiter.grant(permit)) {
                    waiter.deliver(permit);
                    return;
                }
            }
            // everybody of that kind left meanwhile: the permit goes back
            release(answer.leaseId, true, RateLimitFeedback.none());
        } else if (answer.code == Scripts.REFUSED) {
            Waiter waiter;
            while ((waiter = line.poll()) != null) {
                waiter.reject(refusal(waiter, answer.resetMs));
            }
        } else if (answer.code == Scripts.REFUSED_FOR_MONTH) {
            learnMonthRefusal(answer.waitMs, answer.resetMs);
            line.removeIf(waiter -> {
                if (waiter.exempt) {
                    return false;
                }
                waiter.reject(refusal(waiter, answer.resetMs));
                return true;
            });
        } else if (answer.code == Scripts.WAIT_FOR_MONTH) {
            // the next ask goes to an exempt caller, or waits for the month's reset (see askNext)
            waitingForSlot = false;
            monthHeldUntil = ticker.read() + TimeUnit.MILLISECONDS.toNanos(answer.waitMs);
            gateOpensAt = monthHeldUntil;
        } else {
            waitingForSlot = answer.code == Scripts.WAIT_FOR_SLOT;
            if (waitingForSlot) {
                // another process may free a slot at any time: ask again soon, or at the first lease's expiry
                schedule(Math.min(answer.waitMs, settings.slotPollInterval().toMillis()));
            } else {
                gateOpensAt = ticker.read() + TimeUnit.MILLISECONDS.toNanos(answer.waitMs);
                schedule(answer.waitMs);
            }
        }
    }

    private RateLimitException refusal(Waiter waiter, long resetMs) {
        return new RateLimitException(
                waiter.method,
                waiter.path,
                null,
                "the server asks to wait longer than the maximum server wait of "
                        + settings.maxServerWait().toSeconds() + " s",
                Duration.ofMillis(resetMs),
                snapshot);
    }

    /** Keeps a monthly refusal for outages, when Redis cannot tell it (from any thread). */
    private void learnMonthRefusal(long refuseMs, long resetMs) {
        long now = ticker.read();
        MonthRefusal learned = new MonthRefusal(
                now + TimeUnit.MILLISECONDS.toNanos(refuseMs), now + TimeUnit.MILLISECONDS.toNanos(resetMs));
        monthRefusal.accumulateAndGet(learned, (known, fresh) -> fresh.until - known.until > 0 ? fresh : known);
    }

    private void schedule(long waitMs) {
        timerPending = true;
        timerForMonth = false;
        try {
            timer = scheduler.schedule(
                    () -> {
                        timerFired.set(true);
                        drain();
                    },
                    Math.max(1, waitMs),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            timerPending = false;
            Waiter waiter;
            while ((waiter = line.poll()) != null) {
                waiter.reject(stopped);
            }
        }
    }

    /** Asks Redis for a permit for this caller. */
    private void ask(Waiter whom) {
        asking = true;
        String leaseId = leasePrefix + leaseCounter.incrementAndGet();
        String[] args = {
            Integer.toString(settings.requestsPerMinute()),
            Integer.toString(settings.maxConcurrentRequests()),
            Long.toString(leaseMs),
            leaseId,
            Long.toString(ttlMs),
            knownVersion,
            whom.exempt ? "1" : "0"
        };
        run(Scripts.ACQUIRE, Scripts.ACQUIRE_SHA, args)
                .subscribe(
                        reply -> {
                            answers.offer(Answer.parse(reply, leaseId, whom));
                            drain();
                        },
                        error -> {
                            answers.offer(Answer.failed(error, leaseId, whom));
                            drain();
                        });
    }

    // ---------------------------------------------------------------- Redis

    private Mono<List<Object>> run(String script, String sha, String[] args) {
        return connection()
                .flatMap(open -> open.reactive()
                        .<Object>evalsha(sha, ScriptOutputType.MULTI, keys, args)
                        .onErrorResume(
                                RedisNoScriptException.class,
                                missing -> open.reactive().<Object>eval(script, ScriptOutputType.MULTI, keys, args))
                        .collectList())
                .timeout(settings.redisTimeout(), scheduler)
                .map(SharedRateLimiter::flatten);
    }

    /** A script's list answer comes as its items or, depending on the driver, as one list. */
    @SuppressWarnings("unchecked")
    private static List<Object> flatten(List<Object> items) {
        if (items.size() == 1 && items.get(0) instanceof List<?> nested) {
            return (List<Object>) nested;
        }
        return items;
    }

    private Mono<StatefulRedisConnection<String, String>> connection() {
        Connecting current = connection.get();
        if (current == null
                || current.future.isCompletedExceptionally()
                || (!current.future.isDone() && ticker.read() - current.startedAt > redisTimeoutNanos)) {
            // none yet, failed, or hanging: connect anew; a hanging attempt that completes later closes itself
            Connecting fresh = new Connecting(new CompletableFuture<>(), ticker.read());
            if (connection.compareAndSet(current, fresh)) {
                try {
                    client.connectAsync(StringCodec.UTF8, uri).whenComplete((open, failed) -> {
                        if (failed != null) {
                            fresh.future.completeExceptionally(failed);
                        } else if (closed || connection.get() != fresh) {
                            open.closeAsync();
                            fresh.future.completeExceptionally(new IllegalStateException("connection abandoned"));
                        } else {
                            fresh.future.complete(open);
                        }
                    });
                } catch (RuntimeException failed) {
                    fresh.future.completeExceptionally(failed);
                }
            }
            current = connection.get();
        }
        return Mono.fromFuture(current.future, true);
    }

    /** A connection attempt and when it started. */
    private record Connecting(CompletableFuture<StatefulRedisConnection<String, String>> future, long startedAt) {}

    private void release(String leaseId, boolean refund, RateLimitFeedback feedback) {
        ServerWaits waits = ServerWaits.of(feedback, maxServerWaitMs);
        Optional<Quota> user = feedback.limits().user();
        Optional<Quota> org = feedback.limits().org();
        Optional<Quota> cappedUser = user.filter(quota -> !quota.unlimited());
        String[] args = {
            leaseId,
            refund ? "1" : "0",
            Integer.toString(settings.requestsPerMinute()),
            Long.toString(ttlMs),
            cappedUser
                    .map(quota -> Long.toString(Math.min(quota.limit(), Integer.MAX_VALUE)))
                    .orElse(""),
            cappedUser.map(quota -> Long.toString(quota.remaining())).orElse("0"),
            Long.toString(waits.every().gateMs()),
            Long.toString(waits.every().refuseMs()),
            Long.toString(waits.every().refuseResetMs()),
            user.map(quota -> count(quota.limit())).orElse(""),
            user.map(quota -> count(quota.remaining())).orElse(""),
            user.map(quota -> Long.toString(ServerWaits.millis(quota.resetAfter())))
                    .orElse("0"),
            org.map(quota -> count(quota.limit())).orElse(""),
            org.map(quota -> count(quota.remaining())).orElse(""),
            org.map(quota -> Long.toString(ServerWaits.millis(quota.resetAfter())))
                    .orElse("0"),
            Long.toString(waits.month().gateMs()),
            Long.toString(waits.month().refuseMs()),
            Long.toString(waits.month().refuseResetMs())
        };
        if (waits.month().refuseMs() >= 0) {
            learnMonthRefusal(waits.month().refuseMs(), waits.month().refuseResetMs());
        }
        run(Scripts.RELEASE, Scripts.RELEASE_SHA, args)
                .subscribe(
                        done -> slotFreed.set(true),
                        error -> {
                            // the lease expires by itself
                            redisFailed(error);
                            drain();
                        },
                        this::drain);
    }

    private static String count(long value) {
        return value == Quota.UNLIMITED ? "u" : Long.toString(value);
    }

    // ---------------------------------------------------------------- outages

    /** Starts an outage, unless one is under way. Called from any thread: one caller wins the transition. */
    private void redisFailed(Throwable failure) {
        redisErrors.incrementAndGet();
        if (closed || !up.compareAndSet(true, false)) {
            return;
        }
        outageCause = failure;
        available = false;
        outageStartedAt = ticker.read();
        outages.incrementAndGet();
        LOG.warn(
                "Redis of the shared rate limiter '{}' is unreachable ({}); {} until it is back",
                displayName(),
                failure.toString(),
                settings.failClosed() ? "calls fail" : "calls use a local limiter");
        try {
            listener.onRedisUnavailable(failure);
        } catch (RuntimeException listenerFailed) {
            LOG.warn("rate limiter listener failed", listenerFailed);
        }
        if (probing.compareAndSet(false, true)) {
            scheduleProbe();
        }
    }

    private void scheduleProbe() {
        if (closed) {
            return;
        }
        try {
            probe = scheduler.schedule(this::probe, settings.recoveryInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            probing.set(false);
        }
    }

    private void probe() {
        connection()
                .flatMap(open -> open.reactive().ping())
                .timeout(settings.redisTimeout(), scheduler)
                .subscribe(pong -> recovered(), failed -> {
                    redisErrors.incrementAndGet();
                    scheduleProbe();
                });
    }

    private void recovered() {
        Duration outage = Duration.ofNanos(ticker.read() - outageStartedAt);
        probing.set(false);
        available = true;
        up.set(true);
        LOG.info(
                "Redis of the shared rate limiter '{}' is reachable again after {} ms",
                displayName(),
                outage.toMillis());
        try {
            listener.onRedisRecovered(outage);
        } catch (RuntimeException listenerFailed) {
            LOG.warn("rate limiter listener failed", listenerFailed);
        }
        drain();
    }

    /** A caller while Redis is unreachable: to the local limiter, or refused. */
    private void divert(Waiter waiter) {
        if (settings.failClosed()) {
            waiter.reject(new RedisUnavailableException(
                    waiter.method, waiter.path, settings.recoveryInterval(), snapshot, outageCause));
            return;
        }
        MonthRefusal month = monthRefusal.get();
        long now = ticker.read();
        if (!waiter.exempt && month.until - now > 0) {
            // the month refuses what it counts: the fallback, which has not heard, must not send it
            waiter.reject(refusal(waiter, TimeUnit.NANOSECONDS.toMillis(Math.max(0, month.resetsAt - now))));
            return;
        }
        waiter.delegate(fallback.acquire(waiter.method, waiter.path)
                .subscribe(
                        permit -> {
                            LocalPermit local = new LocalPermit(permit);
                            if (waiter.grant(local)) {
                                waiter.sink.success(local);
                            } else {
                                permit.release(RateLimitFeedback.none());
                            }
                        },
                        waiter::reject));
    }

    private String displayName() {
        return settings.namespace();
    }

    // ---------------------------------------------------------------- limits

    private void adoptShared(List<String> limits) {
        if (limits == null) {
            return;
        }
        Instant now = Instant.now();
        Quota user = quota(limits.get(1), limits.get(2), limits.get(3), now);
        Quota org = quota(limits.get(4), limits.get(5), limits.get(6), now);
        knownVersion = limits.get(0);
        if (user != null || org != null) {
            snapshot = snapshot.updatedWith(RateLimitSnapshot.of(user, org));
        }
    }

    private static Quota quota(String limit, String remaining, String resetMs, Instant now) {
        if (limit.isEmpty()) {
            return null;
        }
        return new Quota(parseCount(limit), parseCount(remaining), Duration.ofMillis(Long.parseLong(resetMs)), now);
    }

    private static long parseCount(String value) {
        return "u".equals(value) ? Quota.UNLIMITED : Long.parseLong(value);
    }

    private void adoptLocal(RateLimitFeedback feedback) {
        if (!feedback.limits().isEmpty()) {
            snapshot = snapshot.updatedWith(feedback.limits());
        }
    }

    private RateLimitException waitedTooLong(Waiter waiter) {
        long closedFor = gateOpensAt - ticker.read();
        return new RateLimitException(
                waiter.method, waiter.path, null, null, closedFor > 0 ? Duration.ofNanos(closedFor) : null, snapshot);
    }

    @Override
    public String toString() {
        return "RedisRateLimiter{name=" + displayName() + ", redisAvailable=" + available + '}';
    }

    // ---------------------------------------------------------------- types

    /** What Redis answered one acquire. */
    private static final class Answer {
        final long code;
        final long waitMs;
        final long resetMs;
        final String leaseId;
        final List<String> limits;
        final Throwable failure;
        /** The caller the permit was asked for. */
        final Waiter asked;

        private Answer(
                long code,
                long waitMs,
                long resetMs,
                String leaseId,
                List<String> limits,
                Throwable failure,
                Waiter asked) {
            this.code = code;
            this.waitMs = waitMs;
            this.resetMs = resetMs;
            this.leaseId = leaseId;
            this.limits = limits;
            this.failure = failure;
            this.asked = asked;
        }

        static Answer parse(List<Object> reply, String leaseId, Waiter asked) {
            List<String> limits = null;
            if (reply.size() >= 10) {
                limits = new ArrayList<>(7);
                for (int i = 3; i < 10; i++) {
                    limits.add(String.valueOf(reply.get(i)));
                }
            }
            return new Answer(
                    number(reply.get(0)), number(reply.get(1)), number(reply.get(2)), leaseId, limits, null, asked);
        }

        static Answer failed(Throwable failure, String leaseId, Waiter asked) {
            return new Answer(-1, 0, 0, leaseId, null, failure, asked);
        }

        private static long number(Object value) {
            return value instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(value));
        }
    }

    /**
     * A monthly refusal, in local time.
     *
     * @param until    calls the month counts fail at once until then
     * @param resetsAt the server's reset told to them
     */
    private record MonthRefusal(long until, long resetsAt) {}

    /** A permit from Redis: its release ends the lease and shares what the response said. */
    private final class SharedPermit implements Permit {
        private final String leaseId;
        private final AtomicBoolean released = new AtomicBoolean();

        SharedPermit(String leaseId) {
            this.leaseId = leaseId;
        }

        @Override
        public void release(RateLimitFeedback feedback) {
            if (released.compareAndSet(false, true)) {
                adoptLocal(feedback);
                SharedRateLimiter.this.release(leaseId, false, feedback);
            }
        }
    }

    /** A permit of the fallback limiter, taken while Redis was unreachable. */
    private final class LocalPermit implements Permit {
        private final Permit permit;
        private final AtomicBoolean released = new AtomicBoolean();

        LocalPermit(Permit permit) {
            this.permit = permit;
        }

        @Override
        public void release(RateLimitFeedback feedback) {
            if (released.compareAndSet(false, true)) {
                adoptLocal(feedback);
                permit.release(feedback);
            }
        }
    }

    /** A caller waiting for a permit. */
    private final class Waiter {
        private static final int WAITING = 0;
        private static final int GRANTED = 1;
        private static final int DONE = 2;

        private final AtomicInteger state = new AtomicInteger(WAITING);
        private final AtomicReference<Disposable> delegate = new AtomicReference<>();
        private final MonoSink<Permit> sink;
        private final String method;
        private final String path;
        /** Whether the monthly limit does not count this call. */
        private final boolean exempt;

        private volatile Permit granted;

        Waiter(MonoSink<Permit> sink, String method, String path) {
            this.sink = sink;
            this.method = method;
            this.path = path;
            this.exempt = RateLimiter.exemptFromMonthlyLimit(method, path);
        }

        boolean isDone() {
            return state.get() == DONE;
        }

        /** Takes the permit for this caller, unless it went away; a cancel after this gives the permit back. */
        boolean grant(Permit permit) {
            granted = permit;
            if (state.compareAndSet(WAITING, GRANTED)) {
                return true;
            }
            granted = null;
            return false;
        }

        /**
         * Hands the permit over from the scheduler, never from the thread that answered: that may be a Redis
         * event loop, which must not run the caller's request. A caller that cancelled meanwhile has given it back.
         */
        void deliver(SharedPermit permit) {
            try {
                scheduler.schedule(() -> {
                    if (state.get() == GRANTED) {
                        sink.success(permit);
                    }
                });
            } catch (RejectedExecutionException stopped) {
                if (state.get() == GRANTED) {
                    sink.success(permit);
                }
            }
        }

        void delegate(Disposable subscription) {
            if (!delegate.compareAndSet(null, subscription) || isDone()) {
                subscription.dispose();
            }
        }

        void reject(Throwable error) {
            if (state.compareAndSet(WAITING, DONE)) {
                Disposable current = delegate.get();
                if (current != null) {
                    current.dispose();
                }
                sink.error(error);
            }
        }

        void expireAfter(Duration wait) {
            if (state.get() != WAITING) {
                return;
            }
            try {
                sink.onDispose(
                        scheduler.schedule(() -> giveUp(waitedTooLong(this)), wait.toNanos(), TimeUnit.NANOSECONDS));
            } catch (RejectedExecutionException stopped) {
                giveUp(stopped);
            }
        }

        private void giveUp(Throwable error) {
            if (state.compareAndSet(WAITING, DONE)) {
                Disposable current = delegate.get();
                if (current != null) {
                    current.dispose();
                }
                cancellations.incrementAndGet();
                sink.error(error);
                drain();
            }
        }

        /** The caller went away: leave the line, or give back a permit granted but never used. */
        void cancel() {
            if (state.compareAndSet(WAITING, DONE)) {
                Disposable current = delegate.get();
                if (current != null) {
                    current.dispose();
                }
                cancellations.incrementAndGet();
                drain();
            } else if (state.compareAndSet(GRANTED, DONE)) {
                Permit permit = granted;
                if (permit instanceof SharedPermit shared && shared.released.compareAndSet(false, true)) {
                    release(shared.leaseId, true, RateLimitFeedback.none()); // the token goes back too
                } else if (permit != null) {
                    permit.release(RateLimitFeedback.none());
                }
            }
        }
    }
}
