package io.affinity.client.recipes;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * What a recipe needs before it starts: the requests it will send, the time they take at the per-minute limit,
 * and the org's monthly quota left ({@code GET /rate-limit}).
 *
 * @param requestsNeeded   requests the work will send (without retries)
 * @param perMinuteLimit   the API key's per-minute limit
 * @param monthlyRemaining requests the org has left this month; empty when unlimited
 */
public record QuotaPlan(long requestsNeeded, long perMinuteLimit, OptionalLong monthlyRemaining) {

    /** Checks the components. */
    public QuotaPlan {
        if (requestsNeeded < 0 || perMinuteLimit < 1 || monthlyRemaining == null) {
            throw new IllegalArgumentException(
                    "requestsNeeded >= 0, perMinuteLimit >= 1 and monthlyRemaining " + "required");
        }
    }

    /** @return the time the requests take at the per-minute limit */
    public Duration timeAtLimit() {
        return Duration.ofMillis(Math.multiplyExact(requestsNeeded, 60_000L) / perMinuteLimit);
    }

    /** @return whether the monthly quota left covers the requests */
    public boolean fits() {
        return monthlyRemaining.isEmpty() || monthlyRemaining.getAsLong() >= requestsNeeded;
    }

    @Override
    public String toString() {
        return requestsNeeded + " requests, " + timeAtLimit().toSeconds() + " s at " + perMinuteLimit
                + "/min; monthly quota left: "
                + (monthlyRemaining.isEmpty() ? "unlimited" : String.valueOf(monthlyRemaining.getAsLong()));
    }
}
