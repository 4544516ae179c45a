package io.affinity.testkit.spring.internal;

import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.spring.WithAffinityMockServer;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/** Resets the context's fake before each test method, unless {@code resetBeforeEachTest = false}. */
public final class MockServerResetListener extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return 10_000;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        WithAffinityMockServer annotation = TestContextAnnotationUtils.findMergedAnnotation(
                testContext.getTestClass(), WithAffinityMockServer.class);
        if (annotation == null || !annotation.resetBeforeEachTest() || !testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        if (context.containsBean(MockServerContextCustomizer.BEAN_NAME)) {
            context.getBean(MockServerContextCustomizer.BEAN_NAME, AffinityMockServer.class)
                    .reset();
        }
    }
}
