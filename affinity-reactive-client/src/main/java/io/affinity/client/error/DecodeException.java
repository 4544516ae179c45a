package io.affinity.client.error;

/**
 * The response body could not be read as the expected type. The message quotes the start of the body.
 */
public class DecodeException extends AffinityException {

    private static final long serialVersionUID = 1L;

    private final String bodySnippet;

    /**
     * Creates the exception.
     *
     * @param method      the HTTP method of the call
     * @param path        the request path of the call
     * @param statusCode  the response status
     * @param bodySnippet the start of the body (a few hundred characters at most)
     * @param cause       the parser's failure
     */
    public DecodeException(String method, String path, int statusCode, String bodySnippet, Throwable cause) {
        super(
                method,
                path,
                statusCode,
                "could not decode the response body"
                        + (cause == null || cause.getMessage() == null
                                ? ""
                                : " (" + firstLine(cause.getMessage()) + ")")
                        + "; body starts with: " + bodySnippet,
                cause);
        this.bodySnippet = bodySnippet;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** @return the start of the body that could not be decoded */
    public String bodySnippet() {
        return bodySnippet;
    }
}
