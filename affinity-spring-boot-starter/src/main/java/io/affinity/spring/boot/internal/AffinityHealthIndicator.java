package io.affinity.spring.boot.internal;

import io.affinity.client.AffinityClient;
import io.affinity.client.ratelimit.Quota;
import io.affinity.client.ratelimit.RateLimitSnapshot;
import io.affinity.model.Whoami;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * The {@code affinity} health: UP when the last {@code whoami} succeeded, with the rate limits last reported
 * ({@code client.rateLimitSnapshot()}, no call). {@code whoami} is called at most once per interval, however many
 * checks run; in between the cached result is reported. Never blocks. The details never carry the API key.
 */
public final class AffinityHealthIndicator implements ReactiveHealthIndicator {

    private static final Duration WHOAMI_TIMEOUT = Duration.ofSeconds(10);

    private final AffinityClient client;
    private final Duration interval;
    private final AtomicReference<Check> last = new AtomicReference<>();

    /**
     * @param client   the client
     * @param interval the shortest time between two whoami calls
     */
    public AffinityHealthIndicator(AffinityClient client, Duration interval) {
        this.client = client;
        this.interval = interval;
    }

    @Override
    public Mono<Health> health() {
        return Mono.defer(() -> current().result()).map(this::toHealth);
    }

    private Check current() {
        while (true) {
            Check check = last.get();
            Instant now = Instant.now();
            if (check != null && now.isBefore(check.startedAt().plus(interval))) {
                return check;
            }
            Check next = new Check(
                    now,
                    client.whoami()
                            .timeout(WHOAMI_TIMEOUT)
                            .map(whoami -> new Cached(now, Optional.of(whoami), null))
                            // the client's messages carry method, path and status, never the API key
                            .onErrorResume(e -> Mono.just(new Cached(
                                    now, Optional.empty(), e.getClass().getSimpleName() + ": " + e.getMessage())))
                            .defaultIfEmpty(new Cached(now, Optional.empty(), "whoami answered without a body"))
                            .cache());
            if (last.compareAndSet(check, next)) {
                return next;
            }
        }
    }

    private Health toHealth(Cached result) {
        Health.Builder health = result.failure() == null ? Health.up() : Health.down();
        result.whoami().ifPresent(whoami -> {
            health.withDetail("tenant", whoami.tenant().name());
            health.withDetail("grant", whoami.grant().type());
        });
        if (result.failure() != null) {
            health.withDetail("error", result.failure());
        }
        health.withDetail("checkedAt", result.at().toString());
        RateLimitSnapshot limits = client.rateLimitSnapshot();
        limits.user().ifPresent(quota -> health.withDetail("userRateLimit", quota(quota)));
        limits.org().ifPresent(quota -> health.withDetail("orgRateLimit", quota(quota)));
        return health.build();
    }

    private static Map<String, Object> quota(Quota quota) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("limit", quota.unlimited() ? "unlimited" : quota.limit());
        details.put("remaining", quota.unlimited() ? "unlimited" : quota.remaining());
        details.put("resetsAt", quota.resetsAt().toString());
        return details;
    }

    private record Check(Instant startedAt, Mono<Cached> result) {}

    private record Cached(Instant at, Optional<Whoami> whoami, String failure) {}
}
