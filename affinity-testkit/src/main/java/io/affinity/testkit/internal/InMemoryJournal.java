package io.affinity.testkit.internal;

import io.affinity.testkit.RecordedRequest;
import io.affinity.testkit.RequestJournal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A thread-safe journal kept in memory. */
final class InMemoryJournal implements RequestJournal {

    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void record(RecordedRequest request) {
        requests.add(request);
    }

    synchronized void clear() {
        requests.clear();
    }

    @Override
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public synchronized List<RecordedRequest> requests(String operationId) {
        return requests.stream()
                .filter(r -> operationId.equals(r.operationId()))
                .toList();
    }

    @Override
    public synchronized int count(String operationId) {
        return requests(operationId).size();
    }

    @Override
    public synchronized Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        requests.stream()
                .filter(r -> r.operationId() != null)
                .forEach(r -> counts.merge(r.operationId(), 1, Integer::sum));
        return counts;
    }

    @Override
    public synchronized int size() {
        return requests.size();
    }
}
