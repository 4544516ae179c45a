package io.affinity.client.observation;

import java.time.Duration;

/**
 * Hears about every call a client makes, JSON calls and downloads alike. Every method has an empty default;
 * they are called on the thread that observed the event (often a Netty event loop), so they must be quick and
 * must not block. An exception thrown by a listener is logged and otherwise ignored.
 */
public interface AffinityClientListener {

    /**
     * A call was subscribed to; nothing is sent yet.
     *
     * @param call the call
     */
    default void requestStarted(AffinityCall call) {}

    /**
     * An attempt of the call got its rate-limit permit.
     *
     * @param call   the call
     * @param waited how long the attempt waited for it (zero when the limiter let it through at once)
     */
    default void rateLimitWaited(AffinityCall call, Duration waited) {}

    /**
     * The server answered the call with {@code 429 Too Many Requests}.
     *
     * @param call the call
     */
    default void rateLimited(AffinityCall call) {}

    /**
     * The call is tried again after a failure.
     *
     * @param call    the call
     * @param attempt the number of the attempt about to start (2 for the first retry)
     * @param cause   the failure of the previous attempt
     */
    default void retrying(AffinityCall call, int attempt, Throwable cause) {}

    /**
     * The call ended: completed, failed or cancelled. Called exactly once per started call.
     *
     * @param call   the call
     * @param result how it ended
     */
    default void finished(AffinityCall call, CallResult result) {}
}
