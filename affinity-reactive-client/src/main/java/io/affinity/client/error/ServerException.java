package io.affinity.client.error;

/**
 * The server failed to handle the request (HTTP 5xx). Safe requests are retried before this is reported.
 */
public class ServerException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param method        the HTTP method of the failed call
     * @param path          the request path of the failed call
     * @param statusCode    the HTTP status (500-599)
     * @param serverMessage the message the server gave in its body, or {@code null}
     */
    public ServerException(String method, String path, int statusCode, String serverMessage) {
        super(method, path, statusCode, serverMessage, "server error");
    }
}
