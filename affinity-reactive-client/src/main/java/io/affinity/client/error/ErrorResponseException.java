package io.affinity.client.error;

import java.util.Optional;

/**
 * The server answered with an error status. Statuses with a dedicated meaning have their own subtype
 * ({@link ValidationException}, {@link AuthenticationException}, {@link PermissionDeniedException},
 * {@link NotFoundException}, {@link ConflictException}, {@code ratelimit.RateLimitException}, {@link ServerException});
 * any other unexpected status is reported as this type.
 */
public class ErrorResponseException extends AffinityException {

    private static final long serialVersionUID = 1L;

    private final String serverMessage;

    /**
     * Creates an exception for an error response.
     *
     * @param method        the HTTP method of the failed call
     * @param path          the request path of the failed call
     * @param statusCode    the HTTP status, or {@code null} when the failure was decided locally
     * @param serverMessage the message the server gave in its body, or {@code null}
     */
    public ErrorResponseException(String method, String path, Integer statusCode, String serverMessage) {
        this(method, path, statusCode, serverMessage, "unexpected response status");
    }

    /**
     * Creates an exception for an error response, with the meaning of its status.
     *
     * @param method        the HTTP method of the failed call
     * @param path          the request path of the failed call
     * @param statusCode    the HTTP status, or {@code null} when the failure was decided locally
     * @param serverMessage the message the server gave in its body, or {@code null}
     * @param meaning       what the status means, used in the message when the server gave none
     */
    protected ErrorResponseException(
            String method, String path, Integer statusCode, String serverMessage, String meaning) {
        super(method, path, statusCode, serverMessage == null ? meaning : meaning + ": " + serverMessage, null);
        this.serverMessage = serverMessage;
    }

    /** @return the error message the server put in the response body, if any */
    public Optional<String> serverMessage() {
        return Optional.ofNullable(serverMessage);
    }
}
