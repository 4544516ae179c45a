package io.affinity.client;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Jackson builds each type's deserializer once per {@code ObjectMapper}, under a {@code ReentrantLock}
 * ({@code DeserializerCache}); when two event loops decode the same type for the first time at once (an export's
 * first field-value calls on a new client), one parks for that construction. It is bounded and happens once per type,
 * like class loading; BlockHound reports it as a park.
 */
public final class JacksonBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside(
                "com.fasterxml.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
    }
}
