package io.affinity.client.observation;

import io.affinity.client.ratelimit.RateLimitSnapshot;

/** What a client reports for gauges; {@code AffinityClient} is one. */
public interface ClientGauges {

    /** @return the calls started and not yet ended */
    int callsInFlight();

    /** @return the attempts waiting for a rate-limit permit */
    int callsQueued();

    /** @return the latest rate limits the server reported */
    RateLimitSnapshot rateLimitSnapshot();
}
