package io.affinity.client.error;

/**
 * The API key's user lacks the rights for the resource (HTTP 403).
 */
public class PermissionDeniedException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param method        the HTTP method of the failed call
     * @param path          the request path of the failed call
     * @param statusCode    the HTTP status (403)
     * @param serverMessage the message the server gave in its body, or {@code null}
     */
    public PermissionDeniedException(String method, String path, int statusCode, String serverMessage) {
        super(method, path, statusCode, serverMessage, "the API key's user may not do this");
    }
}
