package io.affinity.client.blocking;

import io.affinity.client.AffinityClient;
import io.affinity.client.AffinityClientBuilder;
import io.affinity.client.AuthScheme;
import io.affinity.client.ConnectionPoolOptions;
import io.affinity.client.ratelimit.RateLimitOptions;
import io.affinity.client.ratelimit.RateLimiter;
import io.affinity.client.ratelimit.Ticker;
import io.affinity.client.retry.RetryOptions;
import java.net.URI;
import java.time.Duration;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.client.HttpClient;

/**
 * Builds an {@link AffinityBlockingClient}. The options are those of {@link AffinityClientBuilder}, with
 * the same defaults, except the call timeout: a blocking call never waits longer than
 * {@link #DEFAULT_CALL_TIMEOUT} unless told otherwise.
 */
public final class AffinityBlockingClientBuilder {

    /** How long one blocking call may take by default, rate-limit waits and retries included. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);

    private final AffinityClientBuilder reactive = AffinityClient.builder().callTimeout(DEFAULT_CALL_TIMEOUT);

    AffinityBlockingClientBuilder() {}

    /**
     * @param apiKey the API key (required); never logged nor shown in messages
     * @return this builder
     * @see AffinityClientBuilder#apiKey(String)
     */
    public AffinityBlockingClientBuilder apiKey(String apiKey) {
        reactive.apiKey(apiKey);
        return this;
    }

    /**
     * @param baseUrl the API's base URL; HTTPS unless the host is a loopback address
     * @return this builder
     * @see AffinityClientBuilder#baseUrl(String)
     */
    public AffinityBlockingClientBuilder baseUrl(String baseUrl) {
        reactive.baseUrl(baseUrl);
        return this;
    }

    /**
     * @param baseUrl the API's base URL, for example a testkit server's {@code baseUrl()}
     * @return this builder
     * @see AffinityClientBuilder#baseUrl(URI)
     */
    public AffinityBlockingClientBuilder baseUrl(URI baseUrl) {
        reactive.baseUrl(baseUrl);
        return this;
    }

    /**
     * @param authScheme how the key is sent (default Basic)
     * @return this builder
     * @see AffinityClientBuilder#authScheme(AuthScheme)
     */
    public AffinityBlockingClientBuilder authScheme(AuthScheme authScheme) {
        reactive.authScheme(authScheme);
        return this;
    }

    /**
     * @param connectTimeout how long to wait for a TCP connection
     * @return this builder
     * @see AffinityClientBuilder#connectTimeout(Duration)
     */
    public AffinityBlockingClientBuilder connectTimeout(Duration connectTimeout) {
        reactive.connectTimeout(connectTimeout);
        return this;
    }

    /**
     * @param responseTimeout how long to wait for a response once the request is sent
     * @return this builder
     * @see AffinityClientBuilder#responseTimeout(Duration)
     */
    public AffinityBlockingClientBuilder responseTimeout(Duration responseTimeout) {
        reactive.responseTimeout(responseTimeout);
        return this;
    }

    /**
     * @param callTimeout the longest one blocking call (one page, for paged calls) may take in all, rate-limit
     *                    waits and retries included (default {@link #DEFAULT_CALL_TIMEOUT}); past it the call
     *                    is cancelled and fails with a {@link io.affinity.client.error.TransportException} of
     *                    kind {@code TIMEOUT}
     * @return this builder
     */
    public AffinityBlockingClientBuilder callTimeout(Duration callTimeout) {
        reactive.callTimeout(callTimeout);
        return this;
    }

    /**
     * @param attemptTimeout the longest one attempt may take, from asking for a connection to the last byte of
     *                       the response
     * @return this builder
     * @see AffinityClientBuilder#attemptTimeout(Duration)
     */
    public AffinityBlockingClientBuilder attemptTimeout(Duration attemptTimeout) {
        reactive.attemptTimeout(attemptTimeout);
        return this;
    }

    /**
     * @param downloadTimeout the longest a whole download may take, or {@code null} for no such limit
     * @return this builder
     * @see AffinityClientBuilder#downloadTimeout(Duration)
     */
    public AffinityBlockingClientBuilder downloadTimeout(Duration downloadTimeout) {
        reactive.downloadTimeout(downloadTimeout);
        return this;
    }

    /**
     * @param maxEmptyPages how many empty pages in a row a paged walk accepts before it fails
     * @return this builder
     * @see AffinityClientBuilder#maxEmptyPages(int)
     */
    public AffinityBlockingClientBuilder maxEmptyPages(int maxEmptyPages) {
        reactive.maxEmptyPages(maxEmptyPages);
        return this;
    }

    /**
     * @param ticker the monotonic clock of the default rate limiter and the download deadline
     * @return this builder
     * @see AffinityClientBuilder#ticker(Ticker)
     */
    public AffinityBlockingClientBuilder ticker(Ticker ticker) {
        reactive.ticker(ticker);
        return this;
    }

    /**
     * @param retryOptions when to retry
     * @return this builder
     * @see AffinityClientBuilder#retryOptions(RetryOptions)
     */
    public AffinityBlockingClientBuilder retryOptions(RetryOptions retryOptions) {
        reactive.retryOptions(retryOptions);
        return this;
    }

    /**
     * @param rateLimitOptions the settings of the default rate limiter
     * @return this builder
     * @see AffinityClientBuilder#rateLimitOptions(RateLimitOptions)
     */
    public AffinityBlockingClientBuilder rateLimitOptions(RateLimitOptions rateLimitOptions) {
        reactive.rateLimitOptions(rateLimitOptions);
        return this;
    }

    /**
     * @param rateLimiter a limiter to use instead of the default one
     * @return this builder
     * @see AffinityClientBuilder#rateLimiter(RateLimiter)
     */
    public AffinityBlockingClientBuilder rateLimiter(RateLimiter rateLimiter) {
        reactive.rateLimiter(rateLimiter);
        return this;
    }

    /**
     * @param connectionPoolOptions the settings of the connection pool the client creates
     * @return this builder
     * @see AffinityClientBuilder#connectionPoolOptions(ConnectionPoolOptions)
     */
    public AffinityBlockingClientBuilder connectionPoolOptions(ConnectionPoolOptions connectionPoolOptions) {
        reactive.connectionPoolOptions(connectionPoolOptions);
        return this;
    }

    /**
     * @param maxResponseSize the largest response body accepted, in bytes
     * @return this builder
     * @see AffinityClientBuilder#maxResponseSize(long)
     */
    public AffinityBlockingClientBuilder maxResponseSize(long maxResponseSize) {
        reactive.maxResponseSize(maxResponseSize);
        return this;
    }

    /**
     * @param httpClient a Reactor Netty client to send through
     * @return this builder
     * @see AffinityClientBuilder#httpClient(HttpClient)
     */
    public AffinityBlockingClientBuilder httpClient(HttpClient httpClient) {
        reactive.httpClient(httpClient);
        return this;
    }

    /**
     * @param scheduler the scheduler whose timers delay retries and rate-limited calls
     * @return this builder
     * @see AffinityClientBuilder#scheduler(Scheduler)
     */
    public AffinityBlockingClientBuilder scheduler(Scheduler scheduler) {
        reactive.scheduler(scheduler);
        return this;
    }

    /**
     * @return a new client
     * @throws IllegalStateException when no API key was set
     */
    public AffinityBlockingClient build() {
        return AffinityBlockingClient.wrap(reactive.build());
    }
}
