package io.affinity.testkit.internal;

import io.affinity.testkit.Failure;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Failures planned for the next calls of an operation (or of any operation), served in the order planned. */
final class FailurePlan {

    private final List<Entry> entries = new ArrayList<>();

    /** Plans a failure for the next {@code times} calls; a null operationId means any operation. */
    synchronized void add(String operationId, int times, Failure failure) {
        entries.add(new Entry(operationId, times, failure));
    }

    /** The failure due for a call of this operation, if any, counting it as used. */
    synchronized Optional<Failure> take(String operationId) {
        Iterator<Entry> it = entries.iterator();
        while (it.hasNext()) {
            Entry entry = it.next();
            if (entry.operationId == null || entry.operationId.equals(operationId)) {
                if (--entry.remaining == 0) {
                    it.remove();
                }
                return Optional.of(entry.failure);
            }
        }
        return Optional.empty();
    }

    synchronized void clear() {
        entries.clear();
    }

    private static final class Entry {
        private final String operationId;
        private final Failure failure;
        private int remaining;

        private Entry(String operationId, int remaining, Failure failure) {
            this.operationId = operationId;
            this.remaining = remaining;
            this.failure = failure;
        }
    }
}
