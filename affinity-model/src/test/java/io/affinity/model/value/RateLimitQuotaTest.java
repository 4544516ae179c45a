package io.affinity.model.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.affinity.model.RateLimit;
import io.affinity.model.json.AffinityJson;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A rate-limit quota is a count or "unlimited", in every window, and is written back unchanged. */
class RateLimitQuotaTest {

    private static final String UNLIMITED_PLAN = """
      {"rate": {
        "org_monthly": {"limit": "unlimited", "remaining": "unlimited", "reset": 2124845, "used": 5120},
        "api_key_per_minute": {"limit": 900, "remaining": 897, "reset": 41, "used": 3}}}""";

    private final ObjectMapper mapper = AffinityJson.newObjectMapper();

    @Test
    void anUnlimitedMonthlyWindowDecodesAndIsWrittenBackUnchanged() throws Exception {
        RateLimit rateLimit = mapper.readValue(UNLIMITED_PLAN, RateLimit.class);
        RateLimitQuota limit = rateLimit.rate().orgMonthly().limit();
        assertTrue(limit.isUnlimited());
        assertEquals(OptionalLong.empty(), limit.count());
        assertEquals(Long.MAX_VALUE, rateLimit.rate().orgMonthly().remaining().countOr(Long.MAX_VALUE));
        assertEquals(
                OptionalLong.of(900), rateLimit.rate().apiKeyPerMinute().limit().count());
        assertEquals(897, rateLimit.rate().apiKeyPerMinute().remaining().countOr(-1));
        assertEquals(mapper.readTree(UNLIMITED_PLAN), mapper.readTree(mapper.writeValueAsString(rateLimit)));
    }

    @Test
    void everyWindowMayBeUnlimited() throws Exception {
        RateLimit rateLimit =
                mapper.readValue(UNLIMITED_PLAN.replace("\"limit\": 900", "\"limit\": \"unlimited\""), RateLimit.class);
        assertTrue(rateLimit.rate().apiKeyPerMinute().limit().isUnlimited());
        assertFalse(rateLimit.rate().apiKeyPerMinute().remaining().isUnlimited());
    }

    @Test
    void otherSpellingsAndNumericStringsAreReadAndKept() throws Exception {
        JsonNode json = mapper.readTree("{\"a\": \"Unlimited\", \"b\": \"40000\"}");
        RateLimitQuota a = mapper.treeToValue(json.get("a"), RateLimitQuota.class);
        RateLimitQuota b = mapper.treeToValue(json.get("b"), RateLimitQuota.class);
        assertTrue(a.isUnlimited());
        assertEquals(RateLimitQuota.unlimited(), a);
        assertEquals("\"Unlimited\"", mapper.writeValueAsString(a));
        assertEquals(OptionalLong.of(40000), b.count());
        assertEquals("\"40000\"", mapper.writeValueAsString(b));
        assertEquals(RateLimitQuota.of(40000), b);
        assertEquals("40000", mapper.writeValueAsString(RateLimitQuota.of(40000)));
    }

    @Test
    void anythingElseIsADecodingError() {
        assertThrows(ValueInstantiationException.class, () -> mapper.readValue("\"lots\"", RateLimitQuota.class));
        assertThrows(IllegalArgumentException.class, () -> RateLimitQuota.fromJson(true));
    }
}
