/**
 * The blocking Affinity client: {@link io.affinity.client.blocking.AffinityBlockingClient}, the reactive client's
 * operations returning values.
 */
module io.affinity.client.blocking {
    requires transitive io.affinity.client;

    exports io.affinity.client.blocking;
}
