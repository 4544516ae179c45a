package io.affinity.client.error;

/**
 * A paged walk stopped because the server's pages would never end: it returned a page token it had already
 * returned in the same walk, or too many empty pages in a row, each with a new token.
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
        super(
                method,
                path,
                null,
                "the server returned page token '" + pageToken + "' a second time; stopping instead of looping",
                null);
        this.pageToken = pageToken;
    }

    /**
     * Creates the exception for a walk that met too many empty pages in a row.
     *
     * @param method     the HTTP method of the paged call
     * @param path       the request path of the paged call
     * @param emptyPages how many empty pages with a next token came in a row
     * @param pageToken  the next token of the last of them
     */
    public PaginationException(String method, String path, int emptyPages, String pageToken) {
        super(
                method,
                path,
                null,
                "the server returned " + emptyPages + " empty pages in a row, each with a next "
                        + "page token; stopping instead of walking on",
                null);
        this.pageToken = pageToken;
    }

    /** @return the token that was returned twice, or the next token of the last empty page */
    public String pageToken() {
        return pageToken;
    }
}
