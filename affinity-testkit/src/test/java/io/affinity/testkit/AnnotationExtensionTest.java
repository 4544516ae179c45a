package io.affinity.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The annotation form: one server per class, injected into fields and parameters, reset before each test. */
@AffinityMockServerTest(apiKey = "annotated-key", perMinuteLimit = 50)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnotationExtensionTest {

    private static AffinityMockServer first;
    private static AffinityMockServer staticServer;

    private AffinityMockServer server;

    @BeforeAll
    static void beforeAll(AffinityMockServer fromParameter) {
        assertSame(staticServer, fromParameter);
    }

    @Test
    @Order(1)
    void injectsTheConfiguredServer(AffinityMockServer parameter) {
        assertSame(server, parameter);
        assertEquals("annotated-key", parameter.apiKey());
        assertEquals(200, new Http(parameter).get("/lists").statusCode());
        assertEquals(
                "48",
                new Http(parameter)
                        .get("/lists")
                        .headers()
                        .firstValue("X-Ratelimit-Limit-User-Remaining")
                        .orElseThrow());
        first = parameter;
    }

    @Test
    @Order(2)
    void sharesOneServerPerClassAndResetsIt() {
        assertSame(first, server);
        assertTrue(server.isRunning());
        assertEquals(0, server.journal().size());
        assertEquals(
                "49",
                new Http(server)
                        .get("/lists")
                        .headers()
                        .firstValue("X-Ratelimit-Limit-User-Remaining")
                        .orElseThrow());
    }
}
