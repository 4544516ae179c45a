package io.affinity.spring.boot;

import io.affinity.client.AffinityClient;
import io.affinity.client.AffinityClientBuilder;
import io.affinity.client.blocking.AffinityBlockingClient;
import io.affinity.client.observation.AffinityClientListener;
import io.affinity.client.observation.MicrometerObservations;
import io.affinity.client.ratelimit.RateLimiter;
import io.affinity.model.jackson3.AffinityJackson3Module;
import io.affinity.spring.boot.internal.AffinityHealthIndicator;
import io.affinity.spring.boot.internal.ClientFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures an {@link AffinityClient} from the {@code affinity.*} properties ({@link AffinityProperties}),
 * and, when they are on the class path: an {@link AffinityBlockingClient} over it, Micrometer observations and
 * gauges of its calls, an actuator health indicator ({@code affinity}), and the {@link AffinityJackson3Module} in
 * Boot's Jackson 3 {@code JsonMapper}. Each bean backs off when the application defines its own. A missing or
 * blank {@code affinity.api-key} fails start-up with a one-line explanation.
 *
 * <p>Extension points: {@link AffinityClientBuilderCustomizer} beans, {@link AffinityClientListener} beans (all
 * of them hear every call), and a {@link RateLimiter} bean, which replaces the client's own token bucket (for
 * example one shared through Redis by several instances).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        },
        beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(AffinityClient.class)
@EnableConfigurationProperties(AffinityProperties.class)
public class AffinityAutoConfiguration {

    /** Creates the auto-configuration. */
    public AffinityAutoConfiguration() {}

    /**
     * The reactive client, closed with the application context.
     *
     * @param properties  the {@code affinity.*} properties
     * @param rateLimiter a limiter to use instead of the client's own, if the application defines one
     * @param listeners   the listeners that hear every call
     * @param customizers the customizers of the builder, in order
     * @return the client
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public AffinityClient affinityClient(
            AffinityProperties properties,
            ObjectProvider<RateLimiter> rateLimiter,
            ObjectProvider<AffinityClientListener> listeners,
            ObjectProvider<AffinityClientBuilderCustomizer> customizers) {
        AffinityClientBuilder builder = ClientFactory.builder(properties);
        rateLimiter.ifUnique(builder::rateLimiter);
        ClientFactory.listener(listeners.orderedStream().toList()).ifPresent(builder::listener);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** The blocking client, when its module is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AffinityBlockingClient.class)
    static class BlockingClientConfiguration {

        /**
         * @param client the reactive client it wraps (and shares with the application)
         * @return the blocking client; the reactive bean is closed on its own
         */
        @Bean(destroyMethod = "")
        @ConditionalOnMissingBean
        AffinityBlockingClient affinityBlockingClient(AffinityClient client) {
            return AffinityBlockingClient.wrap(client);
        }
    }

    /** Observations and meters of every call, when Micrometer is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ObservationRegistry.class, MeterRegistry.class})
    @ConditionalOnBean(MeterRegistry.class)
    static class MicrometerConfiguration {

        @Bean
        @ConditionalOnMissingBean(MicrometerObservations.class)
        MicrometerObservations affinityMicrometerObservations(
                ObjectProvider<ObservationRegistry> observations, MeterRegistry meters) {
            return new MicrometerObservations(observations.getIfAvailable(() -> ObservationRegistry.NOOP), meters);
        }

        @Bean
        MeterBinder affinityClientGauges(ObjectProvider<AffinityClient> client) {
            return registry -> client.ifAvailable(c -> MicrometerObservations.bindTo(c, registry));
        }
    }

    /** The actuator health indicator {@code affinity}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReactiveHealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("affinity")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "affinityHealthIndicator")
        ReactiveHealthIndicator affinityHealthIndicator(AffinityClient client, AffinityProperties properties) {
            return new AffinityHealthIndicator(client, properties.getHealth().getWhoamiInterval());
        }
    }

    /** The model types in Boot's Jackson 3 {@code JsonMapper}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({JsonMapperBuilderCustomizer.class, AffinityJackson3Module.class})
    static class Jackson3Configuration {

        @Bean
        JsonMapperBuilderCustomizer affinityJackson3Module() {
            return builder -> builder.addModule(new AffinityJackson3Module());
        }
    }
}
