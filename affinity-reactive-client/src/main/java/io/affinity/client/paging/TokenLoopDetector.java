package io.affinity.client.paging;

import java.util.ArrayDeque;

/**
 * Tells when a walk's page tokens start repeating, in constant memory however long the walk. The last
 * {@value #RECENT} tokens are compared directly, so a server that repeats a recent token is caught at once;
 * longer cycles are caught by Brent's cycle detection (a checkpoint token that moves to twice the distance
 * each time), before the walk has gone twice as far as the point where the cycle closed.
 */
final class TokenLoopDetector {

    static final int RECENT = 16;

    private final ArrayDeque<String> recent = new ArrayDeque<>(RECENT);
    private String checkpoint;
    private long distance = 1;
    private long stepsSinceCheckpoint;

    /**
     * @param token the next token of the walk
     * @return {@code true} when the token came before in this walk
     */
    boolean repeats(String token) {
        if (token.equals(checkpoint) || recent.contains(token)) {
            return true;
        }
        if (recent.size() == RECENT) {
            recent.removeFirst();
        }
        recent.addLast(token);
        if (++stepsSinceCheckpoint == distance) {
            checkpoint = token;
            distance *= 2;
            stepsSinceCheckpoint = 0;
        }
        return false;
    }
}
