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
 * @param orgLimit requests allowed per month for the account, or {@link #UNLIMITED}
 * @param orgRemaining requests left this month, or {@link #UNLIMITED}
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

    /**
     * The monthly limit and remaining count of an account without a monthly cap: reported as {@code unlimited}, as
     * the real API does, in the headers and in {@code GET /rate-limit}.
     */
    static final long UNLIMITED = -1;

    private static final String UNLIMITED_TEXT = "unlimited";

    /** Adds the six {@code X-Ratelimit-*} headers (and Retry-After when refused) to a reply. */
    Reply addHeadersTo(Reply reply) {
        Reply withHeaders = reply.withHeader("X-Ratelimit-Limit-User", Long.toString(userLimit))
                .withHeader("X-Ratelimit-Limit-User-Remaining", Long.toString(userRemaining))
                .withHeader("X-Ratelimit-Limit-User-Reset", Long.toString(userReset))
                .withHeader("X-Ratelimit-Limit-Org", count(orgLimit))
                .withHeader("X-Ratelimit-Limit-Org-Remaining", count(orgRemaining))
                .withHeader("X-Ratelimit-Limit-Org-Reset", Long.toString(orgReset));
        return allowed ? withHeaders : withHeaders.withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    private static String count(long count) {
        return count == UNLIMITED ? UNLIMITED_TEXT : Long.toString(count);
    }

    /** The body of {@code GET /rate-limit}. */
    ObjectNode toRateLimitBody() {
        ObjectNode body = Json.object();
        ObjectNode rate = body.putObject("rate");
        ObjectNode org = rate.putObject("org_monthly");
        if (orgLimit == UNLIMITED) {
            org.put("limit", UNLIMITED_TEXT).put("remaining", UNLIMITED_TEXT);
        } else {
            org.put("limit", orgLimit).put("remaining", orgRemaining);
        }
        org.put("reset", orgReset).put("used", orgUsed);
        ObjectNode user = rate.putObject("api_key_per_minute");
        user.put("limit", userLimit)
                .put("remaining", userRemaining)
                .put("reset", userReset)
                .put("used", userUsed);
        return body;
    }
}
