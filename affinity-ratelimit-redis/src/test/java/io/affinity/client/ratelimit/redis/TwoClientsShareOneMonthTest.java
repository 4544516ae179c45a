package io.affinity.client.ratelimit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.AffinityClient;
import io.affinity.client.ratelimit.RateLimitException;
import io.affinity.client.retry.RetryOptions;
import io.affinity.model.RateLimit;
import io.affinity.model.Whoami;
import io.affinity.testkit.AffinityMockServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two clients, each with its own {@link RedisRateLimiter} of one name, against the testkit with a three-request
 * month: once one of them has used the month up, the other still asks what the limits are and who is asking
 * ({@code GET /rate-limit} and {@code GET /auth/whoami}, which the month does not count), while its counted calls
 * fail at once without being sent.
 */
@ExtendWith(RedisServerExtension.class)
class TwoClientsShareOneMonthTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static RedisRateLimiter limiter(RedisServer redis) {
        return RedisRateLimiter.builder().redisUri(redis.uri()).name("month").build();
    }

    private static AffinityClient client(AffinityMockServer fake, RedisRateLimiter limiter) {
        return AffinityClient.builder()
                .apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl().toString())
                .retryOptions(RetryOptions.disabled())
                .rateLimiter(limiter)
                .build();
    }

    @Test
    void afterOneClientSeesTheMonthUsedUpTheOtherStillAsksForTheLimitsAndWhoItIs(RedisServer redis) {
        try (AffinityMockServer fake =
                        AffinityMockServer.builder().monthlyLimit(3).start();
                RedisRateLimiter firstLimiter = limiter(redis);
                RedisRateLimiter secondLimiter = limiter(redis);
                AffinityClient first = client(fake, firstLimiter);
                AffinityClient second = client(fake, secondLimiter)) {
            for (int i = 0; i < 3; i++) {
                first.lists().list().blockLast(TIMEOUT);
            }
            // the month is used up: the fourth counted call fails, by the server or by the limiter
            assertThrows(RateLimitException.class, () -> first.lists().list().blockLast(TIMEOUT));
            int listCalls = fake.journal().count("getLists");

            RateLimit limits = second.fetchRateLimits().block(TIMEOUT);
            assertEquals(0, limits.rate().orgMonthly().remaining().countOr(-1));
            Whoami whoami = second.whoami().block(TIMEOUT);
            assertTrue(whoami.user().id() > 0);

            RateLimitException refused = assertThrows(
                    RateLimitException.class, () -> second.lists().list().blockLast(TIMEOUT));
            assertTrue(refused.statusCode().isEmpty(), "refused by the limiter, not by the server: " + refused);
            assertTrue(
                    refused.retryAfter().orElseThrow().compareTo(Duration.ofMinutes(2)) > 0,
                    "carries the month's reset: " + refused.retryAfter());
            assertEquals(listCalls, fake.journal().count("getLists"), "the counted call was not sent");
            assertEquals(1, fake.journal().count("getRateLimit"));
            assertEquals(1, fake.journal().count("getWhoami"));
            assertEquals(0, firstLimiter.outages() + secondLimiter.outages());
        }
    }
}
