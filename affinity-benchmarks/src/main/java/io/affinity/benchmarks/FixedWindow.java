package io.affinity.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The stub's rate limit: a request counter per fixed window (one minute, like the API's per-user limit),
 * the first window starting at the first request. Thread-safe. Keeps what the limiter run reports: requests
 * accepted per window, the time of the first and last accepted request of each window, and the 429s.
 */
final class FixedWindow {

    /** What the stub answers one request. */
    record Admission(boolean accepted, long remaining, long resetSeconds) {}

    /** What happened in one window. */
    record WindowStats(long index, long accepted, long firstAcceptedNanos, long lastAcceptedNanos) {}

    private final int limit;
    private final long windowNanos;

    private long start = Long.MIN_VALUE;
    private long current = -1;
    private long used;
    private long rejected;
    private final List<long[]> windows = new ArrayList<>(); // {accepted, firstAcceptedNanos, lastAcceptedNanos}

    FixedWindow(int limit, long windowNanos) {
        this.limit = limit;
        this.windowNanos = windowNanos;
    }

    int limit() {
        return limit;
    }

    long windowNanos() {
        return windowNanos;
    }

    synchronized Admission admit(long now, boolean enforce) {
        if (start == Long.MIN_VALUE) {
            start = now;
        }
        long index = (now - start) / windowNanos;
        if (index != current) {
            current = index;
            used = 0;
        }
        long untilReset = start + (index + 1) * windowNanos - now;
        // rounded up: a client that waits the announced seconds never comes back before the reset
        long resetSeconds = (untilReset + 999_999_999L) / 1_000_000_000L;
        if (enforce && used >= limit) {
            rejected++;
            return new Admission(false, 0, resetSeconds);
        }
        used++;
        while (windows.size() <= index) {
            windows.add(new long[] {0, -1, -1});
        }
        long[] stats = windows.get((int) index);
        stats[0]++;
        if (stats[1] < 0) {
            stats[1] = now - start - index * windowNanos;
        }
        stats[2] = now - start - index * windowNanos;
        return new Admission(true, Math.max(0, limit - used), resetSeconds);
    }

    /** @return when the first window started ({@link System#nanoTime()}), or empty before any request */
    synchronized java.util.OptionalLong start() {
        return start == Long.MIN_VALUE ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(start);
    }

    synchronized long rejected() {
        return rejected;
    }

    /** @return the windows so far; times are nanoseconds from the window's start */
    synchronized List<WindowStats> windows() {
        List<WindowStats> result = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            long[] stats = windows.get(i);
            result.add(new WindowStats(i, stats[0], stats[1], stats[2]));
        }
        return result;
    }
}
