/**
 * Client-side rate limiting: the {@link io.affinity.client.ratelimit.RateLimiter} every call goes through,
 * its default token-bucket implementation's {@link io.affinity.client.ratelimit.RateLimitOptions}, and the
 * {@link io.affinity.client.ratelimit.RateLimitSnapshot} of the limits the server reported.
 */
package io.affinity.client.ratelimit;
