/**
 * Reading the events Affinity sends to a webhook subscription's URL: {@link io.affinity.client.webhook.WebhookParser}
 * turns a delivery ({@code {type, body, sent_at}}) into a {@link io.affinity.client.webhook.WebhookEvent} whose body
 * type follows the event type. Subscriptions themselves are managed with
 * {@link io.affinity.client.AffinityClient#webhooks()}.
 */
package io.affinity.client.webhook;
