package io.affinity.client.paging;

import java.util.ArrayDeque;

/**
 * Tells when a walk's cursors start repeating, in constant memory however long the walk. The last
 * {@value #RECENT} cursors are compared directly, so a server that repeats a recent cursor is caught at once;
 * longer cycles are caught by Brent's cycle detection (a checkpoint cursor that moves to twice the distance
 * each time), before the walk has gone twice as far as the point where the cycle closed. Cursors are compared
 * with {@link Object#equals(Object)}.
 *
 * @param <C> the cursor type
 */
final class CursorLoopDetector<C> {

    static final int RECENT = 16;

    private final ArrayDeque<C> recent = new ArrayDeque<>(RECENT);
    private C checkpoint;
    private long distance = 1;
    private long stepsSinceCheckpoint;

    /**
     * @param cursor the next cursor of the walk, not {@code null}
     * @return {@code true} when the cursor came before in this walk
     */
    boolean repeats(C cursor) {
        if (cursor.equals(checkpoint) || recent.contains(cursor)) {
            return true;
        }
        if (recent.size() == RECENT) {
            recent.removeFirst();
        }
        recent.addLast(cursor);
        if (++stepsSinceCheckpoint == distance) {
            checkpoint = cursor;
            distance *= 2;
            stepsSinceCheckpoint = 0;
        }
        return false;
    }
}
