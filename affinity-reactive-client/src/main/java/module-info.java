/**
 * The reactive Affinity client: {@link io.affinity.client.AffinityClient} on Reactor Netty, with typed errors,
 * retries, rate limiting and demand-driven paging. The packages named {@code internal} are not exported.
 */
module io.affinity.client {
    requires transitive io.affinity.model;
    requires transitive org.reactivestreams;
    requires transitive reactor.core;
    requires transitive reactor.netty.core;
    requires transitive reactor.netty.http;
    requires io.netty.buffer;
    requires io.netty.codec.http;
    requires io.netty.handler;
    requires io.netty.transport;
    requires org.slf4j;
    requires static micrometer.core;
    requires static micrometer.observation;
    requires static java.compiler;
    requires static org.immutables.value.annotations;

    exports io.affinity.client;
    exports io.affinity.client.error;
    exports io.affinity.client.observation;
    exports io.affinity.client.paging;
    exports io.affinity.client.query;
    exports io.affinity.client.ratelimit;
    exports io.affinity.client.recipes;
    exports io.affinity.client.retry;
}
