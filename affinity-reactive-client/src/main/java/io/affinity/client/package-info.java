/**
 * The reactive Affinity API client: {@link io.affinity.client.AffinityClient}, built with
 * {@link io.affinity.client.AffinityClientBuilder}, and its options.
 */
package io.affinity.client;
