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
import io.affinity.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Four separate clients, each with its own {@link RedisRateLimiter} of one name, against the testkit enforcing 60
 * requests a minute: together they use the minute's whole limit and meet no 429. The fake's clock stands still, so
 * its window cannot end during the test whatever the machine's speed.
 *
 * <p>Then two clients against the testkit with a three-request month: once one of them has used the month up, the
 * other still asks what the limits are and who is asking ({@code GET /rate-limit} and {@code GET /auth/whoami},
 * which the month does not count), while its counted calls fail at once without being sent. (It runs second: the
 * first test's two-second bound on waiting is met reliably only in a JVM that has not run the testkit before.)
 */
@ExtendWith(RedisServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FourClientsShareOneLimitTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final int LIMIT = 60;
    private static final int CLIENTS = 4;
    private static final int CALLS_PER_CLIENT = 25;

    @Test
    @Order(1)
    void fourClientsSharingOneNameStayWithinTheLimitWithoutA429(RedisServer redis) {
        try (AffinityMockServer fake = AffinityMockServer.builder()
                .perMinuteLimit(LIMIT)
                .clock(TestClock.startingNow())
                .start()) {
            List<RedisRateLimiter> limiters = new ArrayList<>();
            List<AffinityClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    RedisRateLimiter limiter = RedisRateLimiter.builder()
                            .redisUri(redis.uri())
                            .name("acme")
                            .requestsPerMinute(LIMIT)
                            .maxWait(Duration.ofSeconds(2))
                            .build();
                    limiters.add(limiter);
                    clients.add(AffinityClient.builder()
                            .apiKey(fake.apiKey())
                            .baseUrl(fake.baseUrl().toString())
                            .retryOptions(RetryOptions.disabled())
                            .rateLimiter(limiter)
                            .build());
                }
                AtomicInteger succeeded = new AtomicInteger();
                AtomicInteger throttledByServer = new AtomicInteger();
                AtomicInteger heldBackByLimiter = new AtomicInteger();
                Flux.fromIterable(clients)
                        .flatMap(client -> Flux.range(0, CALLS_PER_CLIENT)
                                .flatMap(i -> client.whoami()
                                        .doOnNext(whoami -> succeeded.incrementAndGet())
                                        .onErrorResume(RateLimitException.class, refused -> {
                                            (refused.statusCode().isPresent() ? throttledByServer : heldBackByLimiter)
                                                    .incrementAndGet();
                                            return Mono.empty();
                                        })))
                        .blockLast(Duration.ofSeconds(30));

                assertEquals(0, throttledByServer.get(), "no 429");
                assertTrue(succeeded.get() >= LIMIT * 95 / 100, "the limit is used: " + succeeded.get());
                assertEquals(CLIENTS * CALLS_PER_CLIENT, succeeded.get() + heldBackByLimiter.get());
                assertEquals(succeeded.get(), fake.journal().size(), "no refused request reached the server");
                assertEquals(
                        0,
                        limiters.stream().mapToLong(RedisRateLimiter::outages).sum());
            } finally {
                clients.forEach(AffinityClient::close);
                limiters.forEach(RedisRateLimiter::close);
            }
        }
    }

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
    @Order(2)
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
