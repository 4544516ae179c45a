package io.affinity.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.affinity.client.AffinityClient;
import io.affinity.client.ratelimit.RateLimitException;
import io.affinity.client.ratelimit.RateLimitFeedback;
import io.affinity.client.ratelimit.RateLimitOptions;
import io.affinity.client.ratelimit.RateLimiter;
import io.affinity.client.ratelimit.RequestQueueFullException;
import io.affinity.client.ratelimit.redis.FailureMode;
import io.affinity.client.ratelimit.redis.RedisRateLimiter;
import io.affinity.client.ratelimit.redis.RedisServer;
import io.affinity.client.ratelimit.redis.RedisServerExtension;
import io.affinity.client.ratelimit.redis.RedisUnavailableException;
import io.affinity.spring.boot.internal.RedisRateLimiterObservabilityConfiguration;
import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.TestClock;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The shared Redis rate limiter's auto-configuration in real application contexts, against a real
 * {@code redis-server} on a loopback port and the testkit's fake API over HTTP.
 */
@ExtendWith(RedisServerExtension.class)
class AffinityRedisRateLimiterAutoConfigurationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static AffinityMockServer server;

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AffinityAutoConfiguration.class,
                    AffinityRedisRateLimiterAutoConfiguration.class,
                    RedisRateLimiterObservabilityConfiguration.class));

    @BeforeAll
    static void startServer() {
        server = AffinityMockServer.builder().start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private ApplicationContextRunner withServer(AffinityMockServer fake) {
        return contexts.withPropertyValues(
                "affinity.api-key=" + fake.apiKey(),
                "affinity.base-url=" + fake.baseUrl(),
                "affinity.retry.max-attempts=1");
    }

    @Test
    void theLimiterTakesEveryMappedSettingAndTheClientWaitsForItUntilTheContextClosesIt(RedisServer redis)
            throws Exception {
        RedisRateLimiter[] kept = new RedisRateLimiter[1];
        int before = server.journal().count("getWhoami");
        withServer(server)
                .withPropertyValues(
                        "affinity.rate-limit.redis.uri=" + redis.uri(),
                        "affinity.rate-limit.redis.name=mapped",
                        "affinity.rate-limit.redis.key-prefix=test:",
                        "affinity.rate-limit.redis.requests-per-minute=600",
                        "affinity.rate-limit.redis.max-concurrent-requests=1",
                        "affinity.rate-limit.redis.lease-time=45s",
                        "affinity.rate-limit.redis.max-queued-requests=1",
                        "affinity.rate-limit.redis.max-wait=300ms",
                        "affinity.rate-limit.redis.max-server-wait=90s",
                        "affinity.rate-limit.redis.failure-mode=fail-closed",
                        "affinity.rate-limit.redis.redis-timeout=2s",
                        "affinity.rate-limit.redis.recovery-interval=3s",
                        "affinity.rate-limit.redis.slot-poll-interval=50ms")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(RedisRateLimiter.class);
                    RedisRateLimiter limiter = context.getBean(RedisRateLimiter.class);
                    kept[0] = limiter;
                    AffinityClient client = context.getBean(AffinityClient.class);

                    // one permit held: its lease and the bucket show name, prefix, lease time and the limit
                    RateLimiter.Permit held = limiter.acquire("GET", "/held").block(TIMEOUT);
                    try (Redis inspect = new Redis(redis)) {
                        double tokens = Double.parseDouble(inspect.sync().hget("test:{mapped}:state", "tokens"));
                        assertThat(tokens).isBetween(599.0, 600.0);
                        List<ScoredValue<String>> leases =
                                inspect.sync().zrangeWithScores("test:{mapped}:leases", 0, -1);
                        assertThat(leases).hasSize(1);
                        long now = Long.parseLong(inspect.sync().time().get(0)) * 1000;
                        assertThat((long) leases.get(0).getScore() - now).isBetween(43_000L, 46_000L);
                    }

                    // the cap of one is taken: one caller waits (the whole line), the next is refused at once
                    CompletableFuture<RateLimiter.Permit> waiting =
                            limiter.acquire("GET", "/waiting").toFuture();
                    assertThatThrownBy(() -> limiter.acquire("GET", "/refused").block(TIMEOUT))
                            .isInstanceOf(RequestQueueFullException.class);
                    assertThatThrownBy(waiting::get)
                            .isInstanceOf(ExecutionException.class)
                            .cause()
                            .isInstanceOf(RateLimitException.class);

                    // the client takes its permits from the shared limiter: it cannot send while the slot is held
                    assertThatThrownBy(() -> client.whoami().block(TIMEOUT)).isInstanceOf(RateLimitException.class);
                    assertThat(server.journal().count("getWhoami")).isEqualTo(before);
                    held.release(RateLimitFeedback.none());
                    assertThat(client.whoami().block(TIMEOUT)).isNotNull();
                    assertThat(server.journal().count("getWhoami")).isEqualTo(before + 1);

                    // fail-closed while Redis is down, told to retry at the recovery interval
                    redis.stop();
                    assertThatThrownBy(() -> limiter.acquire("GET", "/down").block(TIMEOUT))
                            .isInstanceOfSatisfying(
                                    RedisUnavailableException.class,
                                    refused -> assertThat(refused.retryAfter()).contains(Duration.ofSeconds(3)));
                    Health health = context.getBean("affinityRateLimiterHealthIndicator", ReactiveHealthIndicator.class)
                            .health()
                            .block(TIMEOUT);
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails())
                            .containsEntry("redisAvailable", false)
                            .containsEntry("failureMode", "FAIL_CLOSED");
                });
        assertThatThrownBy(() -> kept[0].acquire("GET", "/after-close").block(TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void twoReplicasWithOneApiKeyShareOneLimitAndMeetNo429(RedisServer redis) throws Exception {
        int limit = 10;
        try (AffinityMockServer fake = AffinityMockServer.builder()
                .perMinuteLimit(limit)
                .clock(TestClock.startingNow())
                .start()) {
            ApplicationContextRunner replica = withServer(fake)
                    .withPropertyValues(
                            "affinity.rate-limit.redis.uri=" + redis.uri(),
                            "affinity.rate-limit.redis.requests-per-minute=" + limit,
                            "affinity.rate-limit.redis.max-wait=200ms");
            AtomicInteger firstSent = new AtomicInteger();
            AtomicInteger secondSent = new AtomicInteger();
            AtomicInteger heldBack = new AtomicInteger();
            replica.run(first -> replica.run(second -> {
                assertThat(first).hasSingleBean(RedisRateLimiter.class);
                assertThat(second).hasSingleBean(RedisRateLimiter.class);
                assertThat(first.getBean(RedisRateLimiter.class)).isNotSameAs(second.getBean(RedisRateLimiter.class));
                firstSent.set(whoamiCalls(first, 6, heldBack));
                secondSent.set(whoamiCalls(second, 6, heldBack));
            }));
            assertThat(firstSent).hasValue(6);
            assertThat(secondSent).hasValue(limit - 6);
            assertThat(heldBack).hasValue(12 - limit);
            // every request that reached the fake succeeded: no 429
            assertThat(fake.journal().size()).isEqualTo(limit);
            // named after the key's hash, which is all Redis knows of it
            String hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(fake.apiKey().getBytes(StandardCharsets.UTF_8)));
            assertThat(redis.command("EXISTS affinity:ratelimit:{sha256-" + hash + "}:state"))
                    .isEqualTo(":1");
            assertThat(redis.command("KEYS *" + fake.apiKey() + "*")).isEqualTo("*0");
        }
    }

    /** Calls whoami {@code times} times in a row; returns how many succeeded, counting those the limiter held back. */
    private static int whoamiCalls(AssertableApplicationContext context, int times, AtomicInteger heldBack) {
        AffinityClient client = context.getBean(AffinityClient.class);
        int sent = 0;
        for (int i = 0; i < times; i++) {
            try {
                client.whoami().block(TIMEOUT);
                sent++;
            } catch (RateLimitException refused) {
                assertThat(refused.statusCode())
                        .as("held back by the limiter, not by the server")
                        .isEmpty();
                heldBack.incrementAndGet();
            }
        }
        return sent;
    }

    @Test
    void failsOpenWhenRedisIsUnreachableAndTheApplicationStillStartsAndCalls() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        withServer(server)
                .withPropertyValues(
                        "affinity.rate-limit.redis.uri=redis://127.0.0.1:" + closedPort,
                        "affinity.rate-limit.redis.redis-timeout=500ms")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AffinityClient.class).whoami().block(TIMEOUT))
                            .isNotNull();
                    RedisRateLimiter limiter = context.getBean(RedisRateLimiter.class);
                    assertThat(limiter.redisAvailable()).isFalse();
                    assertThat(limiter.outages()).isEqualTo(1);

                    Health health = context.getBean("affinityRateLimiterHealthIndicator", ReactiveHealthIndicator.class)
                            .health()
                            .block(TIMEOUT);
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails())
                            .containsEntry("redisAvailable", false)
                            .containsEntry("failureMode", "FAIL_OPEN")
                            .containsEntry("outages", 1L);

                    MeterRegistry meters = new SimpleMeterRegistry();
                    context.getBeansOfType(MeterBinder.class).values().forEach(binder -> binder.bindTo(meters));
                    assertThat(meters.get("affinity.client.rate-limit.redis.available")
                                    .gauge()
                                    .value())
                            .isZero();
                    assertThat(meters.get("affinity.client.rate-limit.redis.outages")
                                    .functionCounter()
                                    .count())
                            .isEqualTo(1);
                });
    }

    @Test
    void activeOnlyWithEnabledOrAUriAndBacksOffForTheApplicationsOwnLimiter(RedisServer redis) {
        contexts.withPropertyValues("affinity.api-key=key")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(RedisRateLimiter.class)
                        .doesNotHaveBean("affinityRateLimiterHealthIndicator"));
        contexts.withPropertyValues(
                        "affinity.api-key=key",
                        "affinity.rate-limit.redis.uri=" + redis.uri(),
                        "affinity.rate-limit.redis.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RedisRateLimiter.class));
        contexts.withPropertyValues("affinity.api-key=key", "affinity.rate-limit.redis.enabled=true")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("affinity.rate-limit.redis.uri is not set"));

        RateLimiter own =
                RateLimiter.tokenBucket(RateLimitOptions.defaults(), reactor.core.scheduler.Schedulers.parallel());
        contexts.withPropertyValues("affinity.api-key=key", "affinity.rate-limit.redis.uri=" + redis.uri())
                .withBean(RateLimiter.class, () -> own)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(AffinityClient.class);
                    assertThat(context).getBean(RateLimiter.class).isSameAs(own);
                    assertThat(context).doesNotHaveBean(RedisRateLimiter.class);
                });
    }

    @Test
    void theApplicationsOwnRedisRateLimiterIsUsedAndReportedWithItsFailureMode(RedisServer redis) {
        RedisRateLimiter own = RedisRateLimiter.builder()
                .redisUri(redis.uri())
                .name("own")
                .failureMode(FailureMode.FAIL_CLOSED)
                .build();
        try {
            withServer(server).withBean(RedisRateLimiter.class, () -> own).run(context -> {
                assertThat(context).hasNotFailed().getBean(RateLimiter.class).isSameAs(own);
                assertThat(context.getBean(AffinityClient.class).whoami().block(TIMEOUT))
                        .isNotNull();
                assertThat(redis.command("EXISTS affinity:ratelimit:{own}:state"))
                        .isEqualTo(":1");
                Health health = context.getBean("affinityRateLimiterHealthIndicator", ReactiveHealthIndicator.class)
                        .health()
                        .block(TIMEOUT);
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails())
                        .containsEntry("redisAvailable", true)
                        .containsEntry("failureMode", "FAIL_CLOSED");
            });
        } finally {
            own.close();
        }
    }

    @Test
    void withoutTheRedisModuleOrLettuceThereIsNoLimiter(RedisServer redis) {
        for (Class<?> hidden : new Class<?>[] {RedisRateLimiter.class, RedisClient.class}) {
            contexts.withClassLoader(new FilteredClassLoader(hidden))
                    .withPropertyValues("affinity.api-key=key", "affinity.rate-limit.redis.uri=" + redis.uri())
                    .run(context -> assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(AffinityClient.class)
                            .doesNotHaveBean(RedisRateLimiter.class));
        }
    }

    @Test
    void badValuesFailStartUpNamingTheProperty(RedisServer redis) {
        String[][] cases = {
            {"requests-per-minute", "0"},
            {"lease-time", "0s"},
            {"name", "not a name!"},
            {"key-prefix", "{braces}"},
            {"fallback.max-concurrent-requests", "0"},
            {"uri", "http://user:secret-password@redis.internal"},
        };
        for (String[] bad : cases) {
            String property = "affinity.rate-limit.redis." + bad[0];
            contexts.withPropertyValues(
                            "affinity.api-key=key",
                            "affinity.rate-limit.redis.uri=" + redis.uri(),
                            property + "=" + bad[1])
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, invalid -> {
                                assertThat(invalid.getName()).isEqualTo(property);
                                assertThat(invalid.getMessage()).doesNotContain("secret-password");
                            }));
        }
        contexts.withPropertyValues(
                        "affinity.api-key=key",
                        "affinity.rate-limit.redis.uri=" + redis.uri(),
                        "affinity.rate-limit.redis.failure-mode=SOMETIMES")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("affinity.rate-limit.redis.failure-mode"));
    }

    @Test
    void aCustomizerCanShareTheApplicationsLettuceClientWhichTheContextLeavesOpen(RedisServer redis) {
        RedisClient shared = RedisClient.create(redis.uri());
        try {
            RedisRateLimiterBuilderCustomizer useShared =
                    builder -> builder.redisClient(shared, RedisURI.create(redis.uri()));
            withServer(server)
                    .withPropertyValues(
                            "affinity.rate-limit.redis.enabled=true", "affinity.rate-limit.redis.name=shared")
                    .withBean(RedisRateLimiterBuilderCustomizer.class, () -> useShared)
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(AffinityClient.class)
                                        .whoami()
                                        .block(TIMEOUT))
                                .isNotNull();
                        assertThat(redis.command("EXISTS affinity:ratelimit:{shared}:state"))
                                .isEqualTo(":1");
                    });
            try (StatefulRedisConnection<String, String> stillOpen = shared.connect()) {
                assertThat(stillOpen.sync().ping()).isEqualTo("PONG");
            }
        } finally {
            shared.shutdown();
        }
    }

    /** A Lettuce connection of the test's own, to read the limiter's state in Redis. */
    private static final class Redis implements AutoCloseable {

        private final RedisClient client;
        private final StatefulRedisConnection<String, String> connection;

        Redis(RedisServer server) {
            client = RedisClient.create(server.uri());
            connection = client.connect();
        }

        io.lettuce.core.api.sync.RedisCommands<String, String> sync() {
            return connection.sync();
        }

        @Override
        public void close() {
            connection.close();
            client.shutdown();
        }
    }
}
