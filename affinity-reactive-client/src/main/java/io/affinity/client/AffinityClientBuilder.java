package io.affinity.client;

import io.affinity.client.internal.ApiEngine;
import io.affinity.client.internal.Credentials;
import io.affinity.client.internal.EngineSettings;
import io.affinity.client.internal.MeteredRateLimiter;
import io.affinity.client.internal.check.Args;
import io.affinity.client.observation.AffinityClientListener;
import io.affinity.client.paging.PagedFlux;
import io.affinity.client.ratelimit.RateLimitOptions;
import io.affinity.client.ratelimit.RateLimiter;
import io.affinity.client.ratelimit.Ticker;
import io.affinity.client.retry.RetryOptions;
import io.affinity.model.json.AffinityJson;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * Builds an {@link AffinityClient}. Only the API key is required. Not thread-safe; setters throw
 * {@link IllegalArgumentException} naming the setting when given an invalid value.
 *
 * <pre>{@code
 * AffinityClient client = AffinityClient.builder()
 *         .apiKey(apiKey)
 *         .retryOptions(RetryOptions.builder().maxAttempts(5).build())
 *         .rateLimitOptions(RateLimitOptions.builder().maxWait(Duration.ofSeconds(30)).build())
 *         .build();
 * }</pre>
 */
public final class AffinityClientBuilder {

    private static final AffinityClientListener NO_LISTENER = new AffinityClientListener() {};

    /** The production API. */
    public static final String DEFAULT_BASE_URL = "https://api.affinity.co";
    /** The default {@link #callTimeout(Duration)}: every call ends within it, waits and retries included. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(5);
    /** The default {@link #attemptTimeout(Duration)}. */
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofMinutes(2);

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private String apiKey;
    private String baseUrl = DEFAULT_BASE_URL;
    private AuthScheme authScheme = AuthScheme.BASIC;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration responseTimeout = Duration.ofSeconds(60);
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;
    private Duration downloadTimeout;
    private int maxEmptyPages = PagedFlux.DEFAULT_MAX_EMPTY_PAGES;
    private Ticker ticker = Ticker.system();
    private AffinityClientListener listener = NO_LISTENER;
    private RetryOptions retryOptions = RetryOptions.defaults();
    private RateLimitOptions rateLimitOptions = RateLimitOptions.defaults();
    private RateLimiter rateLimiter;
    private Duration fieldCacheTtl = Duration.ofMinutes(5);
    private ConnectionPoolOptions connectionPoolOptions = ConnectionPoolOptions.defaults();
    private long maxResponseSize = 32L * 1024 * 1024;
    private HttpClient httpClient;
    private Scheduler scheduler;

    AffinityClientBuilder() {}

    /**
     * @param apiKey the API key (required); never logged nor shown in messages
     * @return this builder
     */
    public AffinityClientBuilder apiKey(String apiKey) {
        this.apiKey = Args.notBlank("apiKey", apiKey);
        return this;
    }

    /**
     * @param baseUrl the API's base URL (default {@value #DEFAULT_BASE_URL}); must use HTTPS unless the host is
     *                a loopback address ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}), as for a test
     *                server
     * @return this builder
     */
    public AffinityClientBuilder baseUrl(String baseUrl) {
        this.baseUrl = checkBaseUrl(baseUrl);
        return this;
    }

    /**
     * @param baseUrl the API's base URL, for example a testkit server's {@code baseUrl()}; the same rules as
     *                {@link #baseUrl(String)}
     * @return this builder
     */
    public AffinityClientBuilder baseUrl(URI baseUrl) {
        return baseUrl(Args.notNull("baseUrl", baseUrl).toString());
    }

    /**
     * @param authScheme how the key is sent (default {@link AuthScheme#BASIC})
     * @return this builder
     */
    public AffinityClientBuilder authScheme(AuthScheme authScheme) {
        this.authScheme = Args.notNull("authScheme", authScheme);
        return this;
    }

