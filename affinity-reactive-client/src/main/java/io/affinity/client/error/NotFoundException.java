package io.affinity.client.error;

/**
 * The requested resource does not exist (HTTP 404).
 */
public class NotFoundException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param method        the HTTP method of the failed call
     * @param path          the request path of the failed call
     * @param statusCode    the HTTP status (404)
     * @param serverMessage the message the server gave in its body, or {@code null}
     */
    public NotFoundException(String method, String path, int statusCode, String serverMessage) {
        super(method, path, statusCode, serverMessage, "not found");
    }
}
