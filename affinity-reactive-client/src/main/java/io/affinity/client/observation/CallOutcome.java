package io.affinity.client.observation;

/** How a call ended. */
public enum CallOutcome {
    /** A 2xx response, decoded (or a download read to its end). */
    SUCCESS,
    /** A 4xx response (429 included) after any retries. */
    CLIENT_ERROR,
    /** A 5xx response after any retries. */
    SERVER_ERROR,
    /** No response: connect failure, reset, timeout, or the rate limiter refused to wait. */
    TRANSPORT_ERROR,
    /** Any other failure, for example an undecodable body or an invalid argument. */
    ERROR,
    /** The subscriber cancelled. */
    CANCELLED
}