    /**
     * @param connectTimeout how long to wait for a TCP connection (default 10 s); positive
     * @return this builder
     */
    public AffinityClientBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = Args.positive("connectTimeout", connectTimeout);
        return this;
    }

    /**
     * @param responseTimeout how long to wait for the response once the request is sent, and between its
     *                        reads (default 60 s); positive
     * @return this builder
     */
    public AffinityClientBuilder responseTimeout(Duration responseTimeout) {
        this.responseTimeout = Args.positive("responseTimeout", responseTimeout);
        return this;
    }

    /**
     * @param callTimeout the longest one call (one page, for paged calls; not downloads) may take in all,
     *                    rate-limit waits and retries included (default 5 minutes); past it the call fails with a
     *                    {@link io.affinity.client.error.TransportException} of kind {@code TIMEOUT} that tells
     *                    whether a request was sent. {@code null} removes this bound: each attempt is still bounded
     *                    by the attempt timeout and each rate-limit wait by the limiter's maximum wait.
     * @return this builder
     */
    public AffinityClientBuilder callTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout == null ? null : Args.positive("callTimeout", callTimeout);
        return this;
    }

    /**
     * @param attemptTimeout the longest one attempt of a call may take, from asking for a connection to the last
     *                       byte of the response, headers and body (default 2 minutes), so that a server that
     *                       trickles bytes cannot hold a call; the attempt then fails with a
     *                       {@link io.affinity.client.error.TransportException} of kind {@code TIMEOUT} (retried
     *                       like any timeout). Downloads are bounded by {@link #downloadTimeout(Duration)} instead.
     *                       Positive.
     * @return this builder
     */
    public AffinityClientBuilder attemptTimeout(Duration attemptTimeout) {
        this.attemptTimeout = Args.positive("attemptTimeout", attemptTimeout);
        return this;
    }

    /**
     * @param downloadTimeout the longest a whole file download may take, or {@code null} (the default) for no such
     *                        limit; downloads are always bounded between reads by the response timeout. Positive.
     * @return this builder
     */
    public AffinityClientBuilder downloadTimeout(Duration downloadTimeout) {
        this.downloadTimeout = downloadTimeout == null ? null : Args.positive("downloadTimeout", downloadTimeout);
        return this;
    }

    /**
     * @param maxEmptyPages how many empty pages in a row, each with a next page token, a paged walk accepts before
     *                      it fails with a {@link io.affinity.client.error.PaginationException} (default
     *                      {@value PagedFlux#DEFAULT_MAX_EMPTY_PAGES}), so that a server that never stops answering
     *                      empty pages cannot hold a walk forever; at least 1
     * @return this builder
     */
    public AffinityClientBuilder maxEmptyPages(int maxEmptyPages) {
        this.maxEmptyPages = Args.atLeast("maxEmptyPages", maxEmptyPages, 1);
        return this;
    }

    /**
     * @param ticker the monotonic clock the default rate limiter and the download deadline measure time with
     *               (default {@link Ticker#system()}); tests on virtual time pass {@link Ticker#of(Scheduler)}
     *               with the same virtual scheduler as {@link #scheduler(Scheduler)}
     * @return this builder
     */
    public AffinityClientBuilder ticker(Ticker ticker) {
        this.ticker = Args.notNull("ticker", ticker);
        return this;
    }

    /**
     * @param retryOptions when to retry (default {@link RetryOptions#defaults()}; {@link RetryOptions#disabled()}
     *                     never retries)
     * @return this builder
     */
    public AffinityClientBuilder retryOptions(RetryOptions retryOptions) {
        this.retryOptions = Args.notNull("retryOptions", retryOptions);
        return this;
    }

    /**
     * @param rateLimitOptions the settings of the default rate limiter (default
     *                         {@link RateLimitOptions#defaults()}); its maximum wait also stops retries of a 429
     *                         that asks for a longer wait
     * @return this builder
     */
    public AffinityClientBuilder rateLimitOptions(RateLimitOptions rateLimitOptions) {
        this.rateLimitOptions = Args.notNull("rateLimitOptions", rateLimitOptions);
        return this;
    }

    /**
     * @param rateLimiter a limiter to use instead of the default one, for example one backed by a store shared
     *                    by several processes using the same key; {@code null} restores the default
     * @return this builder
     */
    public AffinityClientBuilder rateLimiter(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
        return this;
    }

    /**
     * @param connectionPoolOptions the settings of the connection pool the client creates (default
     *                              {@link ConnectionPoolOptions#defaults()}); unused with {@link #httpClient}
     * @return this builder
     */
    public AffinityClientBuilder connectionPoolOptions(ConnectionPoolOptions connectionPoolOptions) {
        this.connectionPoolOptions = Args.notNull("connectionPoolOptions", connectionPoolOptions);
        return this;
    }

    /**
     * @param maxResponseSize the largest response body accepted, in bytes (default 32 MiB); a larger one fails
     *                        the call with a {@link io.affinity.client.error.ResponseTooLargeException}
     * @return this builder
     */
    public AffinityClientBuilder maxResponseSize(long maxResponseSize) {
        if (maxResponseSize < 1 || maxResponseSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxResponseSize must be between 1 and " + (Integer.MAX_VALUE - 8)
                    + " bytes, was " + maxResponseSize);
        }
        this.maxResponseSize = maxResponseSize;
        return this;
    }

    /**
     * @param httpClient a Reactor Netty client to send through (its connection pool, event loops, proxy, TLS
     *                   and metrics settings are kept; the client adds its timeouts, compression and headers);
     *                   {@code null} makes the client create its own. A supplied client's resources are never
     *                   released by {@link AffinityClient#close()}.
     * @return this builder
     */
    public AffinityClientBuilder httpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
        return this;
    }

    /**
     * @param scheduler the scheduler whose timers delay retries and rate-limited calls (default
     *                  {@link Schedulers#parallel()}); no thread is ever blocked on it
     * @return this builder
     */
    public AffinityClientBuilder scheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
        return this;
    }

    /**
     * Sets the listener that hears about every call (started, rate-limit waits, 429s, retries, finished), for
     * metrics or tracing without Micrometer; {@link io.affinity.client.observation.MicrometerObservations} is one.
     *
     * @param listener the listener; calls made by this client report to it
     * @return this builder
     */
    public AffinityClientBuilder listener(AffinityClientListener listener) {
        this.listener = Args.notNull("listener", listener);
        return this;
    }

    /**
     * How long {@link Fields#cache()} keeps the fields before it fetches them again; 5 minutes by default.
     *
     * @param ttl positive
     * @return this builder
     */
    public AffinityClientBuilder fieldCacheTtl(Duration ttl) {
        this.fieldCacheTtl = Args.positive("fieldCacheTtl", ttl);
        return this;
    }

    /**
     * @return a new client
     * @throws IllegalStateException when no API key was set
     */
    public AffinityClient build() {
        if (apiKey == null) {
            throw new IllegalStateException("apiKey must be set: AffinityClient.builder().apiKey(...)");
        }
        Scheduler timers = scheduler != null ? scheduler : Schedulers.parallel();
        MeteredRateLimiter meter = new MeteredRateLimiter(
                rateLimiter != null ? rateLimiter : RateLimiter.tokenBucket(rateLimitOptions, timers, ticker), ticker);
        EngineSettings settings = new EngineSettings(
                authScheme == AuthScheme.BEARER ? Credentials.bearer(apiKey) : Credentials.basic(apiKey),
                baseUrl,
                connectTimeout,
                responseTimeout,
                callTimeout,
                retryOptions,
                rateLimitOptions,
                meter,
                connectionPoolOptions::newConnectionProvider,
                maxResponseSize,
                httpClient,
                timers,
                AffinityJson.newObjectMapper(),
                attemptTimeout,
                downloadTimeout,
                maxEmptyPages,
                ticker,
                listener);
        return new AffinityClient(
                ApiEngine.create(settings),
                "AffinityClient{baseUrl=" + baseUrl + ", authScheme=" + authScheme + '}',
                new RecipeContext(meter, ticker, fieldCacheTtl));
    }

    private static String checkBaseUrl(String baseUrl) {
        Args.notBlank("baseUrl", baseUrl);
        URI uri;
        try {
            uri = new URI(baseUrl.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a valid URL: " + baseUrl, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null
                || !(scheme.equals("https") || scheme.equals("http"))
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "baseUrl must be an http(s) URL with a host and without query or " + "fragment, was " + baseUrl);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("baseUrl must use https: the API key must not travel in clear text "
                    + "(http is accepted only for loopback hosts such as localhost or 127.0.0.1), was " + baseUrl);
        }
        String url = uri.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost")
                || IPV4_LOOPBACK.matcher(host).matches()
                || host.equals("[::1]")
                || host.equals("::1");
    }

    @Override
    public String toString() {
        return "AffinityClientBuilder{baseUrl=" + baseUrl + ", authScheme=" + authScheme + ", apiKey="
                + (apiKey == null ? "unset" : "[REDACTED]") + '}';
    }
}
