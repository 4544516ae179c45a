package io.affinity.client.observation;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How one call ended.
 *
 * @param status   the status of the last response, if one arrived
 * @param outcome  the outcome
 * @param duration the time from subscription to the end, rate-limit waits and retries included
 * @param error    the failure the subscriber got, if any
 */
public record CallResult(OptionalInt status, CallOutcome outcome, Duration duration, Optional<Throwable> error) {}
