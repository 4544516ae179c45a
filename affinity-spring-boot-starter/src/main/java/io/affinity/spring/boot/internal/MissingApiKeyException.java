package io.affinity.spring.boot.internal;

/** The {@code affinity.api-key} property is missing or blank; {@link MissingApiKeyFailureAnalyzer} explains it. */
public final class MissingApiKeyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public MissingApiKeyException() {
        super("affinity.api-key is not set: the Affinity client needs an API key");
    }
}
