package io.affinity.client.error;

/**
 * The request conflicts with the resource's current state (HTTP 409).
 */
public class ConflictException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param method        the HTTP method of the failed call
     * @param path          the request path of the failed call
     * @param statusCode    the HTTP status (409)
     * @param serverMessage the message the server gave in its body, or {@code null}
     */
    public ConflictException(String method, String path, int statusCode, String serverMessage) {
        super(method, path, statusCode, serverMessage, "conflict with the current state of the resource");
    }
}
