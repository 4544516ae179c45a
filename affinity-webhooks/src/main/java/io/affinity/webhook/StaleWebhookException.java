package io.affinity.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * A webhook delivery whose {@code sent_at} is further from now than the parser's
 * {@link WebhookParser.Builder#maxAge(Duration) maxAge}: possibly a delivery captured and replayed later. Answer it
 * with a {@code 4xx} so that it is not processed.
 */
public final class StaleWebhookException extends WebhookPayloadException {

    private static final long serialVersionUID = 1L;

    private final Instant sentAt;
    private final Duration age;

    StaleWebhookException(String message, Instant sentAt, Duration age) {
        super(message, null);
        this.sentAt = sentAt;
        this.age = age;
    }

    /** @return when the delivery says it was sent */
    public Instant sentAt() {
        return sentAt;
    }

    /** @return how long before the parser's clock it was sent (negative when it claims to come from the future) */
    public Duration age() {
        return age;
    }
}
