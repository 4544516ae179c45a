package io.affinity.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it, so rate-limit windows can end without waiting.
 *
 * <pre>{@code
 * TestClock clock = TestClock.startingAt(Instant.parse("2025-01-01T00:00:00Z"));
 * AffinityMockServer server = AffinityMockServer.builder().clock(clock).start();
 * ...
 * clock.advance(Duration.ofMinutes(1)); // the per-minute window resets
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock showing the given instant, in UTC. */
    public static TestClock startingAt(Instant instant) {
        return new TestClock(new AtomicReference<>(Objects.requireNonNull(instant, "instant")), ZoneOffset.UTC);
    }

    /** A clock showing the current system time, in UTC, from then on moved only by the test. */
    public static TestClock startingNow() {
        return startingAt(Instant.now());
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far; must not be negative
     * @return this clock
     */
    public TestClock advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        now.updateAndGet(instant -> instant.plus(duration));
        return this;
    }

    /**
     * Sets the clock to an instant.
     *
     * @param instant the new time
     * @return this clock
     */
    public TestClock set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
        return this;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new TestClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public String toString() {
        return "TestClock[" + now.get() + "]";
    }
}
