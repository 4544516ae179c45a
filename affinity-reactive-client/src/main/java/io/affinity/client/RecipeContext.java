package io.affinity.client;

import io.affinity.client.internal.MeteredRateLimiter;
import io.affinity.client.ratelimit.Ticker;
import java.time.Duration;

/** What the recipes and the field cache need from the builder: the metered limiter, the clock and the cache's TTL. */
record RecipeContext(MeteredRateLimiter meter, Ticker ticker, Duration fieldCacheTtl) {}
