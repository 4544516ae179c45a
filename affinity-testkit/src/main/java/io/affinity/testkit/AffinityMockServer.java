package io.affinity.testkit;

import io.affinity.testkit.internal.Engine;
import io.affinity.testkit.internal.ServerSettings;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A local fake of the Affinity API v1 on WireMock: every documented operation answers its reference example, or with
 * a seeded {@link Dataset} acts as a stateful Affinity where writes change what reads return ({@link #state()} shows
 * the data), with authentication, rate limits, cursor pagination, planned errors and faults, and a check of every
 * request against the OpenAPI spec.
 *
 * <pre>{@code
 * try (AffinityMockServer server = AffinityMockServer.builder().apiKey("test-key").start()) {
 *   URI baseUrl = server.baseUrl();          // http://127.0.0.1:<port>
 *   server.seed(Dataset.builder().persons(1_234).build());
 *   server.failNext("getPerson", 1, Failure.status(503));
 *   ...
 *   assertEquals(3, server.journal().count("searchPersons"));
 *   assertTrue(server.violations().isEmpty());
 * }
 * }</pre>
 *
 * <p>Requests must carry the API key as HTTP Basic password (empty user) or as Bearer token, or get 401. Every
 * response carries the {@code X-Ratelimit-Limit-User*} and {@code X-Ratelimit-Limit-Org*} headers; past the
 * per-minute or monthly limit the server answers 429 with {@code Retry-After} until the window resets on the
 * configured {@link Clock}. A request that breaks the spec gets 400 naming the problem and is listed in
 * {@link #violations()}.
 *
 * <p>Thread-safe. Stop it with {@link #close()}.
 */
public final class AffinityMockServer implements AutoCloseable {

    /** The address the server listens on unless another is configured. */
    public static final String LOOPBACK = "127.0.0.1";
    /** The API key accepted unless another is configured. */
    public static final String DEFAULT_API_KEY = "affinity-testkit-key";
    /** The per-minute limit unless another is configured (the API's). */
    public static final int DEFAULT_PER_MINUTE_LIMIT = 900;

    private final Engine engine;
    private final String apiKey;

    private AffinityMockServer(Builder builder) {
        this.apiKey = builder.apiKey;
        this.engine = new Engine(
                new ServerSettings(
                        builder.port,
                        builder.apiKey,
                        builder.perMinuteLimit,
                        builder.monthlyLimit,
                        builder.clock,
                        builder.validateRequests,
                        builder.host,
                        builder.requestLog),
                builder.dataset);
    }

    /** A builder with the defaults: free port, {@value #DEFAULT_API_KEY}, 900/minute, unlimited month. */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URL to point a client at, for example {@code http://127.0.0.1:54321}. */
    public URI baseUrl() {
        return URI.create("http://" + engine.host() + ":" + engine.port());
    }

    /** The address the server listens on: {@value #LOOPBACK} unless another was configured. */
    public String bindAddress() {
        return engine.bindAddress();
    }

    /** The port the server listens on. */
    public int port() {
        return engine.port();
    }

    /** The API key the server accepts. */
    public String apiKey() {
        return apiKey;
    }

    /** The operationIds of every operation the server emulates, in spec order. */
    public List<String> operationIds() {
        return engine.operationIds();
    }

    /**
     * Serves a dataset, as generated: by default statefully (every collection is served from the data and writes
     * change it, see {@link Dataset.Builder#stateful(boolean)}); in fixture-only mode its non-empty collections replace
     * the fixtures of their read operations. Replaces an earlier seed and what writes did to it; {@link #reset()} goes
     * back to the builder's dataset.
     */
    public AffinityMockServer seed(Dataset dataset) {
        engine.seed(Objects.requireNonNull(dataset, "dataset"));
        return this;
    }

    /**
     * Answers every call of an operation with a given status and JSON body (instead of its fixture or dataset).
     *
     * @param operationId the spec operationId, for example {@code "getPerson"}
     * @param status the HTTP status
     * @param jsonBody the body, sent as {@code application/json}
     * @throws IllegalArgumentException if the operation does not exist
     */
    public AffinityMockServer override(String operationId, int status, String jsonBody) {
        engine.override(
                Objects.requireNonNull(operationId, "operationId"),
                null,
                status,
                Objects.requireNonNull(jsonBody, "jsonBody"));
        return this;
    }

    /**
     * Answers calls of an operation for one resource id (the value of its last path parameter) with a given status and
     * JSON body; wins over an override for the whole operation.
     *
     * @param operationId the spec operationId, for example {@code "getPerson"}
     * @param id the id in the path, for example {@code 38706} in {@code /persons/38706}
     * @param status the HTTP status
     * @param jsonBody the body, sent as {@code application/json}
     * @throws IllegalArgumentException if the operation does not exist or has no path parameter
     */
    public AffinityMockServer override(String operationId, long id, int status, String jsonBody) {
        engine.override(
                Objects.requireNonNull(operationId, "operationId"),
                Long.toString(id),
                status,
                Objects.requireNonNull(jsonBody, "jsonBody"));
        return this;
    }

    /**
     * Makes the next {@code times} calls of an operation fail. Plans are served in the order they were made; a call
     * that gets a failure has already passed authentication, rate limiting and validation.
     *
     * @param operationId the spec operationId
     * @param times how many calls, at least 1
     * @param failure what goes wrong
     */
    public AffinityMockServer failNext(String operationId, int times, Failure failure) {
        engine.failNext(
                Objects.requireNonNull(operationId, "operationId"),
                positive(times),
                Objects.requireNonNull(failure, "failure"));
        return this;
    }

    /**
     * Makes the next {@code times} calls of any operation fail.
     *
     * @param times how many calls, at least 1
     * @param failure what goes wrong
     */
    public AffinityMockServer failNextAny(int times, Failure failure) {
        engine.failNext(null, positive(times), Objects.requireNonNull(failure, "failure"));
        return this;
    }

    /** What the server received since it started or was last reset. */
    public RequestJournal journal() {
        return engine.journal();
    }

    /**
     * The data the server holds now: what the seeded dataset became after the writes it received. Empty lists without a
     * dataset (the fixtures hold no data).
     */
    public ServerState state() {
        return engine.state();
    }

    /** Requests that broke the spec since the server started or was last reset, oldest first. */
    public List<SpecViolation> violations() {
        return engine.violations();
    }

    /**
     * Goes back to the state after start: clears the journal, violations, planned failures, overrides and rate-limit
     * counters, and serves the builder's dataset again. The clock is left alone.
     */
    public void reset() {
        engine.reset();
    }

    /** Whether the server is running. */
    public boolean isRunning() {
        return engine.isRunning();
    }

    /** Stops the server; idempotent. */
    public void stop() {
        engine.stop();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "AffinityMockServer[" + baseUrl() + "]";
    }

    private static int positive(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        return times;
    }

    /** Configures and starts an {@link AffinityMockServer}. Reusable: each {@link #start()} gives a new server. */
    public static final class Builder {
        private int port;
        private String host = LOOPBACK;
        private java.util.function.Consumer<String> requestLog;
        private String apiKey = DEFAULT_API_KEY;
        private int perMinuteLimit = DEFAULT_PER_MINUTE_LIMIT;
        private OptionalLong monthlyLimit = OptionalLong.empty();
        private Clock clock = Clock.systemUTC();
        private boolean validateRequests = true;
        private Dataset dataset;

        private Builder() {}

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The address to listen on: {@value #LOOPBACK} by default, {@code 0.0.0.0} for every interface (in a container
         * or a CI service), or any local address such as {@code 127.0.0.2}.
         */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            this.host = host.trim();
            return this;
        }

        /**
         * Receives one line per request received (time, method, path with query, status), for example
         * {@code System.out::println}; none by default.
         */
        public Builder requestLog(java.util.function.Consumer<String> requestLog) {
            this.requestLog = Objects.requireNonNull(requestLog, "requestLog");
            return this;
        }

        /** The API key the server accepts. */
        public Builder apiKey(String apiKey) {
            Objects.requireNonNull(apiKey, "apiKey");
            if (apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            this.apiKey = apiKey;
            return this;
        }

        /** Requests allowed per minute per API key; default {@value #DEFAULT_PER_MINUTE_LIMIT}. */
        public Builder perMinuteLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("perMinuteLimit must be at least 1: " + limit);
            }
            this.perMinuteLimit = limit;
            return this;
        }

        /** Requests allowed per calendar month for the account; unlimited by default. */
        public Builder monthlyLimit(long limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("monthlyLimit must be at least 1: " + limit);
            }
            this.monthlyLimit = OptionalLong.of(limit);
            return this;
        }

        /** No monthly limit (the default). The Org headers and {@code GET /rate-limit} then report {@code unlimited}. */
        public Builder unlimitedMonthly() {
            this.monthlyLimit = OptionalLong.empty();
            return this;
        }

        /** The clock rate-limit windows are measured on; pass a {@link TestClock} to end windows without waiting. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Whether requests are checked against the spec (default true). */
        public Builder validateRequests(boolean validate) {
            this.validateRequests = validate;
            return this;
        }

        /** A dataset served from the start and again after every {@link AffinityMockServer#reset()}. */
        public Builder dataset(Dataset dataset) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
            return this;
        }

        /** The configured address as {@code host:port}, for messages. */
        String describeAddress() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }

        /** Starts a new server with this configuration. */
        public AffinityMockServer start() {
            return new AffinityMockServer(this);
        }
    }
}
