package io.affinity.client.ratelimit;

import java.util.Objects;
import java.util.Optional;

/**
 * The latest rate limits the server reported: the per-minute window of the API key's user and the monthly
 * window of the organization. Either may be absent until a response has carried its headers.
 */
public final class RateLimitSnapshot {

    private static final RateLimitSnapshot EMPTY = new RateLimitSnapshot(null, null);

    private final Quota user;
    private final Quota org;

    private RateLimitSnapshot(Quota user, Quota org) {
        this.user = user;
        this.org = org;
    }

    /** @return a snapshot that knows no limits yet */
    public static RateLimitSnapshot empty() {
        return EMPTY;
    }

    /**
     * Creates a snapshot.
     *
     * @param user the user's per-minute window, or {@code null} when unknown
     * @param org  the organization's monthly window, or {@code null} when unknown
     * @return the snapshot
     */
    public static RateLimitSnapshot of(Quota user, Quota org) {
        return user == null && org == null ? EMPTY : new RateLimitSnapshot(user, org);
    }

    /** @return the per-minute window of the API key's user ({@code X-Ratelimit-Limit-User*}) */
    public Optional<Quota> user() {
        return Optional.ofNullable(user);
    }

    /** @return the monthly window of the organization ({@code X-Ratelimit-Limit-Org*}) */
    public Optional<Quota> org() {
        return Optional.ofNullable(org);
    }

    /** @return whether neither window is known */
    public boolean isEmpty() {
        return user == null && org == null;
    }

    /**
     * Combines this snapshot with a newer one: each window the newer one knows replaces this one's.
     *
     * @param newer the newer snapshot
     * @return the combined snapshot
     */
    public RateLimitSnapshot updatedWith(RateLimitSnapshot newer) {
        Objects.requireNonNull(newer, "newer");
        return of(newer.user != null ? newer.user : user, newer.org != null ? newer.org : org);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RateLimitSnapshot that
                && Objects.equals(user, that.user)
                && Objects.equals(org, that.org);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, org);
    }

    @Override
    public String toString() {
        return "RateLimitSnapshot{user=" + user + ", org=" + org + '}';
    }
}
