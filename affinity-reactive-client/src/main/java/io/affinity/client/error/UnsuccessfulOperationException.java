package io.affinity.client.error;

/**
 * The server answered a call that reports its outcome in the body (for example a delete answering
 * {@code {"success": true}}) with {@code {"success": false}}, or without the documented outcome.
 */
public class UnsuccessfulOperationException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param method     the HTTP method of the call
     * @param path       the request path of the call
     * @param statusCode the HTTP status of the response
     * @param detail     what the body said instead of success
     */
    public UnsuccessfulOperationException(String method, String path, int statusCode, String detail) {
        super(method, path, statusCode, detail, "the server did not report success");
    }
}
