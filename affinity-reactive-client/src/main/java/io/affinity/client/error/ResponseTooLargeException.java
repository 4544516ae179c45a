package io.affinity.client.error;

/**
 * The response body was larger than the client's maximum response size; reading stopped and the connection
 * was closed. Raise the limit with {@code AffinityClientBuilder.maxResponseSize} or ask for smaller pages.
 */
public class ResponseTooLargeException extends AffinityException {

    private static final long serialVersionUID = 1L;

    private final long maxResponseSize;

    /**
     * Creates the exception.
     *
     * @param method          the HTTP method of the call
     * @param path            the request path of the call
     * @param statusCode      the response status
     * @param maxResponseSize the limit in bytes
     */
    public ResponseTooLargeException(String method, String path, int statusCode, long maxResponseSize) {
        super(
                method,
                path,
                statusCode,
                "response body exceeds the maximum response size of " + maxResponseSize + " bytes",
                null);
        this.maxResponseSize = maxResponseSize;
    }

    /** @return the limit in bytes that the body exceeded */
    public long maxResponseSize() {
        return maxResponseSize;
    }
}
