package io.affinity.testkit.internal;

import java.time.Clock;
import java.util.OptionalLong;

/**
 * How a mock server is configured.
 *
 * @param port the port to listen on, 0 for a free one
 * @param apiKey the API key it accepts
 * @param perMinuteLimit requests per minute per key
 * @param monthlyLimit requests per month for the account, empty for unlimited
 * @param clock the clock rate-limit windows are measured on
 * @param validateRequests whether requests are checked against the spec
 * @param host the address to listen on
 * @param requestLog receives one line per request, or null
 */
public record ServerSettings(
        int port,
        String apiKey,
        int perMinuteLimit,
        OptionalLong monthlyLimit,
        Clock clock,
        boolean validateRequests,
        String host,
        java.util.function.Consumer<String> requestLog) {}
