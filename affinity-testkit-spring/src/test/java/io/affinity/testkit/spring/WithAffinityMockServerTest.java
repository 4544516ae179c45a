package io.affinity.testkit.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.testkit.AffinityMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The fake runs for the context, its URL and key are the context's properties, with either test lifecycle. */
class WithAffinityMockServerTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {}

    static int whoami(String baseUrl, String apiKey) throws Exception {
        String basic = Base64.getEncoder().encodeToString((":" + apiKey).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/auth/whoami"))
                .header("Authorization", "Basic " + basic)
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Nested
    @SpringJUnitConfig(Empty.class)
    @WithAffinityMockServer
    class PerMethodLifecycle {

        @Autowired
        AffinityMockServer server;

        @Value("${affinity.base-url}")
        String baseUrl;

        @Value("${affinity.api-key}")
        String apiKey;

        @Test
        void thePropertiesPointAtTheRunningFake() throws Exception {
            assertTrue(server.isRunning());
            assertEquals(server.baseUrl().toString(), baseUrl);
            assertEquals(server.apiKey(), apiKey);
            assertEquals(200, whoami(baseUrl, apiKey));
            assertEquals(1, server.journal().count("getWhoami"));
        }

        @Test
        void eachTestStartsWithAResetJournal() throws Exception {
            assertEquals(0, server.journal().size());
            assertEquals(200, whoami(baseUrl, apiKey));
            assertEquals(1, server.journal().size());
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @SpringJUnitConfig(Empty.class)
    @WithAffinityMockServer(resetBeforeEachTest = false)
    class PerClassLifecycle {

        @Autowired
        AffinityMockServer server;

        @Value("${affinity.base-url}")
        String baseUrl;

        @Test
        void theFakeIsInjectedIntoAPerClassInstance() throws Exception {
            assertTrue(server.isRunning());
            assertEquals(server.baseUrl().toString(), baseUrl);
            assertEquals(200, whoami(baseUrl, server.apiKey()));
        }
    }
}
