package io.affinity.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against an {@link AffinityMockServer}. The server is injected into test and lifecycle
 * method parameters and into non-final fields of type {@code AffinityMockServer}, reset before each test, and a test
 * fails if it sent a request that breaks the spec (unless {@link #failOnSpecViolations()} is false).
 *
 * <pre>{@code
 * @AffinityMockServerTest(perMinuteLimit = 10)
 * class MyTest {
 *   @Test
 *   void lists(AffinityMockServer server) { ... server.baseUrl() ... }
 * }
 * }</pre>
 *
 * <p>For a server built in code, register {@link AffinityMockServerExtension} with {@code @RegisterExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AffinityMockServerExtension.class)
public @interface AffinityMockServerTest {

    /** One server per class (default) or per test. */
    ServerLifecycle lifecycle() default ServerLifecycle.PER_CLASS;

    /** The API key the server accepts. */
    String apiKey() default AffinityMockServer.DEFAULT_API_KEY;

    /** Requests allowed per minute. */
    int perMinuteLimit() default AffinityMockServer.DEFAULT_PER_MINUTE_LIMIT;

    /** Requests allowed per month; 0 (the default) means unlimited. */
    long monthlyLimit() default 0;

    /** Whether requests are checked against the spec. */
    boolean validateRequests() default true;

    /** Whether a test that sent a request breaking the spec fails. */
    boolean failOnSpecViolations() default true;

    /**
     * Seeds {@link Dataset#ofSize(int)} of this size, stateful (writes change what reads return); 0 (the default)
     * serves the fixtures only.
     */
    int datasetSize() default 0;
}
