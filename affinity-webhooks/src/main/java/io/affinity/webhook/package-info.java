/**
 * Reading the events Affinity sends to a webhook subscription's URL: {@link io.affinity.webhook.WebhookParser}
 * turns a delivery ({@code {type, body, sent_at}}) into a {@link io.affinity.webhook.WebhookDelivery} whose body
 * type follows the event type. Subscriptions themselves are managed with
 * {@code AffinityClient.webhooks()} of the reactive client.
 */
package io.affinity.webhook;
