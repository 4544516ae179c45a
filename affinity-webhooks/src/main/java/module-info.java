/**
 * Typed Affinity webhook deliveries: {@link io.affinity.webhook.WebhookParser}. Depends on the model only.
 */
module io.affinity.webhook {
    requires transitive io.affinity.model;

    exports io.affinity.webhook;
}
