package io.affinity.client.ratelimit.redis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.ratelimit.redis.RedisServer;
import io.affinity.client.ratelimit.redis.RedisServerExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scripts themselves against a real {@code redis-server}: the monthly gate and refusal are kept apart from the
 * ones for every call, and hold only the callers the month counts.
 */
@ExtendWith(RedisServerExtension.class)
class ScriptsTest {

    private static final String[] KEYS = {"t:{month}:state", "t:{month}:leases"};
    private static final long TWELVE_DAYS_MS = Duration.ofDays(12).toMillis();

    private RedisClient client;
    private RedisCommands<String, String> redis;
    private int leases;

    @BeforeEach
    void connect(RedisServer server) {
        client = RedisClient.create(server.uri());
        redis = client.connect().sync();
    }

    @AfterEach
    void disconnect() {
        client.shutdown();
    }

    /** @return {code, wait ms, refusal reset ms} */
    private long[] acquire(int limit, boolean exempt) {
        List<Object> reply = redis.eval(
                Scripts.ACQUIRE,
                ScriptOutputType.MULTI,
                KEYS,
                Integer.toString(limit),
                "0",
                "60000",
                "lease-" + ++leases,
                "300000",
                "-1",
                exempt ? "1" : "0");
        return new long[] {(Long) reply.get(0), (Long) reply.get(1), (Long) reply.get(2)};
    }

    /** Releases nothing, and records the waits for every call and for the month. */
    private void shareWaits(ServerWaits.Hold every, ServerWaits.Hold month) {
        shareWaits(900, every, month);
    }

    private void shareWaits(int limit, ServerWaits.Hold every, ServerWaits.Hold month) {
        redis.eval(
                Scripts.RELEASE,
                ScriptOutputType.INTEGER,
                KEYS,
                "",
                "0",
                Integer.toString(limit),
                "300000",
                "",
                "0",
                Long.toString(every.gateMs()),
                Long.toString(every.refuseMs()),
                Long.toString(every.refuseResetMs()),
                "",
                "",
                "0",
                "",
                "",
                "0",
                Long.toString(month.gateMs()),
                Long.toString(month.refuseMs()),
                Long.toString(month.refuseResetMs()));
    }

    @Test
    void aMonthlyGateHoldsTheCallersTheMonthCountsAndLetsTheExemptOnesThroughUnderThePerMinuteLimit() {
        shareWaits(1, ServerWaits.Hold.NONE, new ServerWaits.Hold(20_000, -1, 0)); // one request a minute
        long[] counted = acquire(1, false);
        assertEquals(Scripts.WAIT_FOR_MONTH, counted[0]);
        assertTrue(counted[1] > 15_000 && counted[1] <= 20_000, "until the month's reset: " + counted[1]);
        assertEquals(Scripts.GRANTED, acquire(1, true)[0]);
        assertEquals(1, redis.zcard(KEYS[1]), "the exempt caller holds a lease");
        long[] next = acquire(1, true);
        assertEquals(Scripts.WAIT, next[0], "the exempt caller took the minute's one token");
        assertTrue(next[1] > 1_000, "until a token refills: " + next[1]);
    }

    @Test
    void aMonthlyRefusalRefusesTheCallersTheMonthCountsWithItsResetAndLetsTheExemptOnesThrough() {
        shareWaits(ServerWaits.Hold.NONE, new ServerWaits.Hold(-1, 120_000, TWELVE_DAYS_MS));
        long[] counted = acquire(900, false);
        assertEquals(Scripts.REFUSED_FOR_MONTH, counted[0]);
        assertTrue(counted[1] > 115_000 && counted[1] <= 120_000, "refused for the maximum wait: " + counted[1]);
        assertTrue(counted[2] > TWELVE_DAYS_MS - 5_000, "told the month's reset: " + counted[2]);
        assertEquals(Scripts.GRANTED, acquire(900, true)[0]);
        // the refusal outranks a gate: counted callers fail at once rather than wait
        shareWaits(new ServerWaits.Hold(30_000, -1, 0), ServerWaits.Hold.NONE);
        assertEquals(Scripts.REFUSED_FOR_MONTH, acquire(900, false)[0]);
    }

    @Test
    void exemptCallersStayUnderTheWaitsForEveryCallAndThePerMinuteLimit() {
        shareWaits(new ServerWaits.Hold(30_000, -1, 0), new ServerWaits.Hold(20_000, -1, 0));
        long[] exempt = acquire(900, true);
        assertEquals(Scripts.WAIT, exempt[0]);
        assertTrue(exempt[1] > 25_000, "the gate for every call: " + exempt[1]);
        shareWaits(new ServerWaits.Hold(-1, 120_000, TWELVE_DAYS_MS), ServerWaits.Hold.NONE);
        assertEquals(Scripts.REFUSED, acquire(900, true)[0]);
        assertEquals(0, redis.zcard(KEYS[1]));
    }
}
