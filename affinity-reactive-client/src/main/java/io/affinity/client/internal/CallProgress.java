package io.affinity.client.internal;

/**
 * What one call has done so far, shared by its attempts: whether a request was (perhaps) written, and whether
 * the caller went away. A call whose caller went away never starts writing a request.
 */
final class CallProgress {

    private volatile boolean written;
    private volatile boolean cancelled;

    /** Records that writing a request has started: from now on, the server may have received it. */
    void markWritten() {
        written = true;
    }

    /** @return whether writing a request of this call has started */
    boolean written() {
        return written;
    }

    /** Records that the caller cancelled: no request of this call may start being written from now on. */
    void cancel() {
        cancelled = true;
    }

    /** @return whether the caller cancelled */
    boolean cancelled() {
        return cancelled;
    }
}
