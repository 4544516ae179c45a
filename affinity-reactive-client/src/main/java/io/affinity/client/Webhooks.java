package io.affinity.client;

import com.fasterxml.jackson.core.type.TypeReference;
import io.affinity.client.internal.ApiEngine;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.ResponseType;
import io.affinity.client.internal.check.Args;
import io.affinity.model.CreateWebhookSubscriptionRequest;
import io.affinity.model.UpdateWebhookSubscriptionRequest;
import io.affinity.model.WebhookSubscription;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Webhook subscriptions ({@code /webhook}): where Affinity sends events and which ones (at most three subscriptions
 * per Affinity instance). Reached with {@link AffinityClient#webhooks()}. To read the events Affinity sends, see
 * {@code WebhookParser} of {@code affinity-webhooks}. Argument errors fail the returned publisher with an
 * {@link IllegalArgumentException} naming the parameter before anything is sent; call failures arrive as
 * {@link io.affinity.client.error.AffinityException}s.
 */
public final class Webhooks {

    private static final ResponseType<List<WebhookSubscription>> SUBSCRIPTIONS =
            ResponseType.of(new TypeReference<>() {});
    private static final ResponseType<WebhookSubscription> SUBSCRIPTION = ResponseType.of(WebhookSubscription.class);

    private final ApiEngine engine;

    Webhooks(ApiEngine engine) {
        this.engine = engine;
    }

    /**
     * All webhook subscriptions of your organization: {@code GET /webhook} (not paged).
     *
     * @return the subscriptions
     */
    public Flux<WebhookSubscription> list() {
        return engine.mono(() -> ApiRequest.get("/webhook").build(), SUBSCRIPTIONS)
                .flatMapIterable(all -> all);
    }

    /**
     * One webhook subscription: {@code GET /webhook/{webhook_subscription_id}}.
     *
     * @param webhookSubscriptionId the subscription's id, positive
     * @return the subscription; fails with {@link io.affinity.client.error.NotFoundException} when there is none
     */
    public Mono<WebhookSubscription> get(long webhookSubscriptionId) {
        return engine.mono(
                () -> ApiRequest.get("/webhook/{webhook_subscription_id}")
                        .pathParam(
                                "webhook_subscription_id",
                                Args.positive("webhookSubscriptionId", webhookSubscriptionId))
                        .build(),
                SUBSCRIPTION);
    }

    /**
     * Subscribes a URL to events: {@code POST /webhook/subscribe}. Affinity calls the URL while creating the
     * subscription, and the creation fails when it does not answer validly.
     *
     * @param request {@code webhook_url}, an absolute http(s) URL, and the events ({@code subscriptions}; absent or
     *                empty means all events)
     * @return the created subscription; fails with {@link io.affinity.client.error.ValidationException} when the
     *         server refuses it (for example a fourth subscription)
     */
    public Mono<WebhookSubscription> create(CreateWebhookSubscriptionRequest request) {
        return engine.mono(
                () -> {
                    Args.notNull("request", request);
                    checkUrl(request.webhookUrl());
                    return ApiRequest.post("/webhook/subscribe")
                            .jsonBody(request)
                            .build();
                },
                SUBSCRIPTION);
    }

    /**
     * Changes a webhook subscription: {@code PUT /webhook/{webhook_subscription_id}}; fields left out are unchanged.
     * Only the subscription's creator can update it.
     *
     * @param webhookSubscriptionId the subscription's id, positive
     * @param request               the new {@code webhook_url} (an absolute http(s) URL), {@code subscriptions}
     *                              (empty means all events) and/or {@code disabled}
     * @return the updated subscription
     */
    public Mono<WebhookSubscription> update(long webhookSubscriptionId, UpdateWebhookSubscriptionRequest request) {
        return engine.mono(
                () -> {
                    Args.positive("webhookSubscriptionId", webhookSubscriptionId);
                    Args.notNull("request", request);
                    request.webhookUrl().ifPresent(Webhooks::checkUrl);
                    return ApiRequest.put("/webhook/{webhook_subscription_id}")
                            .pathParam("webhook_subscription_id", webhookSubscriptionId)
                            .jsonBody(request)
                            .build();
                },
                SUBSCRIPTION);
    }

    /**
     * Deletes a webhook subscription: {@code DELETE /webhook/{webhook_subscription_id}}. Only its creator or an admin
     * can delete it.
     *
     * @param webhookSubscriptionId the subscription's id, positive
     * @return completes when the server reported success; fails with
     *         {@link io.affinity.client.error.UnsuccessfulOperationException} on {@code {"success": false}}
     */
    public Mono<Void> delete(long webhookSubscriptionId) {
        return Deletion.send(
                engine,
                () -> ApiRequest.delete("/webhook/{webhook_subscription_id}")
                        .pathParam(
                                "webhook_subscription_id",
                                Args.positive("webhookSubscriptionId", webhookSubscriptionId))
                        .build());
    }

    private static void checkUrl(URI url) {
        Args.notNull("webhookUrl", url);
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        Args.check(
                url.isAbsolute() && url.getHost() != null && (scheme.equals("https") || scheme.equals("http")),
                "webhookUrl",
                "must be an absolute http(s) URL, was " + url);
    }
}
