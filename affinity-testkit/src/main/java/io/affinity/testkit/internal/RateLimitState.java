package io.affinity.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rate-limit counters as one response reports them.
 *
 * @param allowed whether the request may proceed
 * @param retryAfterSeconds when refused, seconds until the refusing window resets
 * @param userLimit requests allowed per minute for the key
 * @param userRemaining requests left in the key's current minute
 * @param userUsed requests used in the key's current minute
 * @param userReset seconds until the key's minute window resets
 * @param orgLimit requests allowed per month for the account
 * @param orgRemaining requests left this month
 * @param orgUsed requests used this month
 * @param orgReset seconds until the month resets
 */
record RateLimitState(
        boolean allowed,
        long retryAfterSeconds,
        long userLimit,
        long userRemaining,
        long userUsed,
        long userReset,
        long orgLimit,
        long orgRemaining,
        long orgUsed,
        long orgReset) {

    /** Adds the six {@code X-Ratelimit-*} headers (and Retry-After when refused) to a reply. */
    Reply addHeadersTo(Reply reply) {
        Reply withHeaders = reply.withHeader("X-Ratelimit-Limit-User", Long.toString(userLimit))
                .withHeader("X-Ratelimit-Limit-User-Remaining", Long.toString(userRemaining))
                .withHeader("X-Ratelimit-Limit-User-Reset", Long.toString(userReset))
                .withHeader("X-Ratelimit-Limit-Org", Long.toString(orgLimit))
                .withHeader("X-Ratelimit-Limit-Org-Remaining", Long.toString(orgRemaining))
                .withHeader("X-Ratelimit-Limit-Org-Reset", Long.toString(orgReset));
        return allowed ? withHeaders : withHeaders.withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    /** The body of {@code GET /rate-limit}. */
    ObjectNode toRateLimitBody() {
        ObjectNode body = Json.object();
        ObjectNode rate = body.putObject("rate");
        ObjectNode org = rate.putObject("org_monthly");
        org.put("limit", orgLimit)
                .put("remaining", orgRemaining)
                .put("reset", orgReset)
                .put("used", orgUsed);
        ObjectNode user = rate.putObject("api_key_per_minute");
        user.put("limit", userLimit)
                .put("remaining", userRemaining)
                .put("reset", userReset)
                .put("used", userUsed);
        return body;
    }
}
