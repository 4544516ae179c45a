package io.affinity.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opentest4j.AssertionFailedError;

/**
 * JUnit 5 extension that runs tests against an {@link AffinityMockServer}: starts it per class or per test, resets it
 * before each test, injects it into parameters and non-final fields of type {@code AffinityMockServer}, stops it, and
 * fails a test that sent a request breaking the spec.
 *
 * <p>Use it through {@link AffinityMockServerTest}, or register a configured instance:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AffinityMockServerExtension AFFINITY = AffinityMockServerExtension.builder()
 *     .server(AffinityMockServer.builder().perMinuteLimit(5))
 *     .lifecycle(ServerLifecycle.PER_TEST)
 *     .build();
 * }</pre>
 *
 * <p>Registered on an instance (non-static) field, the extension always starts one server per test.
 */
public final class AffinityMockServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AffinityMockServerExtension.class);
    private static final String CLASS_SERVER = "class-server";
    private static final String TEST_SERVER = "test-server";

    private final Settings configured;

    /** The form {@code @ExtendWith} and {@link AffinityMockServerTest} use: settings come from the annotation. */
    public AffinityMockServerExtension() {
        this.configured = null;
    }

    private AffinityMockServerExtension(Settings settings) {
        this.configured = settings;
    }

    /** A builder for the {@code @RegisterExtension} form. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Settings settings = settings(context);
        if (settings.lifecycle == ServerLifecycle.PER_CLASS) {
            AffinityMockServer server = settings.server.start();
            context.getStore(NAMESPACE).put(CLASS_SERVER, server);
            injectFields(
                    context.getRequiredTestClass(), null, server, field -> Modifier.isStatic(field.getModifiers()));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        AffinityMockServer server = context.getStore(NAMESPACE).get(CLASS_SERVER, AffinityMockServer.class);
        if (server == null) {
            server = settings(context).server.start();
            context.getStore(NAMESPACE).put(TEST_SERVER, server);
        } else {
            server.reset();
        }
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            injectFields(instance.getClass(), instance, server, field -> !Modifier.isStatic(field.getModifiers()));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        AffinityMockServer server = current(context);
        List<SpecViolation> violations = server.violations();
        AffinityMockServer testServer = context.getStore(NAMESPACE).remove(TEST_SERVER, AffinityMockServer.class);
        if (testServer != null) {
            testServer.stop();
        }
        if (settings(context).failOnSpecViolations && !violations.isEmpty()) {
            throw new AssertionFailedError(violations.size() + " request(s) broke the Affinity API spec:\n  "
                    + violations.stream().map(SpecViolation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        AffinityMockServer server = context.getStore(NAMESPACE).remove(CLASS_SERVER, AffinityMockServer.class);
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == AffinityMockServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        AffinityMockServer server = find(extensionContext);
        if (server == null) {
            throw new ParameterResolutionException(
                    "No AffinityMockServer is running here: with ServerLifecycle.PER_TEST "
                            + "(or an instance-field extension) the server exists only around each test");
        }
        return server;
    }

    private static AffinityMockServer find(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        AffinityMockServer server = store.get(TEST_SERVER, AffinityMockServer.class);
        return server != null ? server : store.get(CLASS_SERVER, AffinityMockServer.class);
    }

    private static AffinityMockServer current(ExtensionContext context) {
        AffinityMockServer server = find(context);
        if (server == null) {
            throw new ExtensionConfigurationException("AffinityMockServerExtension lost its server");
        }
        return server;
    }

    private Settings settings(ExtensionContext context) {
        if (configured != null) {
            return configured;
        }
        return context.getTestClass()
                .flatMap(AffinityMockServerExtension::findAnnotation)
                .map(Settings::of)
                .orElseGet(() -> new Builder().build().configured);
    }

    private static Optional<AffinityMockServerTest> findAnnotation(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<AffinityMockServerTest> found = AnnotationSupport.findAnnotation(c, AffinityMockServerTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static void injectFields(
            Class<?> type, Object instance, AffinityMockServer server, Predicate<Field> which) {
        List<Field> fields = ReflectionSupport.findFields(
                type,
                field -> field.getType() == AffinityMockServer.class
                        && !Modifier.isFinal(field.getModifiers())
                        && which.test(field),
                HierarchyTraversalMode.TOP_DOWN);
        for (Field field : fields) {
            try {
                field.setAccessible(true);
                field.set(instance, server);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ExtensionConfigurationException("Cannot inject AffinityMockServer into " + field, e);
            }
        }
    }

    /** The extension's settings. */
    private static final class Settings {
        private final AffinityMockServer.Builder server;
        private final ServerLifecycle lifecycle;
        private final boolean failOnSpecViolations;

        private Settings(AffinityMockServer.Builder server, ServerLifecycle lifecycle, boolean failOnSpecViolations) {
            this.server = server;
            this.lifecycle = lifecycle;
            this.failOnSpecViolations = failOnSpecViolations;
        }

        private static Settings of(AffinityMockServerTest annotation) {
            AffinityMockServer.Builder server = AffinityMockServer.builder()
                    .apiKey(annotation.apiKey())
                    .perMinuteLimit(annotation.perMinuteLimit())
                    .validateRequests(annotation.validateRequests());
            if (annotation.monthlyLimit() > 0) {
                server.monthlyLimit(annotation.monthlyLimit());
            }
            if (annotation.datasetSize() > 0) {
                server.dataset(Dataset.ofSize(annotation.datasetSize()));
            }
            return new Settings(server, annotation.lifecycle(), annotation.failOnSpecViolations());
        }
    }

    /** Configures an {@link AffinityMockServerExtension} for {@code @RegisterExtension}. */
    public static final class Builder {
        private AffinityMockServer.Builder server = AffinityMockServer.builder();
        private ServerLifecycle lifecycle = ServerLifecycle.PER_CLASS;
        private boolean failOnSpecViolations = true;

        private Builder() {}

        /** How each server is configured (default: {@link AffinityMockServer#builder()}). */
        public Builder server(AffinityMockServer.Builder server) {
            this.server = Objects.requireNonNull(server, "server");
            return this;
        }

        /** One server per class (default) or per test. */
        public Builder lifecycle(ServerLifecycle lifecycle) {
            this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
            return this;
        }

        /** Whether a test that sent a request breaking the spec fails (default true). */
        public Builder failOnSpecViolations(boolean fail) {
            this.failOnSpecViolations = fail;
            return this;
        }

        /** The extension. */
        public AffinityMockServerExtension build() {
            return new AffinityMockServerExtension(new Settings(server, lifecycle, failOnSpecViolations));
        }
    }
}
