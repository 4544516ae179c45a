package io.affinity.webhook;

/**
 * A webhook delivery that cannot be read: not JSON, not a {@code {type, body, sent_at}} object, or a body that does
 * not match its event type. The message says what is wrong; it quotes at most a short part of the payload.
 */
public class WebhookPayloadException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong
     * @param cause   the underlying failure, or {@code null}
     */
    public WebhookPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
