package io.affinity.spring.boot.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing {@code affinity.api-key} into a one-line start-up failure instead of a stack trace. */
public final class MissingApiKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingApiKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingApiKeyException cause) {
        return new FailureAnalysis(
                "The property affinity.api-key is missing or blank: the Affinity client needs an " + "API key.",
                "Set affinity.api-key, for example with the environment variable AFFINITY_API_KEY.",
                cause);
    }
}
