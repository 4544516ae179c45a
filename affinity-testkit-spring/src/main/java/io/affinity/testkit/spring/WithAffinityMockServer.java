package io.affinity.testkit.spring;

import io.affinity.testkit.AffinityMockServer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts an {@link AffinityMockServer} for the Spring test's application context and sets
 * {@code affinity.base-url} and {@code affinity.api-key} to it, before any bean is created. The server is a bean
 * of the context ({@code @Autowired AffinityMockServer server}), lives as long as the context (shared by the
 * tests that share the context, stopped when it closes), and works with per-class and per-method test instances
 * alike, since no test field holds it.
 *
 * <pre>{@code
 * @SpringBootTest
 * @WithAffinityMockServer
 * class PersonsControllerTest {
 *     @Autowired AffinityMockServer server;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithAffinityMockServer {

    /** @return requests a minute the fake allows before it answers 429 */
    int perMinuteLimit() default AffinityMockServer.DEFAULT_PER_MINUTE_LIMIT;

    /** @return whether the fake checks every request against the spec */
    boolean validateRequests() default true;

    /**
     * @return whether the fake is reset (journal, overrides, failures, limits) before each test method, before
     *     its {@code @BeforeEach} methods: tests sharing a cached context then never see each other's requests
     */
    boolean resetBeforeEachTest() default true;
}
