package io.affinity.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code Retry-After} values are read as seconds or HTTP dates, and bounded. */
class RateLimitHeadersTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void secondsAndDatesAreRead() {
        assertEquals(Duration.ofSeconds(30), RateLimitHeaders.retryAfter("30", NOW));
        assertEquals(Duration.ofSeconds(60), RateLimitHeaders.retryAfter("Mon, 23 Nov 2026 10:01:00 GMT", NOW));
        assertEquals(Duration.ZERO, RateLimitHeaders.retryAfter("0", NOW));
        assertNull(RateLimitHeaders.retryAfter("-5", NOW), "a negative wait is ignored: backoff applies");
        assertNull(RateLimitHeaders.retryAfter("Mon, 23 Nov 2026 09:00:00 GMT", NOW), "a past date is ignored");
        assertNull(RateLimitHeaders.retryAfter("soon", NOW));
        assertNull(RateLimitHeaders.retryAfter(" ", NOW));
    }

    @Test
    void anAbsurdWaitIsBoundedToAMonthlyWindow() {
        assertEquals(RateLimitHeaders.MAX_WAIT, RateLimitHeaders.retryAfter("9300000000000000", NOW));
        assertEquals(RateLimitHeaders.MAX_WAIT, RateLimitHeaders.retryAfter("Fri, 31 Dec 9999 23:59:59 GMT", NOW));
    }
}
