package io.affinity.client.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one call has done so far, shared by its attempts: whether a request was (perhaps) written, and whether
 * the call was stopped (its caller cancelled, or its deadline passed). Each request of the call is a
 * {@link Request} whose writing starts only through {@link Request#startWriting()}, which races stopping
 * through one atomic state: either the request starts being written and "may have been sent" is true, or it was
 * abandoned first and nothing of it is ever written.
 */
final class CallProgress {

    private volatile boolean stopped;
    private volatile boolean written;
    private volatile Request current;

    /** @return a new request of this call, the current one from now on */
    Request newRequest() {
        Request request = new Request();
        current = request;
        return request;
    }

    /** Stops the call: the current request is abandoned unless its writing has started, and no later one starts. */
    void stop() {
        stopped = true;
        abandonCurrent();
    }

    /**
     * Abandons the current request (its attempt timed out), unless its writing has started.
     *
     * @return whether the current request may have been sent: its writing had started
     */
    boolean abandonCurrent() {
        Request request = current;
        return request != null && !request.abandon();
    }

    /** @return whether writing a request of this call has started */
    boolean written() {
        return written;
    }

    /** @return whether the call was stopped */
    boolean stopped() {
        return stopped;
    }

    /** One request of the call. */
    final class Request {

        private static final int IDLE = 0;
        private static final int WRITING = 1;
        private static final int ABANDONED = 2;

        private final AtomicInteger state = new AtomicInteger(IDLE);

        /** @return whether the request may be written now; once it returns {@code true}, it may have been sent */
        boolean startWriting() {
            if (stopped) {
                abandon();
                return false;
            }
            if (state.compareAndSet(IDLE, WRITING)) {
                written = true;
                return true;
            }
            return false;
        }

        /** @return whether the request is abandoned without anything written: {@code false} once writing started */
        boolean abandon() {
            return state.compareAndSet(IDLE, ABANDONED) || state.get() == ABANDONED;
        }

        /** @return whether writing this request has started */
        boolean mayHaveBeenSent() {
            return state.get() == WRITING;
        }
    }
}
