package io.affinity.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.affinity.client.observation.AffinityClientListener;
import io.affinity.client.ratelimit.RateLimitOptions;
import io.affinity.client.ratelimit.RateLimiter;
import io.affinity.client.ratelimit.Ticker;
import io.affinity.client.retry.RetryOptions;
import java.time.Duration;
import java.util.function.Supplier;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Everything {@link ApiEngine} is built from; validated by the public builder. Internal API.
 *
 * @param credentials     the API key and how it is sent
 * @param baseUrl         the base URL, without trailing slash
 * @param connectTimeout  the connect timeout
 * @param responseTimeout the response timeout
 * @param callTimeout     the longest one call may take in all (rate-limit waits and retries included), or
 *                        {@code null} for no such limit
 * @param retryOptions    the retry settings
 * @param rateLimitOptions the settings of the default rate limiter (its maximum wait also applies to 429s)
 * @param rateLimiter     a rate limiter to use instead of the default one, or {@code null}
 * @param connectionPool  creates the connection pool the engine owns and disposes (unused with a supplied
 *                        {@code httpClient})
 * @param maxResponseSize the largest response body accepted, in bytes
 * @param httpClient      a Reactor Netty client to send through instead of a new one, or {@code null}
 * @param scheduler       the scheduler of all timers (rate-limit waits, retry delays)
 * @param objectMapper    the mapper that writes bodies and decodes responses
 * @param attemptTimeout  the longest one attempt may take, from asking for a connection to the last byte of the
 *                        response
 * @param downloadTimeout the longest a whole download may take, or {@code null} for no such limit
 * @param maxEmptyPages   how many empty pages in a row, each with a next token, a walk accepts
 * @param ticker          the monotonic clock of the default rate limiter and of deadlines
 * @param listener        hears about every call (a no-op listener when the user set none)
 */
public record EngineSettings(
        Credentials credentials,
        String baseUrl,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration callTimeout,
        RetryOptions retryOptions,
        RateLimitOptions rateLimitOptions,
        RateLimiter rateLimiter,
        Supplier<ConnectionProvider> connectionPool,
        long maxResponseSize,
        HttpClient httpClient,
        Scheduler scheduler,
        ObjectMapper objectMapper,
        Duration attemptTimeout,
        Duration downloadTimeout,
        int maxEmptyPages,
        Ticker ticker,
        AffinityClientListener listener) {}
