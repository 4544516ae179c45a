package io.affinity.model.internal;

import java.time.DateTimeException;
import java.time.ZoneOffset;

/**
 * The zone offsets of the date-times read, with the last one kept: the date-times of a response nearly always
 * share one, and {@code ZoneOffset.ofTotalSeconds} looks each up in a concurrent map (a racy cache is fine: an
 * offset is immutable, a miss only costs that lookup).
 */
public final class Offsets {

    private static volatile ZoneOffset last = ZoneOffset.UTC;

    private Offsets() {}

    /**
     * @param seconds the offset's total seconds, already checked to be within ±18:00
     * @return the offset
     * @throws DateTimeException when it is out of range
     */
    public static ZoneOffset ofTotalSeconds(int seconds) {
        ZoneOffset cached = last;
        if (cached.getTotalSeconds() == seconds) {
            return cached;
        }
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(seconds);
        last = offset;
        return offset;
    }
}
