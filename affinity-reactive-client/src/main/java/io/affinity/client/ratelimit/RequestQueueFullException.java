package io.affinity.client.ratelimit;

import io.affinity.client.error.AffinityException;

/**
 * The call was refused before being sent because the rate limiter's line of waiting callers was full
 * ({@code RateLimitOptions.maxQueuedRequests}). Nothing was sent; the call may be tried again later.
 */
public class RequestQueueFullException extends AffinityException {

    private static final long serialVersionUID = 1L;

    private final int maxQueuedRequests;

    /**
     * Creates the exception.
     *
     * @param method            the HTTP method of the refused call
     * @param path              the request path of the refused call
     * @param maxQueuedRequests the size of the full line
     */
    public RequestQueueFullException(String method, String path, int maxQueuedRequests) {
        super(
                method,
                path,
                null,
                "not sent: " + maxQueuedRequests + " calls already wait for the rate limiter (maxQueuedRequests)",
                null);
        this.maxQueuedRequests = maxQueuedRequests;
    }

    /** @return the size of the line that was full */
    public int maxQueuedRequests() {
        return maxQueuedRequests;
    }
}
