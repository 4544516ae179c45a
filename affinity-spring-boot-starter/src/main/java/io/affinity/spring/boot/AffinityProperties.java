package io.affinity.spring.boot;

import io.affinity.client.AuthScheme;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code affinity.*} properties: one for each option of {@code AffinityClientBuilder}. An option left unset
 * keeps the builder's default.
 */
@ConfigurationProperties("affinity")
public class AffinityProperties {

    /** The Affinity API key (required). Never logged nor shown in health details. */
    private String apiKey;
    /** The base URL of the API (default https://api.affinity.co); http only for loopback hosts. */
    private String baseUrl;
    /** How the API key is sent: BASIC (default) or BEARER. */
    private AuthScheme authScheme;
    /** How long to wait for a TCP connection (default 10s). */
    private Duration connectTimeout;
    /** How long to wait for the response once the request is sent, and between its reads (default 60s). */
    private Duration responseTimeout;
    /** The longest one call may take in all, rate-limit waits and retries included (default 5m). */
    private Duration callTimeout;
    /** The longest one attempt of a call may take, headers and body (default 2m). */
    private Duration attemptTimeout;
    /** The longest a whole file download may take (default: no limit). */
    private Duration downloadTimeout;
    /** How many empty pages in a row, each with a next page token, a paged walk accepts. */
    private Integer maxEmptyPages;
    /** The largest response body accepted (default 32MB). */
    private DataSize maxResponseSize;

    private final Retry retry = new Retry();
    private final RateLimit rateLimit = new RateLimit();
    private final ConnectionPool connectionPool = new ConnectionPool();
    private final Health health = new Health();

    /** @return the API key */
    public String getApiKey() {
        return apiKey;
    }

    /** @param apiKey the API key */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /** @return the base URL */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** @param baseUrl the base URL */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** @return how the key is sent */
    public AuthScheme getAuthScheme() {
        return authScheme;
    }

    /** @param authScheme how the key is sent */
    public void setAuthScheme(AuthScheme authScheme) {
        this.authScheme = authScheme;
    }

    /** @return the connect timeout */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** @param connectTimeout the connect timeout */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** @return the response timeout */
    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    /** @param responseTimeout the response timeout */
    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    /** @return the call timeout */
    public Duration getCallTimeout() {
        return callTimeout;
    }

    /** @param callTimeout the call timeout */
    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /** @return the attempt timeout */
    public Duration getAttemptTimeout() {
        return attemptTimeout;
    }

    /** @param attemptTimeout the attempt timeout */
    public void setAttemptTimeout(Duration attemptTimeout) {
        this.attemptTimeout = attemptTimeout;
    }

    /** @return the download timeout */
    public Duration getDownloadTimeout() {
        return downloadTimeout;
    }

    /** @param downloadTimeout the download timeout */
    public void setDownloadTimeout(Duration downloadTimeout) {
        this.downloadTimeout = downloadTimeout;
    }

    /** @return the most empty pages in a row */
    public Integer getMaxEmptyPages() {
        return maxEmptyPages;
    }

    /** @param maxEmptyPages the most empty pages in a row */
    public void setMaxEmptyPages(Integer maxEmptyPages) {
        this.maxEmptyPages = maxEmptyPages;
    }

    /** @return the largest response body */
    public DataSize getMaxResponseSize() {
        return maxResponseSize;
    }

