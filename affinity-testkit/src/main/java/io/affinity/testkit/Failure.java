package io.affinity.testkit;

import io.affinity.testkit.internal.ErrorReplies;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that goes wrong on purpose: an error status with a realistic body, or a network fault. Plan it with
 * {@link AffinityMockServer#failNext(String, int, Failure)} or {@link AffinityMockServer#failNextAny(int, Failure)}.
 *
 * <pre>{@code
 * server.failNext("getPerson", 2, Failure.status(503));
 * server.failNextAny(1, Failure.connectionReset());
 * }</pre>
 */
public final class Failure {

    /** What kind of failure it is. */
    public enum Kind {
        /** An HTTP error status with an {@code ErrorResponse} body. */
        STATUS,
        /** The connection is reset by the server before any response. */
        CONNECTION_RESET,
        /** The connection is closed without any response. */
        EMPTY_RESPONSE,
        /** A 200 with a chunked body whose chunk framing is broken. */
        MALFORMED_CHUNK,
        /** Garbage bytes instead of an HTTP response, then the connection closes. */
        RANDOM_DATA_THEN_CLOSE,
        /** The normal response with its JSON body cut in half. */
        TRUNCATED_JSON,
        /** The normal response, sent only after a delay. */
        DELAYED_HEADERS,
        /** The normal response, its body trickled out in chunks over a duration. */
        SLOW_BODY
    }

    private final Kind kind;
    private final int status;
    private final String message;
    private final Duration delay;

    private Failure(Kind kind, int status, String message, Duration delay) {
        this.kind = kind;
        this.status = status;
        this.message = message;
        this.delay = delay;
    }

    /**
     * An error status with the API's usual message for it.
     *
     * @param status one of 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504
     */
    public static Failure status(int status) {
        return status(status, null);
    }

    /**
     * An error status with a given message in the body.
     *
     * @param status one of 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504
     * @param message the error message, or null for the usual one
     */
    public static Failure status(int status, String message) {
        if (!ErrorReplies.documentedStatuses().contains(status)) {
            throw new IllegalArgumentException("status must be one of "
                    + new java.util.TreeSet<>(ErrorReplies.documentedStatuses()) + ": " + status);
        }
        return new Failure(Kind.STATUS, status, message, Duration.ZERO);
    }

    /** The server resets the connection. */
    public static Failure connectionReset() {
        return new Failure(Kind.CONNECTION_RESET, 0, null, Duration.ZERO);
    }

    /** The server closes the connection without answering. */
    public static Failure emptyResponse() {
        return new Failure(Kind.EMPTY_RESPONSE, 0, null, Duration.ZERO);
    }

    /** The server sends a 200 with broken chunked framing. */
    public static Failure malformedChunk() {
        return new Failure(Kind.MALFORMED_CHUNK, 0, null, Duration.ZERO);
    }

    /** The server sends garbage and closes the connection. */
    public static Failure randomDataThenClose() {
        return new Failure(Kind.RANDOM_DATA_THEN_CLOSE, 0, null, Duration.ZERO);
    }

    /** The server sends the normal status and headers with only the first half of the JSON body. */
    public static Failure truncatedJson() {
        return new Failure(Kind.TRUNCATED_JSON, 0, null, Duration.ZERO);
    }

    /**
     * The server waits before sending the normal response.
     *
     * @param delay how long; positive
     */
    public static Failure delayedHeaders(Duration delay) {
        return new Failure(Kind.DELAYED_HEADERS, 0, null, positive(delay));
    }

    /**
     * The server trickles the normal body out in chunks, spread over a duration.
     *
     * @param duration how long the whole body takes; positive
     */
    public static Failure slowBody(Duration duration) {
        return new Failure(Kind.SLOW_BODY, 0, null, positive(duration));
    }

    /** The kind of failure. */
    public Kind kind() {
        return kind;
    }

    /** The HTTP status of a {@link Kind#STATUS} failure, otherwise 0. */
    public int httpStatus() {
        return status;
    }

    /** The custom error message of a {@link Kind#STATUS} failure, if one was given. */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /** The delay or duration of a {@link Kind#DELAYED_HEADERS} or {@link Kind#SLOW_BODY} failure, otherwise zero. */
    public Duration delay() {
        return delay;
    }

    @Override
    public String toString() {
        return kind == Kind.STATUS
                ? "Failure[" + status + "]"
                : delay.isZero() ? "Failure[" + kind + "]" : "Failure[" + kind + " " + delay + "]";
    }

    private static Duration positive(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
        return duration;
    }
}
