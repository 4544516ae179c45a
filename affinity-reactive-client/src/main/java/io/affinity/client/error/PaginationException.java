package io.affinity.client.error;

/**
 * A paged walk stopped because the server returned a page token it had already returned in the same walk;
 * following it would loop forever.
 */
public class PaginationException extends AffinityException {

    private static final long serialVersionUID = 1L;

    private final String pageToken;

    /**
     * Creates the exception.
     *
     * @param method    the HTTP method of the paged call
     * @param path      the request path of the paged call
     * @param pageToken the token returned twice
     */
    public PaginationException(String method, String path, String pageToken) {
        super(method, path, null, "the server returned page token '" + pageToken
                + "' a second time; stopping instead of looping", null);
        this.pageToken = pageToken;
    }

    /** @return the token that was returned twice */
    public String pageToken() {
        return pageToken;
    }
}
