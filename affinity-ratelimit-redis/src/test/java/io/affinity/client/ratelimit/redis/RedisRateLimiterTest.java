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
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The limiter against a real {@code redis-server}: several limiter instances with one name play the processes of
 * one service. Waits are short and real; bounds are generous and no test asserts speed.
 */
@ExtendWith(RedisServerExtension.class)
class RedisRateLimiterTest {

    private static final Duration LONG = Duration.ofSeconds(15);

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
    }

    private RedisRateLimiter.Builder limiter(RedisServer redis, String name) {
        return RedisRateLimiter.builder()
                .redisUri(redis.uri())
                .name(name)
                .redisTimeout(Duration.ofSeconds(2))
                .recoveryInterval(Duration.ofMillis(100));
    }

    private RedisRateLimiter build(RedisRateLimiter.Builder builder) {
        RedisRateLimiter limiter = builder.build();
        closeables.add(limiter);
        return limiter;
    }

    private RedisCommands<String, String> redis(RedisServer redis) {
        RedisClient client = RedisClient.create(redis.uri());
        StatefulRedisConnection<String, String> connection = client.connect();
        closeables.add(client::shutdown);
        return connection.sync();
    }

    private static RateLimitFeedback feedback(
            int status, long limit, long remaining, Duration reset, Duration retryAfter) {
        return RateLimitFeedback.of(
                status, RateLimitSnapshot.of(new Quota(limit, remaining, reset, Instant.now()), null), retryAfter);
    }

    /** Takes as many permits as the limiter gives within its max wait; returns how many. */
    private static int grab(RedisRateLimiter limiter, int attempts, List<Permit> held) {
        List<Object> results = Flux.range(0, attempts)
                .flatMap(
                        i -> limiter.acquire("GET", "/lists")
                                .<Object>map(permit -> permit)
                                .onErrorResume(RateLimitException.class, Mono::just),
                        256)
                .collectList()
                .block(LONG);
        int granted = 0;
        for (Object result : results) {
            if (result instanceof Permit permit) {
                granted++;
                held.add(permit);
            } else {
                RateLimitException refused = (RateLimitException) result;
                assertTrue(refused.statusCode().isEmpty(), "the limiter, not the server, refused: " + refused);
            }
        }
        return granted;
    }

    /** A permit's release reaches Redis asynchronously: waits until it has. */
    private void awaitShared(RedisServer redis, String name, String field) throws InterruptedException {
        RedisCommands<String, String> commands = redis(redis);
        String key = RedisRateLimiter.DEFAULT_KEY_PREFIX + '{' + name + "}:state";
        await(
                () -> {
                    String value = commands.hget(key, field);
                    return value != null && Double.parseDouble(value) > 0;
                },
                field + " is shared");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void limitersWithOneNameShareOneBucket(RedisServer redis) {
        List<RedisRateLimiter> replicas = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            replicas.add(build(limiter(redis, "shared").requestsPerMinute(60).maxWait(Duration.ofMillis(300))));
        }
        List<Permit> held = new ArrayList<>();
        long start = System.nanoTime();
        int granted = Flux.fromIterable(replicas)
                .flatMap(replica -> Mono.fromCallable(() -> grab(replica, 40, held)))
                .reduce(0, Integer::sum)
                .block(LONG);
        double seconds = (System.nanoTime() - start) / 1e9;
        // 60 at once, then one a second: never three buckets of 60
        assertTrue(granted >= 60, "the whole bucket is used: " + granted);
        assertTrue(granted <= 60 + Math.ceil(seconds) + 1, granted + " permits in " + seconds + " s");
        // another name has a bucket of its own
        RedisRateLimiter other =
                build(limiter(redis, "other").requestsPerMinute(60).maxWait(Duration.ofSeconds(5)));
        assertEquals(40, grab(other, 40, held));
    }

    @Test
    void theScriptsAreLoadedAgainWhenRedisForgetsThem(RedisServer redis) {
        RedisRateLimiter limiter = build(limiter(redis, "noscript"));
        limiter.acquire("GET", "/a").block(LONG).release(RateLimitFeedback.none());
        assertEquals("+OK", redis.command("SCRIPT FLUSH"));
        limiter.acquire("GET", "/a").block(LONG).release(RateLimitFeedback.none());
        assertEquals(0, limiter.outages());
    }

    @Test
    void theApiKeyNeverReachesRedisNorTheLimitersText(RedisServer redis) throws InterruptedException {
        String apiKey = "very-secret-api-key-4711";
        RedisRateLimiter limiter =
                build(RedisRateLimiter.builder().redisUri(redis.uri()).apiKey(apiKey));
        limiter.acquire("GET", "/a").block(LONG).release(feedback(200, 900, 899, Duration.ofSeconds(30), null));
        RedisCommands<String, String> commands = redis(redis);
        await(() -> !commands.keys("*").isEmpty(), "the state is written");
        StringBuilder everything = new StringBuilder();
        for (String key : commands.keys("*")) {
            everything.append(key).append(' ');
            if ("hash".equals(commands.type(key))) {
                commands.hgetall(key)
                        .forEach((field, value) ->
                                everything.append(field).append('=').append(value));
            } else {
                everything.append(commands.zrange(key, 0, -1));
            }
        }
        assertTrue(everything.toString().contains("sha256-"), everything.toString());
        assertFalse(everything.toString().contains(apiKey), everything.toString());
        assertFalse(limiter.toString().contains(apiKey), limiter.toString());
    }

    @Test
    void aThrottledResponseSeenByOneProcessClosesTheGateForEveryProcess(RedisServer redis) throws InterruptedException {
        RedisRateLimiter a = build(limiter(redis, "gate"));
        RedisRateLimiter b = build(limiter(redis, "gate"));
        long start = System.nanoTime();
        a.acquire("GET", "/a").block(LONG).release(feedback(429, 900, 0, Duration.ofSeconds(2), null));
        awaitShared(redis, "gate", "gate");
        Permit permit = b.acquire("GET", "/b").block(LONG);
        long waited = System.nanoTime() - start;
        assertNotNull(permit);
        assertTrue(waited >= Duration.ofMillis(1_500).toNanos(), "waited " + waited / 1e6 + " ms");
        // the other process sees the limits too
        assertEquals(0, b.snapshot().user().orElseThrow().remaining());
    }

    @Test
    void theUserWindowsResetClosesTheGateForAtMostAMinute(RedisServer redis) throws InterruptedException {
        RedisRateLimiter a = build(limiter(redis, "minute"));
        RedisRateLimiter b = build(limiter(redis, "minute").maxWait(Duration.ofMillis(200)));
        a.acquire("GET", "/a").block(LONG).release(feedback(200, 900, 0, Duration.ofMinutes(10), null));
        awaitShared(redis, "minute", "gate");
        RateLimitException refused = assertThrows(
                RateLimitException.class, () -> b.acquire("GET", "/b").block(LONG));
        Duration retryAfter = refused.retryAfter().orElseThrow();
        assertTrue(retryAfter.compareTo(Duration.ofSeconds(60)) <= 0, "bounded: " + retryAfter);
        assertTrue(retryAfter.compareTo(Duration.ofSeconds(45)) > 0, "the gate is closed: " + retryAfter);
    }

    @Test
    void aServerWaitBeyondTheMaximumFailsCallsAtOnceWithTheResetThenCallsGoAgain(RedisServer redis)
            throws InterruptedException {
        RedisRateLimiter a = build(limiter(redis, "refuse").maxServerWait(Duration.ofSeconds(1)));
        RedisRateLimiter b = build(limiter(redis, "refuse").maxServerWait(Duration.ofSeconds(1)));
        a.acquire("GET", "/a").block(LONG).release(feedback(429, 900, 10, Duration.ofSeconds(30), Duration.ofHours(1)));
        awaitShared(redis, "refuse", "refuse");
        long start = System.nanoTime();
        RateLimitException refused = assertThrows(
                RateLimitException.class, () -> b.acquire("GET", "/b").block(LONG));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "at once, without waiting an hour");
        Duration retryAfter = refused.retryAfter().orElseThrow();
        assertTrue(retryAfter.compareTo(Duration.ofMinutes(59)) > 0, "carries the server's reset: " + retryAfter);
        // once the maximum server wait has passed, calls go to the server again
        Permit later = Mono.defer(() -> b.acquire("GET", "/b"))
                .retryWhen(reactor.util.retry.Retry.fixedDelay(50, Duration.ofMillis(100)))
                .block(LONG);
        assertNotNull(later);
    }

    @Test
    void theRemainingCountOfAResponseCapsTheSharedBucket(RedisServer redis) throws InterruptedException {
        RedisRateLimiter a = build(limiter(redis, "remaining").requestsPerMinute(60));
        RedisRateLimiter b =
                build(limiter(redis, "remaining").requestsPerMinute(60).maxWait(Duration.ofSeconds(1)));
        a.acquire("GET", "/a").block(LONG).release(feedback(200, 60, 3, Duration.ofSeconds(40), null));
        awaitShared(redis, "remaining", "ver");
        long start = System.nanoTime();
        int granted = grab(b, 10, new ArrayList<>());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(
                granted >= 3 && granted <= 3 + Math.ceil(seconds) + 1,
                "3 left, plus one a second refilled: " + granted + " in " + seconds + " s");
    }

    @Test
    void theSlotsOfAProcessThatDiedComeBackAfterTheLeaseTime(RedisServer redis) {
        RedisRateLimiter dying =
                build(limiter(redis, "leases").maxConcurrentRequests(2).leaseTime(Duration.ofSeconds(1)));
        RedisRateLimiter survivor =
                build(limiter(redis, "leases").maxConcurrentRequests(2).leaseTime(Duration.ofSeconds(1)));
        assertNotNull(dying.acquire("GET", "/a").block(LONG));
        assertNotNull(dying.acquire("GET", "/a").block(LONG));
        long start = System.nanoTime();
        dying.close(); // its connection goes away with both permits unreleased
        Permit permit = survivor.acquire("GET", "/b").block(LONG);
        long waited = System.nanoTime() - start;
        assertNotNull(permit);
        assertTrue(waited >= Duration.ofMillis(700).toNanos(), "the slots stayed taken: " + waited / 1e6 + " ms");
        assertEquals(0, survivor.outages());
    }

    @Test
    void aCallerThatCancelsWhileWaitingGetsNoPermitAndTheNextOneDoes(RedisServer redis) throws InterruptedException {
        RedisRateLimiter holder = build(limiter(redis, "cancel").maxConcurrentRequests(1));
        RedisRateLimiter other = build(limiter(redis, "cancel").maxConcurrentRequests(1));
        Permit held = holder.acquire("GET", "/a").block(LONG);
        AtomicReference<Permit> cancelledGot = new AtomicReference<>();
        Disposable cancelled = other.acquire("GET", "/cancelled").subscribe(cancelledGot::set);
        Thread.sleep(100);
        cancelled.dispose();
        AtomicReference<Permit> next = new AtomicReference<>();
        other.acquire("GET", "/next").subscribe(next::set);
        held.release(RateLimitFeedback.of(200, RateLimitSnapshot.empty(), null));
        await(() -> next.get() != null, "the next caller gets the slot");
        assertEquals(null, cancelledGot.get());
        RedisCommands<String, String> commands = redis(redis);
        assertEquals(1, commands.zcard("affinity:ratelimit:{cancel}:leases"), "one slot: the next caller's");
        next.get().release(RateLimitFeedback.none());
        await(() -> commands.zcard("affinity:ratelimit:{cancel}:leases") == 0, "the slot is released");
    }

    @Test
    void permitsGrantedToCallersThatLeftGoBackWithTheirLeases(RedisServer redis) throws InterruptedException {
        RedisRateLimiter limiter = build(limiter(redis, "left").requestsPerMinute(60));
        List<Permit> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
        // a warm connection, so that the callers below leave while their asks are under way
        limiter.acquire("GET", "/warm").block(LONG).release(RateLimitFeedback.none());
        for (int round = 0; round < 5; round++) {
            List<Disposable> callers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                callers.add(limiter.acquire("GET", "/left").subscribe(delivered::add));
            }
            Thread.sleep(round);
            callers.forEach(Disposable::dispose);
        }
        Thread.sleep(300);
        List<Permit> got = new ArrayList<>(delivered);
        got.forEach(permit -> permit.release(RateLimitFeedback.none()));
        RedisCommands<String, String> commands = redis(redis);
        await(() -> commands.zcard("affinity:ratelimit:{left}:leases") == 0, "every lease is released");
        double tokens = Double.parseDouble(commands.hget("affinity:ratelimit:{left}:state", "tokens"));
        // only the warm-up and the permits that reached a caller were spent (refill only adds)
        assertTrue(tokens >= 60 - 1 - got.size(), tokens + " tokens left after " + got.size() + " delivered");
    }

    @Test
    void failOpenUsesTheLocalLimiterDuringAnOutageAndRecovers(RedisServer redis) throws Exception {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger("io.affinity.client.ratelimit.redis.internal.SharedRateLimiter");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        log.addAppender(lines);
        closeables.add(() -> log.detachAppender(lines));
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger recovered = new AtomicInteger();
        RedisRateLimiter limiter = build(limiter(redis, "open").listener(new RedisRateLimiterListener() {
            @Override
            public void onRedisUnavailable(Throwable cause) {
                unavailable.incrementAndGet();
            }

            @Override
            public void onRedisRecovered(Duration outage) {
                recovered.incrementAndGet();
            }
        }));
        limiter.acquire("GET", "/a").block(LONG).release(RateLimitFeedback.none());
        assertTrue(limiter.redisAvailable());

        redis.stop();
        for (int i = 0; i < 5; i++) {
            Permit permit = limiter.acquire("GET", "/a").block(LONG);
            assertNotNull(permit, "the fallback grants");
            permit.release(RateLimitFeedback.none());
        }
        assertFalse(limiter.redisAvailable());
        assertEquals(1, limiter.outages(), "one outage, however many calls");
        assertEquals(1, unavailable.get());
        assertEquals(
                1,
                lines.list.stream()
                        .filter(line -> line.getLevel() == ch.qos.logback.classic.Level.WARN)
                        .count(),
                "one WARN line per outage");

        redis.restart();
        await(limiter::redisAvailable, "Redis is used again");
        assertEquals(1, recovered.get());
        RedisCommands<String, String> commands = redis(redis);
        Permit shared = limiter.acquire("GET", "/a").block(LONG);
        assertEquals(1, commands.zcard("affinity:ratelimit:{open}:leases"), "the permit is Redis's again");
        shared.release(RateLimitFeedback.none());
        assertEquals(1, limiter.outages());
    }

    @Test
    void failClosedRefusesCallsDuringAnOutageAndRecovers(RedisServer redis) throws Exception {
        RedisRateLimiter limiter = build(limiter(redis, "closed").failureMode(FailureMode.FAIL_CLOSED));
        limiter.acquire("GET", "/a").block(LONG).release(RateLimitFeedback.none());
        redis.stop();
        RateLimitException refused = assertThrows(
                RateLimitException.class, () -> limiter.acquire("GET", "/a").block(LONG));
        assertInstanceOf(RedisUnavailableException.class, refused);
        assertTrue(((RedisUnavailableException) refused).redisFailure().isPresent());
        assertThrows(
                RedisUnavailableException.class,
                () -> limiter.acquire("GET", "/a").block(LONG));
        assertEquals(1, limiter.outages());
        redis.restart();
        await(limiter::redisAvailable, "Redis is used again");
        assertNotNull(limiter.acquire("GET", "/a").block(LONG));
    }

    @Test
    void aRedisThatIsDownAtStartIsAnOutageFromTheStart(RedisServer redis) throws Exception {
        redis.stop();
        RedisRateLimiter limiter = build(limiter(redis, "late"));
        assertNotNull(limiter.acquire("GET", "/a").block(LONG), "the fallback grants");
        assertEquals(1, limiter.outages());
        redis.restart();
        await(limiter::redisAvailable, "Redis is used");
        Permit permit = limiter.acquire("GET", "/a").block(LONG);
        assertNotNull(permit);
        assertEquals(1, redis(redis).zcard("affinity:ratelimit:{late}:leases"));
    }
}
