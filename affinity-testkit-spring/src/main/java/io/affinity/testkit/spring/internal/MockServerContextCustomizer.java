package io.affinity.testkit.spring.internal;

import io.affinity.testkit.AffinityMockServer;
import java.util.Map;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a fake for one application context, registers it as the bean {@value #BEAN_NAME}, puts
 * {@code affinity.base-url} and {@code affinity.api-key} first among the context's properties, and stops the
 * fake when the context closes. Equal for equal settings, so that Spring's context cache shares contexts.
 */
final class MockServerContextCustomizer implements ContextCustomizer {

    static final String BEAN_NAME = "affinityMockServer";

    private final int perMinuteLimit;
    private final boolean validateRequests;

    MockServerContextCustomizer(int perMinuteLimit, boolean validateRequests) {
        this.perMinuteLimit = perMinuteLimit;
        this.validateRequests = validateRequests;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        AffinityMockServer server = AffinityMockServer.builder()
                .perMinuteLimit(perMinuteLimit)
                .validateRequests(validateRequests)
                .start();
        context.getBeanFactory().registerSingleton(BEAN_NAME, server);
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        BEAN_NAME,
                        Map.of(
                                "affinity.base-url", server.baseUrl().toString(),
                                "affinity.api-key", server.apiKey())));
        context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> {
            if (event.getApplicationContext() == context) {
                server.close();
            }
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MockServerContextCustomizer that
                && perMinuteLimit == that.perMinuteLimit
                && validateRequests == that.validateRequests;
    }

    @Override
    public int hashCode() {
        return 31 * perMinuteLimit + Boolean.hashCode(validateRequests);
    }
}
