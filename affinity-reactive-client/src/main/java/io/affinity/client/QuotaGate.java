package io.affinity.client;

import io.affinity.client.ratelimit.Quota;
import io.affinity.client.ratelimit.RateLimitException;
import io.affinity.client.ratelimit.RateLimitOptions;
import io.affinity.client.ratelimit.RateLimitSnapshot;
import io.affinity.client.recipes.QuotaExceededException;
import io.affinity.client.recipes.QuotaPlan;
import io.affinity.client.recipes.QuotaPolicy;
import io.affinity.model.RateLimit;
import io.affinity.model.value.RateLimitQuota;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The quota plan every recipe makes before its work: the requests it needs against the limits of
 * {@code GET /rate-limit} (exempt from the monthly quota), then the work, a refusal or a warning. When the limiter
 * refuses even that call because the month was reported used up, the plan has nothing left.
 */
final class QuotaGate {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaGate.class);

    private final Supplier<Mono<RateLimit>> limits;

    QuotaGate(Supplier<Mono<RateLimit>> limits) {
        this.limits = limits;
    }

    /**
     * @param method         the HTTP method of the work's first request (for the refusal)
     * @param path           its path
     * @param requestsNeeded the requests the work sends, without retries
     * @param policy         refuse or warn when the plan does not fit
     * @param onPlan         told the plan before the work starts
     * @param work           the work, subscribed only when the plan fits or the policy warns
     * @return the work's items, or a {@link QuotaExceededException} before any request of the work
     */
    <T> Flux<T> guard(
            String method,
            String path,
            long requestsNeeded,
            QuotaPolicy policy,
            Consumer<QuotaPlan> onPlan,
            Supplier<Flux<T>> work) {
        return limits.get()
                .map(rateLimit -> plan(requestsNeeded, rateLimit))
                .onErrorResume(
                        RateLimitException.class,
                        refused -> monthUsedUp(requestsNeeded, refused.limits())
                                .map(Mono::just)
                                .orElseGet(() -> Mono.error(refused)))
                .flatMapMany(plan -> {
                    onPlan.accept(plan);
                    if (!plan.fits()) {
                        if (policy == QuotaPolicy.REFUSE) {
                            return Flux.error(new QuotaExceededException(method, path, plan));
                        }
                        LOG.warn(
                                "{} {}: going on although the monthly quota cannot cover the work: {}",
                                method,
                                path,
                                plan);
                    }
                    return work.get();
                });
    }

    /**
     * The plan when the client's limiter refused even {@code GET /rate-limit} because an earlier answer reported
     * the month used up: nothing left.
     */
    private static Optional<QuotaPlan> monthUsedUp(long requestsNeeded, RateLimitSnapshot limits) {
        return limits.org()
                .filter(Quota::exhausted)
                .map(org -> new QuotaPlan(
                        requestsNeeded,
                        limits.user()
                                .filter(user -> !user.unlimited() && user.limit() > 0)
                                .map(Quota::limit)
                                .orElse((long) RateLimitOptions.defaults().requestsPerMinute()),
                        OptionalLong.of(0)));
    }

    private static QuotaPlan plan(long requestsNeeded, RateLimit limits) {
        RateLimitQuota perMinute = limits.rate().apiKeyPerMinute().limit();
        RateLimitQuota monthly = limits.rate().orgMonthly().remaining();
        return new QuotaPlan(
                requestsNeeded,
                Math.max(1, perMinute.countOr(Integer.MAX_VALUE)),
                monthly.isUnlimited() ? OptionalLong.empty() : OptionalLong.of(monthly.countOr(0)));
    }
}
