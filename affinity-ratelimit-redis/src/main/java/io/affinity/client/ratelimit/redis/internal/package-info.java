/** Implementation of the Redis rate limiter: the Lua scripts and the loop that runs them. Not an API. */
package io.affinity.client.ratelimit.redis.internal;
