package io.affinity.client.error;

/**
 * The API key is missing, invalid or revoked (HTTP 401).
 */
public class AuthenticationException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param method        the HTTP method of the failed call
     * @param path          the request path of the failed call
     * @param statusCode    the HTTP status (401)
     * @param serverMessage the message the server gave in its body, or {@code null}
     */
    public AuthenticationException(String method, String path, int statusCode, String serverMessage) {
        super(method, path, statusCode, serverMessage, "the API key was not accepted");
    }
}