    /** @param maxResponseSize the largest response body */
    public void setMaxResponseSize(DataSize maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    /** @return the retry options */
    public Retry getRetry() {
        return retry;
    }

    /** @return the rate-limit options */
    public RateLimit getRateLimit() {
        return rateLimit;
    }

    /** @return the connection pool options */
    public ConnectionPool getConnectionPool() {
        return connectionPool;
    }

    /** @return the health indicator options */
    public Health getHealth() {
        return health;
    }

    /** {@code affinity.retry.*}: retries of failed calls. */
    public static class Retry {

        /** The most attempts of one call, the first included (1 disables retries). */
        private Integer maxAttempts;
        /** The delay before the first retry; later ones grow exponentially, with full jitter. */
        private Duration baseDelay;
        /** The longest delay between two attempts. */
        private Duration maxDelay;

        /** @return the most attempts */
        public Integer getMaxAttempts() {
            return maxAttempts;
        }

        /** @param maxAttempts the most attempts */
        public void setMaxAttempts(Integer maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** @return the base delay */
        public Duration getBaseDelay() {
            return baseDelay;
        }

        /** @param baseDelay the base delay */
        public void setBaseDelay(Duration baseDelay) {
            this.baseDelay = baseDelay;
        }

        /** @return the longest delay */
        public Duration getMaxDelay() {
            return maxDelay;
        }

        /** @param maxDelay the longest delay */
        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }
    }

    /** {@code affinity.rate-limit.*}: the client's rate limiter. */
    public static class RateLimit {

        /** Requests a minute until the server reports its own limits (default 900). */
        private Integer requestsPerMinute;
        /** The most requests in flight at once. */
        private Integer maxConcurrentRequests;
        /** The most callers waiting for a permit; more fail at once. */
        private Integer maxQueuedRequests;
        /** The longest a caller waits for a permit before failing (default 5m). */
        private Duration maxWait;
        /** The longest wait a server's reset or Retry-After may impose; a longer one fails the call at once. */
        private Duration maxServerWait;

        /** @return requests a minute */
        public Integer getRequestsPerMinute() {
            return requestsPerMinute;
        }

        /** @param requestsPerMinute requests a minute */
        public void setRequestsPerMinute(Integer requestsPerMinute) {
            this.requestsPerMinute = requestsPerMinute;
        }

        /** @return the most requests in flight */
        public Integer getMaxConcurrentRequests() {
            return maxConcurrentRequests;
        }

        /** @param maxConcurrentRequests the most requests in flight */
        public void setMaxConcurrentRequests(Integer maxConcurrentRequests) {
            this.maxConcurrentRequests = maxConcurrentRequests;
        }

        /** @return the most waiting callers */
        public Integer getMaxQueuedRequests() {
            return maxQueuedRequests;
        }

        /** @param maxQueuedRequests the most waiting callers */
        public void setMaxQueuedRequests(Integer maxQueuedRequests) {
            this.maxQueuedRequests = maxQueuedRequests;
        }

        /** @return the longest wait for a permit */
        public Duration getMaxWait() {
            return maxWait;
        }

        /** @param maxWait the longest wait for a permit */
        public void setMaxWait(Duration maxWait) {
            this.maxWait = maxWait;
        }

        /** @return the longest wait a server may impose */
        public Duration getMaxServerWait() {
            return maxServerWait;
        }

        /** @param maxServerWait the longest wait a server may impose */
        public void setMaxServerWait(Duration maxServerWait) {
            this.maxServerWait = maxServerWait;
        }
    }

    /** {@code affinity.connection-pool.*}: the connection pool the client owns. */
    public static class ConnectionPool {

        /** The most connections open at once. */
        private Integer maxConnections;
        /** The most requests waiting for a connection. */
        private Integer maxPendingAcquires;
        /** How long a request waits for a connection. */
        private Duration pendingAcquireTimeout;
        /** How long an idle connection is kept. */
        private Duration maxIdleTime;
        /** How often idle connections are evicted. */
        private Duration evictionInterval;

        /** @return the most connections */
        public Integer getMaxConnections() {
            return maxConnections;
        }

        /** @param maxConnections the most connections */
        public void setMaxConnections(Integer maxConnections) {
            this.maxConnections = maxConnections;
        }

        /** @return the most pending acquires */
        public Integer getMaxPendingAcquires() {
            return maxPendingAcquires;
        }

        /** @param maxPendingAcquires the most pending acquires */
        public void setMaxPendingAcquires(Integer maxPendingAcquires) {
            this.maxPendingAcquires = maxPendingAcquires;
        }

        /** @return the pending acquire timeout */
        public Duration getPendingAcquireTimeout() {
            return pendingAcquireTimeout;
        }

        /** @param pendingAcquireTimeout the pending acquire timeout */
        public void setPendingAcquireTimeout(Duration pendingAcquireTimeout) {
            this.pendingAcquireTimeout = pendingAcquireTimeout;
        }

        /** @return the longest idle time */
        public Duration getMaxIdleTime() {
            return maxIdleTime;
        }

        /** @param maxIdleTime the longest idle time */
        public void setMaxIdleTime(Duration maxIdleTime) {
            this.maxIdleTime = maxIdleTime;
        }

        /** @return the eviction interval */
        public Duration getEvictionInterval() {
            return evictionInterval;
        }

        /** @param evictionInterval the eviction interval */
        public void setEvictionInterval(Duration evictionInterval) {
            this.evictionInterval = evictionInterval;
        }
    }

    /** {@code affinity.health.*}: the actuator health indicator ({@code management.health.affinity.enabled}). */
    public static class Health {

        /** The shortest time between two whoami calls of the health indicator; in between it answers from cache. */
        private Duration whoamiInterval = Duration.ofMinutes(5);

        /** @return the shortest time between two whoami calls */
        public Duration getWhoamiInterval() {
            return whoamiInterval;
        }

        /** @param whoamiInterval the shortest time between two whoami calls */
        public void setWhoamiInterval(Duration whoamiInterval) {
            this.whoamiInterval = whoamiInterval;
        }
    }
}
