package io.affinity.client.error;

/**
 * The server rejected the request's parameters (HTTP 400 or 422). {@link #serverMessage()} says why.
 */
public class ValidationException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param method        the HTTP method of the failed call
     * @param path          the request path of the failed call
     * @param statusCode    the HTTP status (400 or 422)
     * @param serverMessage the message the server gave in its body, or {@code null}
     */
    public ValidationException(String method, String path, int statusCode, String serverMessage) {
        super(method, path, statusCode, serverMessage, "invalid request");
    }
}
