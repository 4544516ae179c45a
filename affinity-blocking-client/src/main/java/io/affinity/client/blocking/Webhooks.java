package io.affinity.client.blocking;

import io.affinity.model.CreateWebhookSubscriptionRequest;
import io.affinity.model.UpdateWebhookSubscriptionRequest;
import io.affinity.model.WebhookSubscription;
import java.util.List;

/**
 * Webhook subscriptions ({@code /webhook}): where Affinity sends events and which ones (at most three subscriptions per Affinity instance).
 *
 * <p>Blocking twin of {@link io.affinity.client.Webhooks}: the same methods and arguments, returning values.
 * Arguments are checked before anything is sent ({@link IllegalArgumentException} naming the
 * parameter); call failures are thrown as the reactive client's
 * {@link io.affinity.client.error.AffinityException} types.
 */
public final class Webhooks {

    private final io.affinity.client.Webhooks reactive;

    Webhooks(io.affinity.client.Webhooks reactive) {
        this.reactive = reactive;
    }

    /**
     * All webhook subscriptions of your organization: {@code GET /webhook} (not paged).
     *
     * @return the subscriptions
     */
    public List<WebhookSubscription> list() {
        return Blocking.list(reactive.list());
    }

    /**
     * One webhook subscription: {@code GET /webhook/{webhook_subscription_id}}.
     *
     * @param webhookSubscriptionId the subscription's id, positive
     * @return the subscription; throws {@link io.affinity.client.error.NotFoundException} when there is none
     */
    public WebhookSubscription get(long webhookSubscriptionId) {
        return Blocking.call(reactive.get(webhookSubscriptionId));
    }

    /**
     * Subscribes a URL to events: {@code POST /webhook/subscribe}. Affinity calls the URL while creating the
     * subscription, and the creation fails when it does not answer validly.
     *
     * @param request {@code webhook_url}, an absolute http(s) URL, and the events ({@code subscriptions}; absent or
     *                empty means all events)
     * @return the created subscription; throws {@link io.affinity.client.error.ValidationException} when the
     *         server refuses it (for example a fourth subscription)
     */
    public WebhookSubscription create(CreateWebhookSubscriptionRequest request) {
        return Blocking.call(reactive.create(request));
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
    public WebhookSubscription update(long webhookSubscriptionId, UpdateWebhookSubscriptionRequest request) {
        return Blocking.call(reactive.update(webhookSubscriptionId, request));
    }

    /**
     * Deletes a webhook subscription: {@code DELETE /webhook/{webhook_subscription_id}}. Only its creator or an admin
     * can delete it.
     *
     * @param webhookSubscriptionId the subscription's id, positive
     * @throws io.affinity.client.error.UnsuccessfulOperationException on {@code {"success": false}}
     */
    public void delete(long webhookSubscriptionId) {
        Blocking.run(reactive.delete(webhookSubscriptionId));
    }
}
