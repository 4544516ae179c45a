package io.affinity.client;

import io.affinity.client.internal.check.Args;
import java.time.Duration;
import java.util.Objects;
import reactor.netty.resources.ConnectionProvider;

/**
 * Settings of the connection pool the client creates (ignored when you supply your own Reactor Netty
 * {@code HttpClient}). Immutable; start from {@link #defaults()} or {@link #builder()}.
 *
 * <p>Defaults: 32 connections, 1,000 pending acquires waiting at most 45 s, connections idle for more than
 * 20 s closed, idle connections evicted in the background every 10 s.
 */
public final class ConnectionPoolOptions {

    private static final ConnectionPoolOptions DEFAULTS = builder().build();

    private final int maxConnections;
    private final int maxPendingAcquires;
    private final Duration pendingAcquireTimeout;
    private final Duration maxIdleTime;
    private final Duration evictionInterval;

    private ConnectionPoolOptions(Builder builder) {
        this.maxConnections = builder.maxConnections;
        this.maxPendingAcquires = builder.maxPendingAcquires;
        this.pendingAcquireTimeout = builder.pendingAcquireTimeout;
        this.maxIdleTime = builder.maxIdleTime;
        this.evictionInterval = builder.evictionInterval;
    }

    /** @return the default options */
    public static ConnectionPoolOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the most connections open at once */
    public int maxConnections() {
        return maxConnections;
    }

    /** @return the most requests waiting for a connection */
    public int maxPendingAcquires() {
        return maxPendingAcquires;
    }

    /** @return how long a request waits for a connection before failing */
    public Duration pendingAcquireTimeout() {
        return pendingAcquireTimeout;
    }

    /** @return how long a connection may stay idle before it is closed */
    public Duration maxIdleTime() {
        return maxIdleTime;
    }

    /** @return how often idle connections are evicted in the background */
    public Duration evictionInterval() {
        return evictionInterval;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectionPoolOptions that
                && maxConnections == that.maxConnections
                && maxPendingAcquires == that.maxPendingAcquires
                && pendingAcquireTimeout.equals(that.pendingAcquireTimeout)
                && maxIdleTime.equals(that.maxIdleTime)
                && evictionInterval.equals(that.evictionInterval);
    }

    /** @return a new Reactor Netty connection pool with these settings, named {@code affinity-client} */
    ConnectionProvider newConnectionProvider() {
        return ConnectionProvider.builder("affinity-client")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(maxPendingAcquires)
                .pendingAcquireTimeout(pendingAcquireTimeout)
                .maxIdleTime(maxIdleTime)
                .evictInBackground(evictionInterval)
                .build();
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxConnections, maxPendingAcquires, pendingAcquireTimeout, maxIdleTime, evictionInterval);
    }

    @Override
    public String toString() {
        return "ConnectionPoolOptions{maxConnections=" + maxConnections + ", maxPendingAcquires=" + maxPendingAcquires
                + ", pendingAcquireTimeout=" + pendingAcquireTimeout + ", maxIdleTime=" + maxIdleTime
                + ", evictionInterval=" + evictionInterval + '}';
    }

    /** Builder of {@link ConnectionPoolOptions}. Not thread-safe. */
    public static final class Builder {

        private int maxConnections = 32;
        private int maxPendingAcquires = 1_000;
        private Duration pendingAcquireTimeout = Duration.ofSeconds(45);
        private Duration maxIdleTime = Duration.ofSeconds(20);
        private Duration evictionInterval = Duration.ofSeconds(10);

        private Builder() {}

        /**
         * @param maxConnections the most connections open at once; at least 1
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = Args.atLeast("maxConnections", maxConnections, 1);
            return this;
        }

        /**
         * @param maxPendingAcquires the most requests waiting for a connection; at least 1
         * @return this builder
         */
        public Builder maxPendingAcquires(int maxPendingAcquires) {
            this.maxPendingAcquires = Args.atLeast("maxPendingAcquires", maxPendingAcquires, 1);
            return this;
        }

        /**
         * @param pendingAcquireTimeout how long a request waits for a connection; positive
         * @return this builder
         */
        public Builder pendingAcquireTimeout(Duration pendingAcquireTimeout) {
            this.pendingAcquireTimeout = Args.positive("pendingAcquireTimeout", pendingAcquireTimeout);
            return this;
        }

        /**
         * @param maxIdleTime how long a connection may stay idle; positive
         * @return this builder
         */
        public Builder maxIdleTime(Duration maxIdleTime) {
            this.maxIdleTime = Args.positive("maxIdleTime", maxIdleTime);
            return this;
        }

        /**
         * @param evictionInterval how often idle connections are evicted in the background; positive
         * @return this builder
         */
        public Builder evictionInterval(Duration evictionInterval) {
            this.evictionInterval = Args.positive("evictionInterval", evictionInterval);
            return this;
        }

        /** @return the options */
        public ConnectionPoolOptions build() {
            return new ConnectionPoolOptions(this);
        }
    }
}
