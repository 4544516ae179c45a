package io.affinity.client.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Runs the attempts of a call one after the other until one succeeds or {@link RetryPolicy} makes a failure final,
 * waiting between them on the scheduler's timer: what {@code retryWhen} with the policy did, without its companion
 * sink, serializer and context per call. Cancelling cancels the attempt running or the wait.
 *
 * @param <T> the value type
 */
final class Retrying<T> extends Mono<T> {

    private final Mono<T> attempt;
    private final ApiRequest request;
    private final RetryPolicy policy;

    Retrying(Mono<T> attempt, ApiRequest request, RetryPolicy policy) {
        this.attempt = attempt;
        this.request = request;
        this.policy = policy;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        Calls<T> calls = new Calls<>(actual, this);
        actual.onSubscribe(calls);
        calls.next();
    }

    /** The subscriber of the whole call: starts each attempt, hands out the value of the one that succeeds. */
    private static final class Calls<T> extends Operators.MonoSubscriber<T, T> {

        private final Retrying<T> parent;
        private long failures;
        private volatile boolean stopped;
        private volatile Subscription current;
        private volatile Disposable wait;

        Calls(CoreSubscriber<? super T> actual, Retrying<T> parent) {
            super(actual);
            this.parent = parent;
        }

        void next() {
            if (!stopped) {
                parent.attempt.subscribe(new Attempt<>(this));
            }
        }

        void attempted(Subscription subscription) {
            current = subscription;
            if (stopped) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        void failed(Throwable failure) {
            if (stopped) {
                Operators.onErrorDropped(failure, actual.currentContext());
                return;
            }
            Duration delay = parent.policy.retryDelay(parent.request, failure, ++failures);
            if (delay == null) {
                actual.onError(failure);
                return;
            }
            try {
                wait = parent.policy.scheduler().schedule(this::next, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException rejected) {
                actual.onError(Operators.onRejectedExecution(rejected, actual.currentContext()));
                return;
            }
            if (stopped) {
                wait.dispose();
            }
        }

        @Override
        public void cancel() {
            stopped = true;
            super.cancel();
            Disposable waiting = wait;
            if (waiting != null) {
                waiting.dispose();
            }
            Subscription running = current;
            if (running != null) {
                running.cancel();
            }
        }
    }

    /** The subscriber of one attempt. */
    private static final class Attempt<T> implements CoreSubscriber<T> {

        private final Calls<T> calls;
        private T value;

        Attempt(Calls<T> calls) {
            this.calls = calls;
        }

        @Override
        public Context currentContext() {
            return calls.currentContext();
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            calls.attempted(subscription);
        }

        @Override
        public void onNext(T next) {
            value = next;
        }

        @Override
        public void onError(Throwable failure) {
            calls.failed(failure);
        }

        @Override
        public void onComplete() {
            if (value != null) {
                calls.complete(value);
            } else {
                calls.onComplete();
            }
        }
    }
}
