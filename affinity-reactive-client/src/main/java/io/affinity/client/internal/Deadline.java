package io.affinity.client.internal;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Supplier;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;
import reactor.util.context.Context;

/**
 * Fails a {@link Mono} with the given error when it has not signalled within a delay, and cancels it then: one task
 * on the scheduler's timer per subscription, cancelled by the first signal. What {@code Mono.timeout(Duration,
 * Mono, Scheduler)} does for a deadline, without its per-assembly description strings, fallback subscription and
 * delay {@link Mono}: it runs on every attempt and every call.
 *
 * @param <T> the value type
 */
final class Deadline<T> extends Mono<T> {

    private final Mono<T> source;
    private final long nanos;
    private final Scheduler scheduler;
    private final Supplier<? extends Throwable> expired;

    private Deadline(Mono<T> source, long nanos, Scheduler scheduler, Supplier<? extends Throwable> expired) {
        this.source = source;
        this.nanos = nanos;
        this.scheduler = scheduler;
        this.expired = expired;
    }

    /**
     * @param source    the Mono to bound
     * @param nanos     the delay from subscription, in nanoseconds
     * @param scheduler whose timer measures the delay
     * @param expired   the error to fail with once the delay passed; called once, before {@code source} is
     *                  cancelled
     * @param <T>       the value type
     * @return {@code source}, failing with {@code expired}'s error when it has not signalled in time
     */
    static <T> Mono<T> of(Mono<T> source, long nanos, Scheduler scheduler, Supplier<? extends Throwable> expired) {
        return new Deadline<>(source, nanos, scheduler, expired);
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        source.subscribe(new DeadlineSubscriber<>(actual, this));
    }

    private static final class DeadlineSubscriber<T> implements CoreSubscriber<T>, Subscription, Runnable {

        private static final int WAITING = 0;
        private static final int VALUED = 1;
        private static final int DONE = 2;

        @SuppressWarnings("rawtypes")
        private static final AtomicIntegerFieldUpdater<DeadlineSubscriber> STATE =
                AtomicIntegerFieldUpdater.newUpdater(DeadlineSubscriber.class, "state");

        @SuppressWarnings("rawtypes")
        private static final AtomicReferenceFieldUpdater<DeadlineSubscriber, Disposable> TIMER =
                AtomicReferenceFieldUpdater.newUpdater(DeadlineSubscriber.class, Disposable.class, "timer");

        private static final Disposable CANCELLED = Disposables.disposed();

        private final CoreSubscriber<? super T> actual;
        private final Deadline<T> parent;
        private Subscription upstream;
        private volatile int state;
        /**
         * Set before the deadline's callback runs and before a downstream cancel: an error the source signals from
         * then on is the consequence of that stop (an exchange ended before its request was written), not news.
         */
        private volatile boolean stopping;

        private volatile Disposable timer;

        DeadlineSubscriber(CoreSubscriber<? super T> actual, Deadline<T> parent) {
            this.actual = actual;
            this.parent = parent;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            if (!Operators.validate(upstream, subscription)) {
                return;
            }
            upstream = subscription;
            actual.onSubscribe(this);
            if (state != WAITING) {
                return;
            }
            Disposable scheduled;
            try {
                scheduled = parent.scheduler.schedule(this, parent.nanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException rejected) {
                if (STATE.compareAndSet(this, WAITING, DONE)) {
                    upstream.cancel();
                    actual.onError(Operators.onRejectedExecution(rejected, actual.currentContext()));
                }
                return;
            }
            if (!TIMER.compareAndSet(this, null, scheduled)) {
                scheduled.dispose(); // a signal or a cancellation came first
            }
        }

        @Override
        public void onNext(T value) {
            if (STATE.compareAndSet(this, WAITING, VALUED)) {
                stopTimer();
                actual.onNext(value);
            } else {
                Operators.onNextDropped(value, actual.currentContext());
            }
        }

        @Override
        public void onError(Throwable failure) {
            if (finish()) {
                actual.onError(failure);
            } else if (!stopping) {
                Operators.onErrorDropped(failure, actual.currentContext());
            }
        }

        @Override
        public void onComplete() {
            if (finish()) {
                actual.onComplete();
            }
        }

        /** @return whether this terminal signal is the one to pass on (no deadline or cancellation came first) */
        private boolean finish() {
            int current = state;
            if (current == DONE || !STATE.compareAndSet(this, current, DONE)) {
                return false;
            }
            stopTimer();
            return true;
        }

        /** The deadline passed. */
        @Override
        public void run() {
            if (!STATE.compareAndSet(this, WAITING, DONE)) {
                return;
            }
            stopping = true;
            Throwable failure;
            try {
                failure = parent.expired.get();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            upstream.cancel();
            actual.onError(failure);
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            stopping = true;
            int previous = STATE.getAndSet(this, DONE);
            stopTimer();
            if (previous != DONE) {
                upstream.cancel(); // not again after the deadline's own cancel, nor after a terminal signal
            }
        }

        private void stopTimer() {
            Disposable scheduled = TIMER.getAndSet(this, CANCELLED);
            if (scheduled != null && scheduled != CANCELLED) {
                scheduled.dispose();
            }
        }
    }
}
