package io.affinity.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/** The {@code @RegisterExtension} form: a new server per test; tests that break the spec fail. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegisteredExtensionTest {

    @RegisterExtension
    static final AffinityMockServerExtension AFFINITY = AffinityMockServerExtension.builder()
            .server(AffinityMockServer.builder().perMinuteLimit(3))
            .lifecycle(ServerLifecycle.PER_TEST)
            .build();

    private static AffinityMockServer previous;

    @Test
    @Order(1)
    void startsAServerForTheTest(AffinityMockServer server) {
        assertTrue(server.isRunning());
        assertEquals(
                "3",
                new Http(server)
                        .get("/lists")
                        .headers()
                        .firstValue("X-Ratelimit-Limit-User")
                        .orElseThrow());
        previous = server;
    }

    @Test
    @Order(2)
    void startsAnotherServerForTheNextTest(AffinityMockServer server) {
        assertNotSame(previous, server);
        assertFalse(previous.isRunning());
    }

    @Test
    @Order(3)
    void failsATestThatBrokeTheSpecUnlessToldNotTo() {
        Events strict = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BreaksSpec.class))
                .execute()
                .testEvents();
        strict.assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = strict.failed().stream()
                .findFirst()
                .orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow();
        assertTrue(failure instanceof AssertionFailedError, failure.toString());
        assertTrue(failure.getMessage().contains("page_size"), failure.getMessage());

        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BreaksSpecLeniently.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    /** Run only through EngineTestKit (surefire skips nested classes). */
    @AffinityMockServerTest
    static class BreaksSpec {
        @Test
        void sendsABadPageSize(AffinityMockServer server) {
            assertEquals(400, new Http(server).get("/persons?page_size=many").statusCode());
        }
    }

    /** Run only through EngineTestKit (surefire skips nested classes). */
    @AffinityMockServerTest(failOnSpecViolations = false, lifecycle = ServerLifecycle.PER_TEST)
    static class BreaksSpecLeniently {
        @Test
        void sendsABadPageSize(AffinityMockServer server) {
            assertEquals(400, new Http(server).get("/persons?page_size=many").statusCode());
        }
    }
}
