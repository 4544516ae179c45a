package io.affinity.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthAndRateLimitTest {

    private static final Instant NOON = Instant.parse("2025-03-10T12:00:00Z");

    @Test
    void refusesRequestsWithoutTheKey() {
        try (AffinityMockServer server =
                AffinityMockServer.builder().apiKey("secret").start()) {
            URI whoami = URI.create(server.baseUrl() + "/auth/whoami");
            HttpResponse<String> none = Http.send(HttpRequest.newBuilder(whoami).build());
            HttpResponse<String> wrong = Http.send(HttpRequest.newBuilder(whoami)
                    .header("Authorization", Http.basic("other"))
                    .build());
            HttpResponse<String> withUser = Http.send(HttpRequest.newBuilder(whoami)
                    .header(
                            "Authorization",
                            "Basic " + java.util.Base64.getEncoder().encodeToString("me:secret".getBytes()))
                    .build());

            for (HttpResponse<String> response : java.util.List.of(none, wrong, withUser)) {
                assertEquals(401, response.statusCode());
                assertTrue(response.body().contains("\"errors\""), response.body());
                assertTrue(
                        response.headers().firstValue("X-Ratelimit-Limit-User").isPresent());
            }
        }
    }

    @Test
    void acceptsTheKeyAsBasicPasswordOrBearerToken() {
        try (AffinityMockServer server =
                AffinityMockServer.builder().apiKey("secret").start()) {
            URI whoami = URI.create(server.baseUrl() + "/auth/whoami");
            assertEquals(
                    200,
                    Http.send(HttpRequest.newBuilder(whoami)
                                    .header("Authorization", Http.basic("secret"))
                                    .build())
                            .statusCode());
            assertEquals(
                    200,
                    Http.send(HttpRequest.newBuilder(whoami)
                                    .header("Authorization", "Bearer secret")
                                    .build())
                            .statusCode());
        }
    }

    @Test
    void answers429PastThePerMinuteLimitUntilTheWindowResets() {
        TestClock clock = TestClock.startingAt(NOON);
        try (AffinityMockServer server =
                AffinityMockServer.builder().perMinuteLimit(5).clock(clock).start()) {
            Http http = new Http(server);
            for (int i = 1; i <= 5; i++) {
                HttpResponse<String> ok = http.get("/lists");
                assertEquals(200, ok.statusCode());
                assertEquals("5", header(ok, "X-Ratelimit-Limit-User"));
                assertEquals(Integer.toString(5 - i), header(ok, "X-Ratelimit-Limit-User-Remaining"));
                assertEquals("60", header(ok, "X-Ratelimit-Limit-User-Reset"));
            }
            clock.advance(Duration.ofSeconds(45));
            HttpResponse<String> refused = http.get("/lists");
            assertEquals(429, refused.statusCode());
            assertEquals("15", header(refused, "Retry-After"));
            assertEquals("0", header(refused, "X-Ratelimit-Limit-User-Remaining"));
            assertTrue(refused.body().contains("rate_limit_exceeded"), refused.body());

            clock.advance(Duration.ofSeconds(15));
            HttpResponse<String> again = http.get("/lists");
            assertEquals(200, again.statusCode());
            assertEquals("4", header(again, "X-Ratelimit-Limit-User-Remaining"));
        }
    }

    @Test
    void countsTheMonthPerAccountAndExemptsRateLimitAndWhoami() {
        TestClock clock = TestClock.startingAt(Instant.parse("2025-03-31T23:59:00Z"));
        try (AffinityMockServer server =
                AffinityMockServer.builder().monthlyLimit(2).clock(clock).start()) {
            Http http = new Http(server);
            assertEquals(200, http.get("/lists").statusCode());
            HttpResponse<String> second = http.get("/lists");
            assertEquals("2", header(second, "X-Ratelimit-Limit-Org"));
            assertEquals("0", header(second, "X-Ratelimit-Limit-Org-Remaining"));
            assertEquals("60", header(second, "X-Ratelimit-Limit-Org-Reset"));

            HttpResponse<String> refused = http.get("/lists");
            assertEquals(429, refused.statusCode());
            assertEquals("60", header(refused, "Retry-After"));
            HttpResponse<String> rateLimit = http.get("/rate-limit");
            assertEquals(200, rateLimit.statusCode());
            assertTrue(
                    rateLimit.body().contains("\"org_monthly\":{\"limit\":2,\"remaining\":0,\"reset\":60,\"used\":2}"),
                    rateLimit.body());

            clock.advance(Duration.ofMinutes(1));
            assertEquals(200, http.get("/lists").statusCode());
        }
    }

    @Test
    void reportsAnUncappedMonthAsUnlimitedAsTheRealApiDoes() {
        try (AffinityMockServer server = AffinityMockServer.builder().start()) {
            Http http = new Http(server);
            HttpResponse<String> response = http.get("/lists");
            assertEquals("unlimited", header(response, "X-Ratelimit-Limit-Org"));
            assertEquals("unlimited", header(response, "X-Ratelimit-Limit-Org-Remaining"));
            HttpResponse<String> rateLimit = http.get("/rate-limit");
            assertTrue(
                    rateLimit
                            .body()
                            .contains("\"org_monthly\":{\"limit\":\"unlimited\",\"remaining\":\"unlimited\","
                                    + "\"reset\":"),
                    rateLimit.body());
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no header " + name));
    }
}
