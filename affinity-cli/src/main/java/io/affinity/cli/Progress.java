package io.affinity.cli;

import io.affinity.client.recipes.ExportProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows an export's progress on standard error: a redrawn bar (rows, rate, ETA, limiter waits) on a terminal,
 * a plain line every few seconds otherwise.
 */
final class Progress {

    private static final long TERMINAL_EVERY = Duration.ofMillis(200).toNanos();
    private static final long PLAIN_EVERY = Duration.ofSeconds(5).toNanos();

    private final PrintStream err;
    private final boolean terminal;
    private final long offsetRows;
    private long lastShown = Long.MIN_VALUE;
    private ExportProgress latest;

    Progress(PrintStream err, boolean terminal, long offsetRows) {
        this.err = err;
        this.terminal = terminal;
        this.offsetRows = offsetRows;
    }

    synchronized void update(ExportProgress progress) {
        latest = progress;
        long now = System.nanoTime();
        if (lastShown == Long.MIN_VALUE || now - lastShown >= (terminal ? TERMINAL_EVERY : PLAIN_EVERY)) {
            lastShown = now;
            show(false);
        }
    }

    synchronized void finish() {
        if (latest != null) {
            show(true);
        }
    }

    private void show(boolean last) {
        ExportProgress p = latest;
        long done = offsetRows + p.rowsDone();
        long total = Math.max(done, p.estimatedTotal());
        double seconds = Math.max(1e-3, p.elapsed().toNanos() / 1e9);
        double rate = p.rowsDone() / seconds;
        long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
        String figures = String.format(
                Locale.ROOT,
                "%d/%d rows  %.1f rows/s  %d requests  ETA %ds  limiter waits %.1fs",
                done,
                total,
                rate,
                p.requestsSent(),
                eta,
                p.limiterWait().toMillis() / 1000.0);
        if (terminal) {
            int width = 30;
            int filled = total == 0 ? width : (int) (width * done / total);
            err.print("\r[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + figures + (last ? "\n" : ""));
        } else {
            err.println("progress: " + figures);
        }
        err.flush();
    }
}
