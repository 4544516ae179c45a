package io.affinity.client.ratelimit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.AffinityClient;
import io.affinity.client.ratelimit.RateLimitException;
import io.affinity.client.retry.RetryOptions;
import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Four separate clients, each with its own {@link RedisRateLimiter} of one name, against the testkit enforcing 60
 * requests a minute: together they use the minute's whole limit and meet no 429. The fake's clock stands still, so
 * its window cannot end during the test whatever the machine's speed.
 */
@ExtendWith(RedisServerExtension.class)
class FourClientsShareOneLimitTest {

    private static final int LIMIT = 60;
    private static final int CLIENTS = 4;
    private static final int CALLS_PER_CLIENT = 25;

    @Test
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
}
