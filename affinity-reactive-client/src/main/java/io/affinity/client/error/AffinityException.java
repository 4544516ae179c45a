package io.affinity.client.error;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Base type of every failure the Affinity client reports. Unchecked.
 *
 * <p>Each instance names the HTTP method and the request path (without its query string) of the call that
 * failed and, when the server answered, the HTTP status. Messages never contain the API key.
 */
public abstract class AffinityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final String path;
    private final Integer statusCode;

    /**
     * Creates an exception.
     *
     * @param method     the HTTP method of the failed call
     * @param path       the request path of the failed call, without query string
     * @param statusCode the HTTP status the server answered with, or {@code null} when there was no response
     * @param detail     what went wrong, in a few words
     * @param cause      the underlying failure, or {@code null}
     */
    protected AffinityException(String method, String path, Integer statusCode, String detail, Throwable cause) {
        super(describe(method, path, statusCode, detail), cause);
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.statusCode = statusCode;
    }

    private static String describe(String method, String path, Integer statusCode, String detail) {
        StringBuilder message = new StringBuilder().append(method).append(' ').append(path);
        if (statusCode != null) {
            message.append(" -> ").append(statusCode);
        }
        return message.append(": ").append(detail).toString();
    }

    /** @return the HTTP method of the failed call, for example {@code GET} */
    public String method() {
        return method;
    }

    /** @return the request path of the failed call, without query string, for example {@code /lists/42} */
    public String path() {
        return path;
    }

    /** @return the HTTP status the server answered with; empty when no response was received */
    public OptionalInt statusCode() {
        return statusCode == null ? OptionalInt.empty() : OptionalInt.of(statusCode);
    }
}
