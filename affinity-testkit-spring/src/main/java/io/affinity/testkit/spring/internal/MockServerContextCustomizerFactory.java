package io.affinity.testkit.spring.internal;

import io.affinity.testkit.spring.WithAffinityMockServer;
import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Adds a {@link MockServerContextCustomizer} to the contexts of tests annotated {@link WithAffinityMockServer}. */
public final class MockServerContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        WithAffinityMockServer annotation =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, WithAffinityMockServer.class);
        return annotation == null
                ? null
                : new MockServerContextCustomizer(annotation.perMinuteLimit(), annotation.validateRequests());
    }
}
