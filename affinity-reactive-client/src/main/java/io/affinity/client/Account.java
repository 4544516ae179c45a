package io.affinity.client;

import io.affinity.client.internal.ApiEngine;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.ResponseType;
import io.affinity.model.RateLimit;
import io.affinity.model.Whoami;
import reactor.core.publisher.Mono;

/**
 * The calls about the API key itself, offered as {@link AffinityClient#whoami()} and
 * {@link AffinityClient#fetchRateLimits()}.
 */
final class Account {

    private static final ResponseType<Whoami> WHOAMI = ResponseType.of(Whoami.class);
    private static final ResponseType<RateLimit> RATE_LIMIT = ResponseType.of(RateLimit.class);

    private final ApiEngine engine;

    Account(ApiEngine engine) {
        this.engine = engine;
    }

    Mono<Whoami> whoami() {
        return engine.mono(() -> ApiRequest.get("/auth/whoami").build(), WHOAMI);
    }

    Mono<RateLimit> fetchRateLimits() {
        return engine.mono(() -> ApiRequest.get("/rate-limit").build(), RATE_LIMIT);
    }
}
