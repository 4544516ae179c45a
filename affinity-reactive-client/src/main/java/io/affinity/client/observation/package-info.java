/**
 * Observing the calls a client makes, without Spring: {@link io.affinity.client.observation.AffinityClientListener}
 * (set with {@code AffinityClientBuilder.listener}) and its Micrometer implementation,
 * {@link io.affinity.client.observation.MicrometerObservations} (needs {@code io.micrometer:micrometer-observation}
 * and {@code micrometer-core} on the class path; the client does not bring them).
 */
package io.affinity.client.observation;
