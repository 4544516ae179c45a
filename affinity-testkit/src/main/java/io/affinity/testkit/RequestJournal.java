package io.affinity.testkit;

import java.util.List;
import java.util.Map;

/**
 * What the server received since it started or was last reset, in arrival order. Every request is recorded,
 * including those refused for authentication, rate limits or spec violations.
 */
public interface RequestJournal {

    /** All requests, oldest first. */
    List<RecordedRequest> requests();

    /** The requests that addressed one operation, oldest first. */
    List<RecordedRequest> requests(String operationId);

    /** How many requests addressed one operation. */
    int count(String operationId);

    /** Request counts by operationId (requests matching no operation are not counted here). */
    Map<String, Integer> counts();

    /** The total number of requests. */
    int size();
}
