package io.affinity.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A number of calls of a rate-limit window ({@code limit} or {@code remaining} of {@code GET /rate-limit}):
 * a count, or unlimited. Accounts on plans without a monthly cap answer the string {@code "unlimited"}
 * where the reference documents an integer.
 *
 * <p>Decoding accepts a JSON integer, the string {@code "unlimited"} (any letter case) and a string holding
 * an integer; the value is written back exactly as it was read.
 */
public final class RateLimitQuota {

    /** The text the API sends for a window without a cap. */
    public static final String UNLIMITED_TEXT = "unlimited";

    private static final RateLimitQuota UNLIMITED = new RateLimitQuota(-1, UNLIMITED_TEXT);

    private final long count;
    /** What to write back: a Long for a count, the original String otherwise; for unlimited, the text. */
    private final Object json;

    private RateLimitQuota(long count, Object json) {
        this.count = count;
        this.json = json;
    }

    /**
     * @param count the number of calls
     * @return a quota that is this count
     */
    public static RateLimitQuota of(long count) {
        return new RateLimitQuota(count, count);
    }

    /** @return the quota of a window without a cap, written as {@code "unlimited"} */
    public static RateLimitQuota unlimited() {
        return UNLIMITED;
    }

    /**
     * Reads the JSON value of a quota.
     *
     * @param value an integral number, {@code "unlimited"}, or a string holding an integer
     * @return the quota
     * @throws IllegalArgumentException when the value is none of these
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RateLimitQuota fromJson(Object value) {
        Objects.requireNonNull(value, "value");
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return of(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return new RateLimitQuota(big.longValueExact(), big);
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            BigDecimal decimal = new BigDecimal(value.toString());
            return new RateLimitQuota(decimal.longValueExact(), value);
        }
        if (value instanceof String text) {
            String trimmed = text.trim();
            if (trimmed.toLowerCase(Locale.ROOT).equals(UNLIMITED_TEXT)) {
                return text.equals(UNLIMITED_TEXT) ? UNLIMITED : new RateLimitQuota(-1, text);
            }
            try {
                return new RateLimitQuota(Long.parseLong(trimmed), text);
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException(
                        "value: a rate-limit quota is an integer or \"unlimited\", was \"" + text + "\"");
            }
        }
        throw new IllegalArgumentException("value: a rate-limit quota is an integer or \"unlimited\", was "
                + value.getClass().getSimpleName());
    }

    /** @return the value as it is written to JSON: the number, or the text it was read from */
    @JsonValue
    public Object toJson() {
        return json;
    }

    /** @return whether the window has no cap */
    public boolean isUnlimited() {
        return count < 0 && json instanceof String text && text.trim().equalsIgnoreCase(UNLIMITED_TEXT);
    }

    /** @return the count, or empty when unlimited */
    public OptionalLong count() {
        return isUnlimited() ? OptionalLong.empty() : OptionalLong.of(count);
    }

    /**
     * @param whenUnlimited what to return for an unlimited quota, for example {@link Long#MAX_VALUE}
     * @return the count, or {@code whenUnlimited}
     */
    public long countOr(long whenUnlimited) {
        return isUnlimited() ? whenUnlimited : count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RateLimitQuota that
                && that.isUnlimited() == isUnlimited()
                && (isUnlimited() || that.count == count);
    }

    @Override
    public int hashCode() {
        return isUnlimited() ? -1 : Long.hashCode(count);
    }

    @Override
    public String toString() {
        return isUnlimited() ? UNLIMITED_TEXT : Long.toString(count);
    }
}
