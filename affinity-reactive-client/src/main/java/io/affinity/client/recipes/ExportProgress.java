package io.affinity.client.recipes;

import java.time.Duration;

/**
 * How far a list export is.
 *
 * @param rowsDone       rows exported by this run (a resumed run counts from where it resumed)
 * @param estimatedTotal the rows the list holds, from its {@code list_size}
 * @param requestsSent   requests this client sent since the run started (retries included)
 * @param limiterWait    time this client's calls waited for the rate limiter since the run started, summed over
 *                       calls waiting at the same time
 * @param elapsed        time since the run started
 */
public record ExportProgress(
        long rowsDone, long estimatedTotal, long requestsSent, Duration limiterWait, Duration elapsed) {}
