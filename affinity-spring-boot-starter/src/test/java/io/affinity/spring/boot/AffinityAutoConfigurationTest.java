package io.affinity.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.affinity.client.AffinityClient;
import io.affinity.client.blocking.AffinityBlockingClient;
import io.affinity.client.observation.MicrometerObservations;
import io.affinity.client.ratelimit.RateLimitOptions;
import io.affinity.client.ratelimit.RateLimiter;
import io.affinity.model.FieldValue;
import io.affinity.model.json.AffinityJson;
import io.affinity.model.value.FieldValueData;
import io.affinity.spring.boot.internal.MissingApiKeyFailureAnalyzer;
import io.affinity.testkit.AffinityMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The auto-configuration in real application contexts, the client speaking HTTP to the testkit. */
class AffinityAutoConfigurationTest {

    private static AffinityMockServer server;

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AffinityAutoConfiguration.class, JacksonAutoConfiguration.class));

    @BeforeAll
    static void startServer() {
        server = AffinityMockServer.builder().start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private ApplicationContextRunner withServer() {
        return contexts.withPropertyValues(
                "affinity.api-key=" + server.apiKey(), "affinity.base-url=" + server.baseUrl());
    }

    @Test
    void theClientsComeFromThePropertiesAndAreClosedWithTheContext() {
        AffinityClient[] kept = new AffinityClient[1];
        withServer()
                .withPropertyValues(
                        "affinity.auth-scheme=BASIC",
                        "affinity.connect-timeout=3s",
                        "affinity.response-timeout=20s",
                        "affinity.call-timeout=1m",
                        "affinity.attempt-timeout=30s",
                        "affinity.download-timeout=5m",
                        "affinity.max-empty-pages=5",
                        "affinity.max-response-size=8MB",
                        "affinity.retry.max-attempts=2",
                        "affinity.retry.base-delay=10ms",
                        "affinity.retry.max-delay=1s",
                        "affinity.rate-limit.requests-per-minute=600",
                        "affinity.rate-limit.max-concurrent-requests=8",
                        "affinity.rate-limit.max-queued-requests=100",
                        "affinity.rate-limit.max-wait=30s",
                        "affinity.rate-limit.max-server-wait=60s",
                        "affinity.connection-pool.max-connections=16",
                        "affinity.connection-pool.max-pending-acquires=64",
                        "affinity.connection-pool.pending-acquire-timeout=5s",
                        "affinity.connection-pool.max-idle-time=20s",
                        "affinity.connection-pool.eviction-interval=10s")
                .run(context -> {
                    assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(AffinityClient.class)
                            .hasSingleBean(AffinityBlockingClient.class);
                    AffinityClient client = context.getBean(AffinityClient.class);
                    kept[0] = client;
                    assertThat(client.whoami()
                                    .block(Duration.ofSeconds(10))
                                    .tenant()
                                    .name())
                            .isNotBlank();
                    assertThat(context.getBean(AffinityBlockingClient.class)
                                    .whoami()
                                    .tenant()
                                    .name())
                            .isNotBlank();
                    assertThat(client.toString()).doesNotContain(server.apiKey());
                });
        assertThatThrownBy(() -> kept[0].whoami().block(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aMissingOrBlankKeyFailsStartUpWithOneLine() {
        for (String key : new String[] {null, "  "}) {
            ApplicationContextRunner runner =
                    key == null ? contexts : contexts.withPropertyValues("affinity.api-key=" + key);
            runner.run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new MissingApiKeyFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis).isNotNull();
                assertThat(analysis.getDescription())
                        .contains("affinity.api-key")
                        .doesNotContain("\n");
                assertThat(analysis.getAction()).contains("affinity.api-key");
            });
        }
    }

    @Test
    void userBeansWinAndARateLimiterBeanIsUsed() {
        AtomicInteger acquired = new AtomicInteger();
        RateLimiter counting = new RateLimiter() {
            private final RateLimiter delegate =
                    RateLimiter.tokenBucket(RateLimitOptions.defaults(), reactor.core.scheduler.Schedulers.parallel());

            @Override
            public reactor.core.publisher.Mono<Permit> acquire(String method, String path) {
                acquired.incrementAndGet();
                return delegate.acquire(method, path);
            }

            @Override
            public io.affinity.client.ratelimit.RateLimitSnapshot snapshot() {
                return delegate.snapshot();
            }
        };
        withServer().withBean(RateLimiter.class, () -> counting).run(context -> {
            context.getBean(AffinityClient.class).whoami().block(Duration.ofSeconds(10));
            assertThat(acquired).hasValue(1);
        });
        AffinityClient own =
                AffinityClient.builder().apiKey("own").baseUrl(server.baseUrl()).build();
        contexts.withBean(AffinityClient.class, () -> own).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(AffinityClient.class)).isSameAs(own);
        });
        own.close();
    }

    @Test
    void healthShowsTheRateLimitsAndCallsWhoamiAtMostOncePerInterval() {
        withServer().withPropertyValues("affinity.health.whoami-interval=1h").run(context -> {
            ReactiveHealthIndicator health = context.getBean("affinityHealthIndicator", ReactiveHealthIndicator.class);
            int before = server.journal().count("getWhoami");
            Health first = health.health().block(Duration.ofSeconds(10));
            Health second = health.health().block(Duration.ofSeconds(10));
            assertThat(first.getStatus()).isEqualTo(Status.UP);
            assertThat(second.getDetails()).containsKeys("tenant", "userRateLimit", "checkedAt");
            assertThat(server.journal().count("getWhoami") - before).isEqualTo(1);
            assertThat(second.getDetails().toString()).doesNotContain(server.apiKey());
        });
        contexts.withPropertyValues("affinity.api-key=wrong-key", "affinity.base-url=" + server.baseUrl())
                .run(context -> {
                    Health health = context.getBean("affinityHealthIndicator", ReactiveHealthIndicator.class)
                            .health()
                            .block(Duration.ofSeconds(10));
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails().toString()).doesNotContain("wrong-key");
                });
    }

    @Test
    void bootsJackson3MapperWritesAndReadsModelTypesAsAffinityJson() throws Exception {
        FieldValue value = FieldValue.builder()
                .id(1L)
                .fieldId(2L)
                .entityId(3L)
                .createdAt(OffsetDateTime.parse("2017-05-04T10:44:31.526-08:00"))
                .value(new FieldValueData.TextValue("Title 1"))
                .build();
        String expected = AffinityJson.newObjectMapper().writeValueAsString(value);
        withServer().run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);
            assertThat(mapper.writeValueAsString(value)).isEqualTo(expected);
            assertThat(mapper.readValue(expected, FieldValue.class)).isEqualTo(value);
        });
    }

    @Test
    void callsAreObservedWhenMicrometerIsThere() {
        withServer().withUserConfiguration(Meters.class).run(context -> {
            context.getBean(AffinityClient.class).whoami().block(Duration.ofSeconds(10));
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get(MicrometerObservations.CALLS)
                            .tag("operation", "/auth/whoami")
                            .tag("outcome", "SUCCESS")
                            .timer()
                            .count())
                    .isEqualTo(1);
            // the gauges are bound by Boot's MeterBinder support in a full application; bound here by hand
            MicrometerObservations.bindTo(context.getBean(AffinityClient.class), meters);
            assertThat(meters.get("affinity.client.calls.in-flight").gauge().value())
                    .isZero();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Meters {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ObservationRegistry observationRegistry(MeterRegistry meters) {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
            return registry;
        }
    }
}
