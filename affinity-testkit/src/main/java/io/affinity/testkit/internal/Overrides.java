package io.affinity.testkit.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Users' own answers for an operation, optionally for one resource id; they win over datasets and fixtures. */
final class Overrides {

    private final Map<Key, Reply> replies = new ConcurrentHashMap<>();

    void put(String operationId, String id, Reply reply) {
        replies.put(new Key(operationId, id), reply);
    }

    /** The override for this request: one for its id first, then one for the whole operation. */
    Optional<Reply> find(RequestMatch match) {
        String operationId = match.operation().operationId();
        Optional<Reply> forId = match.id().map(id -> replies.get(new Key(operationId, id)));
        return forId.isPresent() ? forId : Optional.ofNullable(replies.get(new Key(operationId, null)));
    }

    void clear() {
        replies.clear();
    }

    private record Key(String operationId, String id) {}
}
