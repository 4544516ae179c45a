/**
 * Spring Boot 4 auto-configuration of the Affinity clients: {@link io.affinity.spring.boot.AffinityProperties}
 * ({@code affinity.*}) and {@link io.affinity.spring.boot.AffinityAutoConfiguration}.
 */
package io.affinity.spring.boot;
