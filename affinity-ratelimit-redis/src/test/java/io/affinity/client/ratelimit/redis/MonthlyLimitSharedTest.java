package io.affinity.client.ratelimit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.ratelimit.Quota;
import io.affinity.client.ratelimit.RateLimitException;
import io.affinity.client.ratelimit.RateLimitFeedback;
import io.affinity.client.ratelimit.RateLimitSnapshot;
import io.affinity.client.ratelimit.RateLimiter.Permit;
import io.affinity.client.ratelimit.Ticker;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The account's monthly limit shared through Redis: one process learns the month is used up, and every process
 * holds or refuses the calls the month counts, while {@code GET /rate-limit} and {@code GET /auth/whoami}, which it
 * does not count, go past them.
 */
@ExtendWith(RedisServerExtension.class)
class MonthlyLimitSharedTest {

    private static final Duration LONG = Duration.ofSeconds(10);

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
    }

    private RedisRateLimiter build(RedisServer redis, String name, VirtualTimeScheduler time) {
        RedisRateLimiter.Builder builder = RedisRateLimiter.builder()
                .redisUri(redis.uri())
                .name(name)
                .redisTimeout(Duration.ofSeconds(2))
                .recoveryInterval(Duration.ofMillis(100));
        if (time != null) {
            builder.scheduler(time).ticker(Ticker.of(time));
        }
        RedisRateLimiter limiter = builder.build();
        closeables.add(limiter);
        return limiter;
    }

    private RedisCommands<String, String> commands(RedisServer redis) {
        RedisClient client = RedisClient.create(redis.uri());
        closeables.add(client::shutdown);
        return client.connect().sync();
    }

    /** A response with requests left in the user window and none in the month, which resets after that long. */
    private static RateLimitFeedback monthUsedUp(Duration monthResets) {
        return RateLimitFeedback.of(
                200,
                RateLimitSnapshot.of(
                        new Quota(900, 899, Duration.ofSeconds(30), Instant.now()),
                        new Quota(40_000, 0, monthResets, Instant.now())),
                null);
    }

    /** One process reports the month used up; waits until the report is in Redis (polling it, no timing). */
    private void reportMonthUsedUp(RedisServer redis, String name, Duration monthResets) {
        RedisRateLimiter reporter = build(redis, name, null);
        reporter.acquire("GET", "/lists").block(LONG).release(monthUsedUp(monthResets));
        RedisCommands<String, String> commands = commands(redis);
        String key = RedisRateLimiter.DEFAULT_KEY_PREFIX + '{' + name + "}:state";
        long deadline = System.nanoTime() + LONG.toNanos();
        while (commands.hget(key, "oR") == null) {
            assertTrue(System.nanoTime() < deadline, "the report reaches Redis");
        }
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(LONG.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static RateLimitException refusal(CompletableFuture<Permit> future) {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> get(future));
        return assertInstanceOf(RateLimitException.class, failed.getCause());
    }

    @Test
    void aShortMonthlyWaitSeenByOneProcessHoldsTheCountedCallsOfAnotherAndLetsItsExemptOnesPast(RedisServer redis)
            throws Exception {
        reportMonthUsedUp(redis, "month-hold", Duration.ofSeconds(20)); // within the maximum server wait
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        RedisRateLimiter other = build(redis, "month-hold", time);

        CompletableFuture<Permit> counted = other.acquire("GET", "/lists").toFuture();
        CompletableFuture<Permit> whoami = other.acquire("GET", "/auth/whoami").toFuture();
        CompletableFuture<Permit> limits = other.acquire("GET", "/rate-limit").toFuture();
        assertNotNull(get(whoami), "passes the call held for the month");
        assertNotNull(get(limits));
        assertFalse(counted.isDone(), "held until the month's reset");

        // the month resets (in Redis and on the limiter's clock): the counted call goes
        commands(redis).hset(RedisRateLimiter.DEFAULT_KEY_PREFIX + "{month-hold}:state", "mgate", "0");
        time.advanceTimeBy(Duration.ofSeconds(20));
        assertNotNull(get(counted));
    }

    @Test
    void aUsedUpMonthRefusesTheCountedCallsOfEveryProcessAtOnceWhileTheExemptOnesStayInLine(RedisServer redis)
            throws Exception {
        reportMonthUsedUp(redis, "month-refuse", Duration.ofDays(12)); // beyond the maximum server wait
        RedisRateLimiter other = build(redis, "month-refuse", null);

        CompletableFuture<Permit> counted = other.acquire("GET", "/lists").toFuture();
        CompletableFuture<Permit> whoami = other.acquire("GET", "/auth/whoami").toFuture();
        CompletableFuture<Permit> post = other.acquire("POST", "/rate-limit").toFuture();
        CompletableFuture<Permit> limits = other.acquire("GET", "/rate-limit").toFuture();

        RateLimitException refused = refusal(counted);
        assertTrue(refused.statusCode().isEmpty(), "refused by the limiter");
        assertTrue(
                refused.retryAfter().orElseThrow().compareTo(Duration.ofDays(11)) > 0,
                "carries the month's reset: " + refused.retryAfter());
        refusal(post); // the month counts a POST to /rate-limit
        assertNotNull(get(whoami));
        assertNotNull(get(limits));
    }

    @Test
    void aMonthlyRefusalLearnedFromRedisStillRefusesCountedCallsDuringAnOutage(RedisServer redis) throws Exception {
        reportMonthUsedUp(redis, "month-outage", Duration.ofDays(12));
        RedisRateLimiter other = build(redis, "month-outage", null);
        refusal(other.acquire("GET", "/lists").toFuture());

        redis.stop();
        RateLimitException refused = refusal(other.acquire("GET", "/lists").toFuture());
        assertFalse(refused instanceof RedisUnavailableException, "the fallback sends nothing the month counts");
        assertTrue(refused.retryAfter().orElseThrow().compareTo(Duration.ofDays(11)) > 0);
        assertFalse(other.redisAvailable());
        assertNotNull(get(other.acquire("GET", "/rate-limit").toFuture()), "the fallback grants exempt calls");
    }

    @Test
    void aPermitAskedForAnExemptCallerThatLeftGoesToTheNextExemptOneNotToACallerHeldForTheMonth(RedisServer redis)
            throws Exception {
        reportMonthUsedUp(redis, "month-grant", Duration.ofSeconds(20));
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        RedisRateLimiter other = build(redis, "month-grant", time);
        CompletableFuture<Permit> counted = other.acquire("GET", "/lists").toFuture();
        assertNotNull(other.acquire("GET", "/auth/whoami").block(LONG), "the held call was asked for first");

        assertEquals("+OK", redis.command("CLIENT PAUSE 10000 WRITE")); // asks stay unanswered until unpaused
        List<Permit> left = new ArrayList<>();
        Disposable leaving = other.acquire("GET", "/rate-limit").subscribe(left::add); // asked for
        CompletableFuture<Permit> next = other.acquire("GET", "/auth/whoami").toFuture();
        leaving.dispose();
        assertEquals("+OK", redis.command("CLIENT UNPAUSE"));

        assertNotNull(get(next), "the permit asked for the caller that left");
        assertEquals(List.of(), left);
        assertFalse(counted.isDone(), "still held for the month");
    }
}
