package io.affinity.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.ratelimit.RateLimitException;
import io.affinity.model.RateLimit;
import io.affinity.model.Whoami;
import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.AffinityMockServerTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The account's monthly limit over HTTP, against a fake with a three-request month: once it is used up, the calls
 * it counts fail at once without being sent, while {@code GET /rate-limit} and {@code GET /auth/whoami}, which the
 * API does not count against the month, still go through.
 */
@AffinityMockServerTest(monthlyLimit = 3)
class MonthlyLimitTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void aUsedUpMonthStillAnswersWhatTheLimitsAreAndWhoIsAsking(AffinityMockServer server) {
        try (AffinityClient client = ResourceTestSupport.client(server)) {
            for (int i = 0; i < 3; i++) {
                client.lists().list().blockLast(TIMEOUT);
            }
            // the fourth counted call: the server answers 429 until the month ends, the limiter learns it
            assertThrows(RateLimitException.class, () -> client.lists().list().blockLast(TIMEOUT));
            int listCalls = server.journal().count("getLists");

            RateLimit limits = client.fetchRateLimits().block(TIMEOUT);
            assertEquals(0, limits.rate().orgMonthly().remaining().countOr(-1));
            Whoami whoami = client.whoami().block(TIMEOUT);
            assertTrue(whoami.user().id() > 0);

            RateLimitException refused = assertThrows(
                    RateLimitException.class, () -> client.lists().list().blockLast(TIMEOUT));
            assertTrue(refused.statusCode().isEmpty(), "refused by the limiter, not by the server");
            assertEquals(listCalls, server.journal().count("getLists"), "the counted call was not sent");
            assertEquals(1, server.journal().count("getRateLimit"));
            assertEquals(1, server.journal().count("getWhoami"));
        }
    }
}
