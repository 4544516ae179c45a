package io.affinity.client.ratelimit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>The server's user window is fixed: it does not refill before its reset. Once a response reports the window's
 * remaining requests and reset, no more than those remaining (less the requests still in flight) are sent before
 * that reset, however much the bucket has refilled meanwhile; so a client that follows the headers gets no 429.
 *
 * <p>A wait for the account's monthly limit (its quota used up, or a 429 whose headers show only the month
 * exhausted) holds every call but those the month does not count ({@link RateLimiter#exemptFromMonthlyLimit}),
 * so that a caller can still ask how the limits stand; they pass the callers held for the month in line.
 *
 * <p>No thread ever waits here. Every event (a new caller, a released permit, a cancellation, a timer) is
 * recorded in a concurrent queue or counter and then handled by {@link #drain()}, which only one thread runs
 * at a time (the others leave their work to it). Waiting callers are completed later, from the scheduler.
 *
 * <p>Time comes from a monotonic {@link Ticker}, never from the wall clock, and every timer that fires clears
 * the pending-timer mark before the state is looked at again, so a waiter that still has to wait always gets a
 * new timer. The server's headers are bounded: the user window's reset closes the gate for at most its length
 * (one minute); a wait beyond {@link RateLimitOptions#maxServerWait()} fails the waiting calls at once instead.
 *
 * <p>A permit goes only to a caller that is still there. When a caller cancels a call that holds a permit, the
 * callers in line get nothing until cancellations have stopped for a {@linkplain #QUIET_NANOS quiet period}
 * (at most {@linkplain #MAX_QUIET_NANOS a second} in all): a batch that is being cancelled (a disposed
 * {@code flatMap} cancels its calls one after the other, those in flight first) must not hand the permits of its
 * first calls to its own queued calls and start their requests before their cancel arrives, however long the
 * batch takes to cancel. Callers that give up their place in line do not start a quiet period (they free no
 * permit), but while one runs they extend it: they are the rest of such a batch. Permits reach callers that
 * waited from the scheduler, never from the thread that freed them, for the same reason.
 */
final class TokenBucketRateLimiter implements RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(TokenBucketRateLimiter.class);

    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** Waits are taken as at most this long: it keeps the clock arithmetic far from overflow. */
    private static final long FOREVER_NANOS = TimeUnit.DAYS.toNanos(366);

    private static final long NO_TIMER = Long.MAX_VALUE;
    /** How long cancellations must have stopped before waiting callers get permits again. */
    static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** The longest a quiet period lasts, however long cancellations go on. */
    static final long MAX_QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int maxConcurrent;
    private final int maxQueued;
    private final Duration maxWait;
    private final long maxServerWaitNanos;
    private final Scheduler scheduler;
    private final Ticker ticker;

    // events, filled by any thread
    private final Queue<Waiter> arrivals = new ConcurrentLinkedQueue<>();
    private final Queue<RateLimitFeedback> completions = new ConcurrentLinkedQueue<>();
    private final AtomicInteger refunds = new AtomicInteger();
    private final AtomicInteger cancellations = new AtomicInteger();
    /** Callers that cancelled while in line (not those whose wait expired): the rest of a batch being cancelled. */
    private final AtomicInteger leftTheLine = new AtomicInteger();

    private final AtomicBoolean timerFired = new AtomicBoolean();
    private final AtomicInteger callsGone = new AtomicInteger();
    private final AtomicLong quietTimerFiredFor = new AtomicLong(-1);
    private final AtomicInteger wip = new AtomicInteger();

    // state, touched only inside drain(); times are ticker readings
    private final ArrayDeque<Waiter> line = new ArrayDeque<>();
    private long limitPerMinute;
    private double tokens;
    private long lastRefill;
    /** Requests the server's current user window still takes, as far as it told; applies until windowEndsAt. */
    private long windowBudget;

    private long windowEndsAt;
    /** Waits for every call. */
    private final Hold everyCall;
    /** Waits for the account's monthly limit, which some calls are exempt from. */
    private final Hold monthly;

    private int inFlight;
    private long timerAt = NO_TIMER;
    private long goneGeneration;
    private boolean quiet;
    private long quietEndsAtLatest;
    private boolean quietTimerSet;

    // published for readers on any thread
    private volatile RateLimitSnapshot snapshot = RateLimitSnapshot.empty();
    private volatile long publishedGateClosedUntil;
    private volatile long publishedMonthClosedUntil;

    TokenBucketRateLimiter(RateLimitOptions options, Scheduler scheduler, Ticker ticker) {
        this.maxConcurrent = options.maxConcurrentRequests();
        this.maxQueued = options.maxQueuedRequests();
        this.maxWait = options.maxWait().orElse(null);
        this.maxServerWaitNanos = nanos(options.maxServerWait());
        this.scheduler = scheduler;
        this.ticker = ticker;
        this.limitPerMinute = options.requestsPerMinute();
        this.tokens = limitPerMinute;
        long now = ticker.read();
        this.lastRefill = now;
        this.windowEndsAt = now;
        this.everyCall = new Hold(now);
        this.monthly = new Hold(now);
        this.publishedGateClosedUntil = now;
        this.publishedMonthClosedUntil = now;
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

    private RateLimitException waitedTooLong(Waiter waiter) {
        long closedUntil = publishedGateClosedUntil;
        if (!waiter.monthlyExempt && publishedMonthClosedUntil - closedUntil > 0) {
            closedUntil = publishedMonthClosedUntil;
        }
        String method = waiter.method;
        String path = waiter.path;
        long closedFor = closedUntil - ticker.read();
        return new RateLimitException(
                method, path, null, null, closedFor > 0 ? Duration.ofNanos(closedFor) : null, snapshot);
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            try {
                step(ticker.read());
            } catch (VirtualMachineError fatal) {
                wip.set(0);
                throw fatal;
            } catch (Throwable unexpected) {
                // one bad event must not leave the drain loop taken, which would stall every later caller
                LOG.warn("rate limiter step failed; continuing", unexpected);
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void step(long now) {
        if (timerFired.getAndSet(false) || timerAt - now <= 0) {
            // whatever the timer was for is looked at again below, and gets a new timer if it still waits
            timerAt = NO_TIMER;
        }
        takeCompletions(now);
        refill(now);
        dropCancelled();
        watchCancellations(now);
        refuseIfRefusing(now);
        grant(now);
        admitArrivals(now);
    }

    private void takeCompletions(long now) {
        for (int refund = refunds.getAndSet(0); refund > 0; refund--) {
            inFlight--;
            windowBudget++;
            tokens = Math.min(limitPerMinute, tokens + 1);
        }
        RateLimitFeedback feedback;
        while ((feedback = completions.poll()) != null) {
            inFlight--;
            adopt(feedback, now);
        }
    }

    /** Takes the limits a response reported, and the wait it asks for, within the limiter's bounds. */
    private void adopt(RateLimitFeedback feedback, long now) {
        RateLimitSnapshot limits = feedback.limits();
        Optional<Quota> user = limits.user().filter(quota -> !quota.unlimited());
        if (user.isPresent()) {
            Quota quota = user.get();
            if (quota.limit() > 0) {
                limitPerMinute = Math.min(quota.limit(), Integer.MAX_VALUE);
            }
            adoptWindow(quota, now);
            tokens = Math.min(tokens, windowBudget);
        }
        if (!limits.isEmpty()) {
            snapshot = snapshot.updatedWith(limits);
        }
        Optional<Quota> monthUsedUp = limits.org().filter(Quota::exhausted);
        Optional<Duration> retryAfter = feedback.retryAfter();
        if (retryAfter.isPresent()) {
            // a 429 for the month alone (its quota used up, the user window not) holds what the month counts
            boolean forTheMonth =
                    monthUsedUp.isPresent() && user.isPresent() && !user.get().exhausted();
            serverAsksToWait(forTheMonth ? monthly : everyCall, nanos(retryAfter.get()), now);
        } else if (user.isPresent() && (user.get().exhausted() || feedback.throttled())) {
            // the user window is a minute long: its reset never closes the gate for longer
            closeGate(everyCall, now + Math.min(nanos(user.get().resetAfter()), WINDOW_NANOS));
        }
        monthUsedUp.ifPresent(org -> serverAsksToWait(monthly, nanos(org.resetAfter()), now));
    }

    /**
     * Takes the user window's remaining requests and reset. Requests still in flight may not be counted in this
     * response's "remaining" yet, and the window does not refill before its reset, so no more than that is sent
     * until then. Responses can arrive out of order and late (a reset is read when the whole body has arrived): until
     * the known window has ended, every answer counts as one of it, so the lowest remaining and the earliest reset
     * win and a late answer can only lower what is left, never raise it or push the reset back.
     */
    private void adoptWindow(Quota quota, long now) {
        long budget = Math.max(0, quota.remaining() - inFlight);
        long endsAt = now + Math.min(nanos(quota.resetAfter()), WINDOW_NANOS);
        if (windowEndsAt - now <= 0) {
            windowBudget = budget; // a new window
            windowEndsAt = endsAt;
        } else {
            windowBudget = Math.min(windowBudget, budget);
            if (endsAt - windowEndsAt < 0) {
                windowEndsAt = endsAt;
            }
        }
    }

    /** A wait the server asks for: the gate closes for it, or, beyond the bound, waiting calls fail at once. */
    private void serverAsksToWait(Hold hold, long wait, long now) {
        if (wait <= maxServerWaitNanos) {
            closeGate(hold, now + wait);
            return;
        }
        LOG.debug(
                "the server asks every call to wait {} s, beyond the limit of {} s: failing calls that would "
                        + "wait for {} s",
                TimeUnit.NANOSECONDS.toSeconds(wait),
                TimeUnit.NANOSECONDS.toSeconds(maxServerWaitNanos),
                TimeUnit.NANOSECONDS.toSeconds(maxServerWaitNanos));
        if (now + maxServerWaitNanos - hold.refusingUntil > 0) {
            hold.refusingUntil = now + maxServerWaitNanos;
        }
        hold.refusalResetsAt = now + wait;
    }

    private static long nanos(Duration wait) {
        return wait.isNegative()
                ? 0
                : wait.compareTo(Duration.ofNanos(FOREVER_NANOS)) >= 0 ? FOREVER_NANOS : wait.toNanos();
    }

    private void closeGate(Hold hold, long until) {
        if (until - hold.gateClosedUntil > 0) {
            hold.gateClosedUntil = until;
        }
        if (hold == everyCall && until - publishedGateClosedUntil > 0) {
            publishedGateClosedUntil = until;
        } else if (hold == monthly && until - publishedMonthClosedUntil > 0) {
            publishedMonthClosedUntil = until;
        }
    }

    private void refill(long now) {
        long elapsed = now - lastRefill;
        if (elapsed > 0) {
            tokens = Math.min(limitPerMinute, tokens + elapsed * (double) limitPerMinute / WINDOW_NANOS);
            lastRefill = now;
        }
    }

    private void dropCancelled() {
        if (cancellations.getAndSet(0) > 0) {
            line.removeIf(Waiter::isCancelled);
        }
    }

    /**
     * Starts the quiet period after calls that held a permit went away, extends it while calls go away or leave
     * the line, and ends it once a whole period has passed without any (or at its longest). One timer at a time:
     * when it fires after more cancellations, it is set again. Callers whose wait expired extend nothing: they are
     * not a batch being cancelled, and the line they wait in is what holds them.
     */
    private void watchCancellations(long now) {
        boolean callersLeft = leftTheLine.getAndSet(0) > 0;
        if (callsGone.getAndSet(0) > 0) {
            goneGeneration++;
            if (!quiet) {
                quiet = true;
                quietEndsAtLatest = now + MAX_QUIET_NANOS;
            }
        } else if (quiet && callersLeft) {
            goneGeneration++;
        }
        if (!quiet) {
            return;
        }
        if (quietTimerSet && quietTimerFiredFor.get() >= 0) {
            quietTimerSet = false;
            if (quietTimerFiredFor.getAndSet(-1) == goneGeneration || now - quietEndsAtLatest >= 0) {
                quiet = false;
                return;
            }
        }
        if (!quietTimerSet) {
            quietTimerSet = true;
            long generation = goneGeneration;
            try {
                scheduler.schedule(
                        () -> {
                            quietTimerFiredFor.set(generation);
                            drain();
                        },
                        QUIET_NANOS,
                        TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                quietTimerSet = false;
                quiet = false;
            }
        }
    }

    /** While the server's wait is beyond the bound, every caller it holds fails at once with the reset. */
    private void refuseIfRefusing(long now) {
        if (everyCall.refusing(now)) {
            Waiter waiter;
            while ((waiter = line.poll()) != null) {
                waiter.reject(refusal(everyCall, waiter, now));
            }
        } else if (monthly.refusing(now)) {
            line.removeIf(waiter -> {
                if (waiter.monthlyExempt) {
                    return false;
                }
                waiter.reject(refusal(monthly, waiter, now));
                return true;
            });
        }
    }

    /** @return the hold that refuses this caller now, or null */
    private Hold refusingHold(Waiter waiter, long now) {
        if (everyCall.refusing(now)) {
            return everyCall;
        }
        return !waiter.monthlyExempt && monthly.refusing(now) ? monthly : null;
    }

    private RateLimitException refusal(Hold hold, Waiter waiter, long now) {
        return new RateLimitException(
                waiter.method,
                waiter.path,
                null,
                "the server asks to wait longer than the maximum server wait of "
                        + Duration.ofNanos(maxServerWaitNanos).toSeconds() + " s",
                Duration.ofNanos(Math.max(0, hold.refusalResetsAt - now)),
                snapshot);
    }

    /** Grants permits to the line, in order, while the gate, the in-flight cap and the bucket allow. */
    private void grant(long now) {
        if (quiet) {
            return; // the quiet period's timer drains again
        }
        Waiter waiter;
        while ((waiter = line.peek()) != null) {
            if (!mayGrant(waiter, now)) {
                if (monthly.closed(now) && !everyCall.closed(now)) {
                    grantExempt(now); // held for the month: those it does not count go past
                }
                return;
            }
            line.poll();
            handOut(waiter, true);
        }
    }

    /** Grants permits, in order, to the callers in line the month does not count, while the limits allow. */
    private void grantExempt(long now) {
        for (Iterator<Waiter> waiters = line.iterator(); waiters.hasNext(); ) {
            Waiter waiter = waiters.next();
            if (!waiter.monthlyExempt) {
                continue;
            }
            if (!mayGrant(waiter, now)) {
                return;
            }
            waiters.remove();
            handOut(waiter, true);
        }
    }

    /** New callers start at once when nobody waits and a permit is free, else queue up or are refused. */
    private void admitArrivals(long now) {
        Waiter waiter;
        while ((waiter = arrivals.poll()) != null) {
            if (waiter.isCancelled()) {
                continue;
            }
            Hold refusing = refusingHold(waiter, now);
            if (refusing != null) {
                waiter.reject(refusal(refusing, waiter, now));
            } else if ((line.isEmpty() || waiter.monthlyExempt && !quiet && monthly.closed(now))
                    && mayGrant(waiter, now)) {
                handOut(waiter, false);
            } else if (line.size() < maxQueued) {
                line.offer(waiter);
            } else {
                waiter.reject(new RequestQueueFullException(waiter.method, waiter.path, maxQueued));
            }
        }
    }

    private boolean mayGrant(Waiter waiter, long now) {
        if (everyCall.closed(now)) {
            wakeUpAt(everyCall.gateClosedUntil, now);
            return false;
        }
        if (!waiter.monthlyExempt && monthly.closed(now)) {
            wakeUpAt(monthly.gateClosedUntil, now);
            return false;
        }
        if (inFlight >= maxConcurrent) {
            return false; // the next release drains again
        }
        if (windowBudget < 1 && windowEndsAt - now > 0) {
            wakeUpAt(windowEndsAt, now); // the server's window is used up: its reset, not the refill, frees it
            return false;
        }
        if (tokens < 1) {
            long untilNextToken = (long) Math.ceil((1 - tokens) * WINDOW_NANOS / limitPerMinute);
            wakeUpAt(now + Math.max(1, untilNextToken), now);
            return false;
        }
        return true;
    }

    /**
     * Takes a permit for the waiter. A caller that had to wait gets it from the scheduler rather than from the
     * thread that freed it: that thread may be cancelling a whole batch of calls, and a call it is about to
     * cancel must not start its request first.
     */
    private void handOut(Waiter waiter, boolean waited) {
        tokens -= 1;
        windowBudget--;
        inFlight++;
        if (!waiter.grant()) {
            // cancelled meanwhile: the permit goes straight back
            tokens += 1;
            windowBudget++;
            inFlight--;
            return;
        }
        if (!waited) {
            waiter.deliver();
            return;
        }
        try {
            scheduler.schedule(waiter::deliver);
        } catch (RuntimeException cannotSchedule) {
            waiter.deliver(); // a stopped scheduler: hand it over from here rather than lose the permit
        }
    }

    private void wakeUpAt(long at, long now) {
        if (timerAt != NO_TIMER && at - timerAt >= 0) {
            return;
        }
        timerAt = at;
        try {
            scheduler.schedule(
                    () -> {
                        timerFired.set(true);
                        drain();
                    },
                    Math.max(0, at - now),
                    TimeUnit.NANOSECONDS);
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
            if (feedback.wasCancelled()) {
                callsGone.incrementAndGet(); // before the permit is back, so that no drain hands it on first
            }
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
        private final boolean monthlyExempt;

        Waiter(MonoSink<Permit> sink, String method, String path) {
            this.sink = sink;
            this.method = method;
            this.path = path;
            this.monthlyExempt = RateLimiter.exemptFromMonthlyLimit(method, path);
        }

        boolean isCancelled() {
            return state.get() == CANCELLED;
        }

        /** Takes the permit for this caller, unless it went away. */
        boolean grant() {
            return state.compareAndSet(WAITING, GRANTED);
        }

        /**
         * Hands the permit to the caller, if it is still there: a caller that cancelled after the grant gave the
         * permit back in {@link #cancel()}, and one that cancels during this call is either handed the permit (and
         * gives it back through the client) or never sees it (the sink drops it after running {@link #cancel()}).
         */
        void deliver() {
            if (state.get() == GRANTED) {
                sink.success(new BucketPermit());
            }
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
                sink.onDispose(
                        scheduler.schedule(() -> giveUp(waitedTooLong(this)), nanos(wait), TimeUnit.NANOSECONDS));
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
                leftTheLine.incrementAndGet();
                cancellations.incrementAndGet();
            } else if (state.compareAndSet(GRANTED, CANCELLED)) {
                callsGone.incrementAndGet(); // a permit comes back: before it does, as in release()
                refunds.incrementAndGet();
            } else {
                return;
            }
            drain();
        }
    }

    /** A wait the server asked for, for the calls it applies to; touched only inside drain(). */
    private static final class Hold {
        /** Calls wait until then. */
        long gateClosedUntil;
        /** Calls fail at once until then (the server's wait was beyond the bound). */
        long refusingUntil;
        /** The server's reset told to the calls refused. */
        long refusalResetsAt;

        Hold(long now) {
            this.gateClosedUntil = now;
            this.refusingUntil = now;
        }

        boolean closed(long now) {
            return gateClosedUntil - now > 0;
        }

        boolean refusing(long now) {
            return refusingUntil - now > 0;
        }
    }
}
