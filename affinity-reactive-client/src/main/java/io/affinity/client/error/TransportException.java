package io.affinity.client.error;

/**
 * The call failed below HTTP: the connection could not be made, was closed or reset, or the response did not
 * arrive in time. {@link #requestMayHaveBeenSent()} tells whether the server may have received (and acted on)
 * the request.
 */
public class TransportException extends AffinityException {

    private static final long serialVersionUID = 1L;

    /** What went wrong on the wire. */
    public enum Kind {
        /** No connection could be made or obtained from the pool; nothing was sent. */
        CONNECT,
        /** The response did not arrive within the response timeout. */
        TIMEOUT,
        /** The connection was closed or reset before the whole response arrived. */
        CONNECTION_CLOSED,
        /** Any other I/O failure. */
        OTHER
    }

    private final Kind kind;
    private final boolean requestMayHaveBeenSent;

    /**
     * Creates the exception.
     *
     * @param method                 the HTTP method of the failed call
     * @param path                   the request path of the failed call
     * @param kind                   what went wrong
     * @param requestMayHaveBeenSent whether writing the request had started
     * @param cause                  the underlying failure
     */
    public TransportException(String method, String path, Kind kind, boolean requestMayHaveBeenSent, Throwable cause) {
        super(
                method,
                path,
                null,
                describe(kind)
                        + (requestMayHaveBeenSent ? " (the request may have been sent)" : " (the request was not sent)")
                        + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                cause);
        this.kind = kind;
        this.requestMayHaveBeenSent = requestMayHaveBeenSent;
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case CONNECT -> "could not connect";
            case TIMEOUT -> "response timed out";
            case CONNECTION_CLOSED -> "connection closed before the response was complete";
            case OTHER -> "I/O failure";
        };
    }

    /** @return what went wrong on the wire */
    public Kind kind() {
        return kind;
    }

    /**
     * @return {@code true} when writing the request had started, so the server may have acted on it;
     *         {@code false} when it certainly was not sent
     */
    public boolean requestMayHaveBeenSent() {
        return requestMayHaveBeenSent;
    }
}
