package io.affinity.client.paging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CursorLoopDetectorTest {

    @Test
    void aMillionDistinctTokensNeverLookRepeated() {
        CursorLoopDetector<String> detector = new CursorLoopDetector<>();
        for (int i = 0; i < 1_000_000; i++) {
            assertFalse(detector.repeats("t" + i));
        }
    }

    @Test
    void aRecentTokenIsCaughtAtOnce() {
        CursorLoopDetector<String> detector = new CursorLoopDetector<>();
        for (int i = 0; i < 1_000; i++) {
            assertFalse(detector.repeats("t" + i));
        }
        assertTrue(detector.repeats("t" + (1_000 - CursorLoopDetector.RECENT)));
    }

    @Test
    void aLongCycleIsCaughtBeforeTheWalkHasGoneTwiceAsFarAsItsClosingPoint() {
        for (int cycle : new int[] {17, 100, 1_000, 4_097}) {
            CursorLoopDetector<String> detector = new CursorLoopDetector<>();
            int start = 5_000;
            long steps = 0;
            int token = 0;
            while (!detector.repeats("t" + token)) {
                steps++;
                token = token + 1 < start + cycle ? token + 1 : start;
                assertTrue(steps <= 2L * (start + cycle), "cycle of " + cycle + " not caught after " + steps);
            }
        }
    }
}
