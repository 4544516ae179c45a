package io.affinity.spring.boot;

import io.affinity.client.ratelimit.redis.FailureMode;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code affinity.rate-limit.redis.*} properties: one for each plain setting of {@code RedisRateLimiter.Builder}.
 * The shared limiter is auto-configured when {@code enabled} is {@code true}, or when {@code uri} is set and
 * {@code enabled} is not {@code false}. An option left unset keeps the builder's default.
 */
@ConfigurationProperties("affinity.rate-limit.redis")
public class AffinityRedisRateLimitProperties {

    /**
     * Whether the client's rate limiter is shared through Redis. Unset: on when a uri is set; false switches it off
     * even with a uri.
     */
    private Boolean enabled;
    /** Where Redis is, as a Lettuce URI such as redis://host:6379/0 (credentials and TLS as Lettuce reads them). */
    private String uri;
    /**
     * The name every process sharing the limit uses (letters, digits and . _ : -, at most 128). Default: named
     * after a SHA-256 hash of affinity.api-key, so processes with one key share it.
     */
    private String name;
    /** The prefix of the Redis keys (default affinity:ratelimit:); no braces. */
    private String keyPrefix;
    /** The shared limit a minute until a response reports the server's (default 900). */
    private Integer requestsPerMinute;
    /** The most requests in flight at once across every process sharing the limit (default 0: no cap). */
    private Integer maxConcurrentRequests;
    /** How long an in-flight slot stays taken when its process dies mid-call (default 5m30s). */
    private Duration leaseTime;
    /** The most callers of this process waiting at once; one more fails at once (default 1000). */
    private Integer maxQueuedRequests;
    /** How long a caller waits for a permit before failing (default 5m). */
    private Duration maxWait;
    /** The longest wait the server may impose on every process; beyond it calls fail at once (default 120s). */
    private Duration maxServerWait;
    /** What calls do while Redis is unreachable: FAIL_OPEN (default, a local limiter) or FAIL_CLOSED. */
    private FailureMode failureMode;
    /** How long one Redis command may take before Redis counts as unreachable (default 1s). */
    private Duration redisTimeout;
    /** How often an unreachable Redis is tried again (default 1s). */
    private Duration recoveryInterval;
    /** How often a caller waiting for a cluster-wide in-flight slot asks Redis again (default 20ms). */
    private Duration slotPollInterval;

    /**
     * The local limiter of each process while Redis is unreachable (FAIL_OPEN). None set: it follows the shared
     * settings above; once one is set, the others take the client's defaults.
     */
    @NestedConfigurationProperty
    private final AffinityProperties.RateLimit fallback = new AffinityProperties.RateLimit();

    /** Creates the properties, every one unset. */
    public AffinityRedisRateLimitProperties() {}

    /** @return whether the shared limiter is on, or {@code null} when unset */
    public Boolean getEnabled() {
        return enabled;
    }

    /** @param enabled whether the shared limiter is on */
    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the Redis URI */
    public String getUri() {
        return uri;
    }

    /** @param uri the Redis URI */
    public void setUri(String uri) {
        this.uri = uri;
    }

    /** @return the shared name */
    public String getName() {
        return name;
    }

    /** @param name the shared name */
    public void setName(String name) {
        this.name = name;
    }

    /** @return the prefix of the Redis keys */
    public String getKeyPrefix() {
        return keyPrefix;
    }

    /** @param keyPrefix the prefix of the Redis keys */
    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    /** @return requests a minute */
    public Integer getRequestsPerMinute() {
        return requestsPerMinute;
    }

    /** @param requestsPerMinute requests a minute */
    public void setRequestsPerMinute(Integer requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    /** @return the cluster-wide in-flight cap */
    public Integer getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** @param maxConcurrentRequests the cluster-wide in-flight cap */
    public void setMaxConcurrentRequests(Integer maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    /** @return the lease time of an in-flight slot */
    public Duration getLeaseTime() {
        return leaseTime;
    }

    /** @param leaseTime the lease time of an in-flight slot */
    public void setLeaseTime(Duration leaseTime) {
        this.leaseTime = leaseTime;
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

    /** @return the longest wait the server may impose */
    public Duration getMaxServerWait() {
        return maxServerWait;
    }

    /** @param maxServerWait the longest wait the server may impose */
    public void setMaxServerWait(Duration maxServerWait) {
        this.maxServerWait = maxServerWait;
    }

    /** @return what calls do while Redis is unreachable */
    public FailureMode getFailureMode() {
        return failureMode;
    }

    /** @param failureMode what calls do while Redis is unreachable */
    public void setFailureMode(FailureMode failureMode) {
        this.failureMode = failureMode;
    }

    /** @return the timeout of one Redis command */
    public Duration getRedisTimeout() {
        return redisTimeout;
    }

    /** @param redisTimeout the timeout of one Redis command */
    public void setRedisTimeout(Duration redisTimeout) {
        this.redisTimeout = redisTimeout;
    }

    /** @return how often an unreachable Redis is tried again */
    public Duration getRecoveryInterval() {
        return recoveryInterval;
    }

    /** @param recoveryInterval how often an unreachable Redis is tried again */
    public void setRecoveryInterval(Duration recoveryInterval) {
        this.recoveryInterval = recoveryInterval;
    }

    /** @return how often a caller waiting for an in-flight slot asks again */
    public Duration getSlotPollInterval() {
        return slotPollInterval;
    }

    /** @param slotPollInterval how often a caller waiting for an in-flight slot asks again */
    public void setSlotPollInterval(Duration slotPollInterval) {
        this.slotPollInterval = slotPollInterval;
    }

    /** @return the options of the local limiter used while Redis is unreachable */
    public AffinityProperties.RateLimit getFallback() {
        return fallback;
    }
}
