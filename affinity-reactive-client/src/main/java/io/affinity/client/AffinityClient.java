package io.affinity.client;

import io.affinity.client.internal.ApiEngine;
import io.affinity.client.ratelimit.RateLimitSnapshot;

/**
 * Non-blocking client of the Affinity API v1. Immutable and thread-safe: build one per API key with
 * {@link #builder()}, share it, and {@link #close()} it when done.
 *
 * <p>Every method that returns a {@code Mono} or {@code Flux} does nothing until subscribed and never throws:
 * invalid arguments fail the publisher with an {@link IllegalArgumentException} naming the parameter before
 * anything is sent, and failures of the call arrive as {@link io.affinity.client.error.AffinityException}s.
 * All calls share one rate limiter and one connection pool; safe calls are retried as
 * {@link io.affinity.client.retry.RetryOptions} describes.
 *
 * <pre>{@code
 * try (AffinityClient affinity = AffinityClient.builder().apiKey(System.getenv("AFFINITY_API_KEY")).build()) {
 *     ...
 * }
 * }</pre>
 */
public final class AffinityClient implements AutoCloseable {

    private final ApiEngine engine;
    private final String description;

    AffinityClient(ApiEngine engine, String description) {
        this.engine = engine;
        this.description = description;
    }

    /** @return a new builder */
    public static AffinityClientBuilder builder() {
        return new AffinityClientBuilder();
    }

    /**
     * The latest rate limits the server reported in its {@code X-Ratelimit-*} headers, for monitoring. Empty
     * until a response carried them.
     *
     * @return the snapshot
     */
    public RateLimitSnapshot rateLimits() {
        return engine.rateLimits();
    }

    /**
     * Releases what this client created (its connection pool) without blocking. A Reactor Netty
     * {@code HttpClient} you supplied is left as it is. Calls made afterwards fail.
     */
    @Override
    public void close() {
        engine.close();
    }

    ApiEngine engine() {
        return engine;
    }

    @Override
    public String toString() {
        return description;
    }
}
