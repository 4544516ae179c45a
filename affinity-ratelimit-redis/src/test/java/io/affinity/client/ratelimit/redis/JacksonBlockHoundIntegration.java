package io.affinity.client.ratelimit.redis;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The client decodes responses on the event loop; the first decodes of a type, when several run at once, contend
 * for Jackson's deserializer-cache lock for a moment. That is the client's (and Jackson's) one-time setup, not the
 * limiter under test, which takes no lock.
 */
public final class JacksonBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside(
                "com.fasterxml.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
    }
}
