package io.affinity.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The API's rate-limit counters: a per-minute window for each API key and a calendar-month window for the account.
 * Windows are measured on the configured clock, so a test clock can end them.
 */
final class RateLimitEmulator {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Clock clock;
    private final int perMinuteLimit;
    private final OptionalLong monthlyLimit;
    private final Map<String, Window> minuteWindows = new HashMap<>();
    private YearMonth month;
    private long monthUsed;

    RateLimitEmulator(Clock clock, int perMinuteLimit, OptionalLong monthlyLimit) {
        this.clock = clock;
        this.perMinuteLimit = perMinuteLimit;
        this.monthlyLimit = monthlyLimit;
    }

    /**
     * Takes one request from the key's minute window and, unless exempt, from the month.
     *
     * @param key the API key the request was authenticated with
     * @param monthlyExempt true for operations the monthly limit does not count
     * @return the state after the attempt, refused when a limit was already reached
     */
    synchronized RateLimitState acquire(String key, boolean monthlyExempt) {
        Instant now = clock.instant();
        Window minute = currentMinute(key, now);
        rollMonth(now);
        boolean minuteFull = minute.used >= perMinuteLimit;
        boolean monthFull = !monthlyExempt && monthlyLimit.isPresent() && monthUsed >= monthlyLimit.getAsLong();
        if (!minuteFull && !monthFull) {
            minute.used++;
            if (!monthlyExempt) {
                monthUsed++;
            }
        }
        long retryAfter = minuteFull ? secondsUntil(now, minute.end()) : monthFull ? secondsUntil(now, monthEnd()) : 0;
        return state(minute, now, !(minuteFull || monthFull), retryAfter);
    }

    /** The state for a key without taking a request. */
    synchronized RateLimitState peek(String key) {
        Instant now = clock.instant();
        rollMonth(now);
        return state(currentMinute(key, now), now, true, 0);
    }

    /** Forgets all counts. */
    synchronized void reset() {
        minuteWindows.clear();
        month = null;
        monthUsed = 0;
    }

    private RateLimitState state(Window minute, Instant now, boolean allowed, long retryAfter) {
        long orgLimit = monthlyLimit.orElse(RateLimitState.UNLIMITED);
        return new RateLimitState(
                allowed,
                retryAfter,
                perMinuteLimit,
                Math.max(0, perMinuteLimit - minute.used),
                minute.used,
                secondsUntil(now, minute.end()),
                orgLimit,
                monthlyLimit.isPresent() ? Math.max(0, orgLimit - monthUsed) : RateLimitState.UNLIMITED,
                monthUsed,
                secondsUntil(now, monthEnd()));
    }

    private Window currentMinute(String key, Instant now) {
        Window window = minuteWindows.get(key);
        if (window == null || !now.isBefore(window.end())) {
            window = new Window(now);
            minuteWindows.put(key, window);
        }
        return window;
    }

    private void rollMonth(Instant now) {
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        if (!current.equals(month)) {
            month = current;
            monthUsed = 0;
        }
    }

    private Instant monthEnd() {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static long secondsUntil(Instant now, Instant end) {
        long millis = Duration.between(now, end).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    private static final class Window {
        private final Instant start;
        private int used;

        private Window(Instant start) {
            this.start = start;
        }

        private Instant end() {
            return start.plus(MINUTE);
        }
    }
}
