package io.affinity.client.ratelimit.redis;

import io.affinity.client.ratelimit.RateLimitOptions;
import io.affinity.client.ratelimit.RateLimitSnapshot;
import io.affinity.client.ratelimit.RateLimiter;
import io.affinity.client.ratelimit.Ticker;
import io.affinity.client.ratelimit.redis.internal.Settings;
import io.affinity.client.ratelimit.redis.internal.SharedRateLimiter;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A {@link RateLimiter} shared by every process that uses one Affinity API key, kept in Redis: one token bucket, the
 * gate that the server's headers close (a {@code Remaining} of 0, a 429, a {@code Retry-After} seen by any process
 * makes every process wait), and an optional cluster-wide cap on requests in flight whose slots expire if a process
 * dies mid-call. Atomic Lua scripts on Redis's own clock keep the state; Lettuce's reactive API talks to Redis, and no
 * thread ever waits.
 *
 * <pre>{@code
 * RedisRateLimiter limiter = RedisRateLimiter.builder()
 *         .redisUri("redis://redis.internal:6379")
 *         .name("crm-sync")                    // or .apiKey(key): a SHA-256 hash of it names the state
 *         .maxConcurrentRequests(64)           // optional cluster-wide cap
 *         .build();
 * AffinityClient client = AffinityClient.builder().apiKey(key).rateLimiter(limiter).build();
 * ...
 * client.close();
 * limiter.close();
 * }</pre>
 *
 * <p>The server's headers are bounded as by the default limiter: the user window's reset closes the gate for at most
 * one minute; a wait beyond {@link Builder#maxServerWait(Duration)} does not close it, but for that long every call
 * that would wait fails at once with a {@code RateLimitException} carrying the reset. A wait for the account's
 * monthly limit (its quota used up, or a 429 whose headers show only the month exhausted) is shared apart from the
 * gate: it holds or refuses, in every process, only the calls the month counts, while {@code GET /rate-limit} and
 * {@code GET /auth/whoami} ({@link RateLimiter#exemptFromMonthlyLimit}) go past them, still under the per-minute
 * limit, the in-flight cap and the user window. While Redis is unreachable,
 * calls use a local token bucket ({@link FailureMode#FAIL_OPEN}, the default) or fail with a
 * {@link RedisUnavailableException} ({@link FailureMode#FAIL_CLOSED}); a monthly refusal the process learned of still
 * fails the calls the month counts. One WARN line is logged per outage, and shared limiting resumes by itself once
 * Redis answers again.
 *
 * <p>The API key never reaches Redis, a log line or {@link #toString()}.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    /** The default prefix of the Redis keys. */
    public static final String DEFAULT_KEY_PREFIX = "affinity:ratelimit:";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final SharedRateLimiter limiter;
    private final FailureMode failureMode;

    private RedisRateLimiter(SharedRateLimiter limiter, FailureMode failureMode) {
        this.limiter = limiter;
        this.failureMode = failureMode;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Mono<Permit> acquire(String method, String path) {
        return limiter.acquire(method, path);
    }

    /** @return the latest limits any process sharing this limiter reported, or this process's own */
    @Override
    public RateLimitSnapshot snapshot() {
        return limiter.snapshot();
    }

    /** @return whether Redis is reachable (false during an outage, while the fallback or fail-closed applies) */
    public boolean redisAvailable() {
        return limiter.redisAvailable();
    }

    /** @return what calls do while Redis is unreachable */
    public FailureMode failureMode() {
        return failureMode;
    }

    /** @return how many times Redis became unreachable since the limiter was built */
    public long outages() {
        return limiter.outages();
    }

    /** @return how many Redis calls failed since the limiter was built (outage probes included) */
    public long redisErrors() {
        return limiter.redisErrors();
    }

    /**
     * Fails the callers still waiting, and closes the Redis connection (and the Redis client, unless it was given to
     * {@link Builder#redisClient(RedisClient, RedisURI)}) without waiting. Permits in use stay valid: their
     * in-flight slots expire after the lease time.
     */
    @Override
    public void close() {
        limiter.close();
    }

    @Override
    public String toString() {
        return limiter.toString();
    }

    /**
     * Settings of a {@link RedisRateLimiter}; every one has a plain value, so configuration properties map onto
     * them one to one. Not thread-safe.
     */
    public static final class Builder {

        private String redisUri;
        private RedisClient redisClient;
        private RedisURI clientUri;
        private String name;
        private String keyPrefix = DEFAULT_KEY_PREFIX;
        private int requestsPerMinute = 900;
        private int maxConcurrentRequests;
        private Duration leaseTime = Duration.ofMinutes(5).plusSeconds(30);
        private int maxQueuedRequests = 1_000;
        private Duration maxWait = Duration.ofMinutes(RateLimitOptions.DEFAULT_MAX_WAIT_MINUTES);
        private Duration maxServerWait = Duration.ofSeconds(RateLimitOptions.DEFAULT_MAX_SERVER_WAIT_SECONDS);
        private FailureMode failureMode = FailureMode.FAIL_OPEN;
        private RateLimitOptions fallbackOptions;
        private Duration redisTimeout = Duration.ofSeconds(1);
        private Duration recoveryInterval = Duration.ofSeconds(1);
        private Duration slotPollInterval = Duration.ofMillis(20);
        private Scheduler scheduler = Schedulers.parallel();
        private Ticker ticker = Ticker.system();
        private RedisRateLimiterListener listener = RedisRateLimiterListener.NONE;

        private Builder() {}

        /**
         * @param redisUri where Redis is, as a Lettuce URI such as {@code redis://host:6379/0} (credentials and TLS
         *                 as Lettuce reads them); the limiter creates and closes its own client
         * @return this builder
         */
        public Builder redisUri(String redisUri) {
            this.redisUri = Objects.requireNonNull(redisUri, "redisUri");
            this.redisClient = null;
            this.clientUri = null;
            return this;
        }

        /**
         * Uses an existing Lettuce client, which {@link RedisRateLimiter#close()} leaves open. For quick outage
         * detection, give it {@code ClientOptions.DisconnectedBehavior.REJECT_COMMANDS}; otherwise commands wait
         * for a reconnection until {@link #redisTimeout(Duration)}.
         *
         * @param redisClient the client
         * @param uri         where Redis is
         * @return this builder
         */
        public Builder redisClient(RedisClient redisClient, RedisURI uri) {
            this.redisClient = Objects.requireNonNull(redisClient, "redisClient");
            this.clientUri = Objects.requireNonNull(uri, "uri");
            this.redisUri = null;
            return this;
        }

        /**
         * @param name the name every process sharing the limits uses: letters, digits and {@code . _ : -}, at most
         *             128 characters. Either this or {@link #apiKey(String)} is required.
         * @return this builder
         */
        public Builder name(String name) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("name must be 1 to 128 letters, digits or . _ : -");
            }
            this.name = name;
            return this;
        }

        /**
         * Names the shared state after a SHA-256 hash of the API key: processes with the same key share it without
         * agreeing on a name. The key itself is not kept.
         *
         * @param apiKey the Affinity API key
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
                this.name = "sha256-" + HexFormat.of().formatHex(hash);
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", impossible);
            }
            return this;
        }

        /**
         * @param keyPrefix the prefix of the Redis keys (default {@value #DEFAULT_KEY_PREFIX})
         * @return this builder
         */
        public Builder keyPrefix(String keyPrefix) {
            if (keyPrefix == null || keyPrefix.indexOf('{') >= 0 || keyPrefix.indexOf('}') >= 0) {
                throw new IllegalArgumentException("keyPrefix must not be null or contain braces");
            }
            this.keyPrefix = keyPrefix;
            return this;
        }

        /**
         * @param requestsPerMinute the shared limit until a response reports the server's (default 900); at least 1
         * @return this builder
         */
        public Builder requestsPerMinute(int requestsPerMinute) {
            this.requestsPerMinute = atLeast("requestsPerMinute", requestsPerMinute, 1);
            return this;
        }

        /**
         * @param maxConcurrentRequests the most requests in flight at once across every process sharing the
         *                              limiter; 0 (the default) for no cap
         * @return this builder
         */
        public Builder maxConcurrentRequests(int maxConcurrentRequests) {
            this.maxConcurrentRequests = atLeast("maxConcurrentRequests", maxConcurrentRequests, 0);
            return this;
        }

        /**
         * @param leaseTime how long an in-flight slot stays taken when its process never releases it (it died); keep
         *                  it above the client's call timeout (default 5 min 30 s, the default call timeout of 5
         *                  minutes plus a margin); positive
         * @return this builder
         */
        public Builder leaseTime(Duration leaseTime) {
            this.leaseTime = positive("leaseTime", leaseTime);
            return this;
        }

        /**
         * @param maxQueuedRequests the most callers of this process waiting at once (default 1,000); one more fails
         *                          with a {@code RequestQueueFullException}; at least 1 (every caller waits in line
         *                          while Redis is asked)
         * @return this builder
         */
        public Builder maxQueuedRequests(int maxQueuedRequests) {
            this.maxQueuedRequests = atLeast("maxQueuedRequests", maxQueuedRequests, 1);
            return this;
        }

        /**
         * @param maxWait how long a caller waits for a permit before failing with a {@code RateLimitException}
         *                (default 5 minutes), or {@code null} for no limit
         * @return this builder
         */
        public Builder maxWait(Duration maxWait) {
            if (maxWait != null && maxWait.isNegative()) {
                throw new IllegalArgumentException("maxWait must not be negative");
            }
            this.maxWait = maxWait;
            return this;
        }

        /**
         * @param maxServerWait the longest wait the server may impose on every process through {@code Retry-After}
         *                      or a window's reset (default 120 s); beyond it the calls that would wait fail at once
         *                      for that long (for the monthly limit, only the calls it counts); positive
         * @return this builder
         */
        public Builder maxServerWait(Duration maxServerWait) {
            this.maxServerWait = positive("maxServerWait", maxServerWait);
            return this;
        }

        /**
         * @param failureMode what calls do while Redis is unreachable (default {@link FailureMode#FAIL_OPEN})
         * @return this builder
         */
        public Builder failureMode(FailureMode failureMode) {
            this.failureMode = Objects.requireNonNull(failureMode, "failureMode");
            return this;
        }

        /**
         * @param fallbackOptions the settings of the local limiter used while Redis is unreachable in
         *                        {@link FailureMode#FAIL_OPEN}; by default this builder's requests a minute, line,
         *                        maximum waits, and the in-flight cap (or the default limiter's) for this process
         * @return this builder
         */
        public Builder fallbackOptions(RateLimitOptions fallbackOptions) {
            this.fallbackOptions = fallbackOptions;
            return this;
        }

        /**
         * @param redisTimeout how long one Redis command may take before Redis counts as unreachable (default 1 s);
         *                     positive
         * @return this builder
         */
        public Builder redisTimeout(Duration redisTimeout) {
            this.redisTimeout = positive("redisTimeout", redisTimeout);
            return this;
        }

        /**
         * @param recoveryInterval how often an unreachable Redis is tried again (default 1 s); positive
         * @return this builder
         */
        public Builder recoveryInterval(Duration recoveryInterval) {
            this.recoveryInterval = positive("recoveryInterval", recoveryInterval);
            return this;
        }

        /**
         * @param slotPollInterval how often a caller waiting for a cluster-wide in-flight slot asks Redis again
         *                         (default 20 ms; a slot freed in this process is noticed at once); positive
         * @return this builder
         */
        public Builder slotPollInterval(Duration slotPollInterval) {
            this.slotPollInterval = positive("slotPollInterval", slotPollInterval);
            return this;
        }

        /**
         * @param scheduler the scheduler whose timers the limiter waits with (default {@link Schedulers#parallel()})
         * @return this builder
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * @param ticker the monotonic clock of local time (the fallback limiter, outage durations); default
         *               {@link Ticker#system()}. Shared time comes from the Redis server.
         * @return this builder
         */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /**
         * @param listener hears about outages and recoveries (default none)
         * @return this builder
         */
        public Builder listener(RedisRateLimiterListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Creates the limiter and starts connecting to Redis, without waiting for it: while the connection is not up,
         * calls wait for it (up to the Redis timeout), then follow the failure mode.
         *
         * @return the limiter; close it when done
         */
        public RedisRateLimiter build() {
            if (name == null) {
                throw new IllegalStateException("set name(...) or apiKey(...): the processes sharing limits need one");
            }
            if (redisUri == null && redisClient == null) {
                throw new IllegalStateException("set redisUri(...) or redisClient(...)");
            }
            RateLimitOptions fallback = fallbackOptions != null
                    ? fallbackOptions
                    : RateLimitOptions.builder()
                            .requestsPerMinute(requestsPerMinute)
                            .maxConcurrentRequests(
                                    maxConcurrentRequests > 0
                                            ? maxConcurrentRequests
                                            : RateLimitOptions.defaults().maxConcurrentRequests())
                            .maxQueuedRequests(maxQueuedRequests)
                            .maxWait(maxWait)
                            .maxServerWait(maxServerWait)
                            .build();
            Settings settings = new Settings(
                    name,
                    keyPrefix,
                    requestsPerMinute,
                    maxConcurrentRequests,
                    leaseTime,
                    maxQueuedRequests,
                    maxWait,
                    maxServerWait,
                    failureMode == FailureMode.FAIL_CLOSED,
                    fallback,
                    redisTimeout,
                    recoveryInterval,
                    slotPollInterval);
            if (redisClient != null) {
                return new RedisRateLimiter(
                        new SharedRateLimiter(
                                settings, redisClient, clientUri, null, false, scheduler, ticker, listener),
                        failureMode);
            }
            RedisURI uri = RedisURI.create(redisUri);
            // a small client of its own: one I/O thread, reconnecting at the recovery interval
            ClientResources resources = DefaultClientResources.builder()
                    .ioThreadPoolSize(1)
                    .computationThreadPoolSize(1)
                    .reconnectDelay(Delay.constant(recoveryInterval))
                    .build();
            RedisClient client = RedisClient.create(resources, uri);
            client.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    // fail at once while disconnected, so that an outage is noticed without waiting for timeouts
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled(redisTimeout))
                    .build());
            return new RedisRateLimiter(
                    new SharedRateLimiter(settings, client, uri, resources, true, scheduler, ticker, listener),
                    failureMode);
        }

        private static int atLeast(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
            }
            return value;
        }

        private static Duration positive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
