package io.affinity.spring.boot;

import io.affinity.client.AffinityClientBuilder;

/** Customizes the auto-configured client's builder after the {@code affinity.*} properties were applied. */
@FunctionalInterface
public interface AffinityClientBuilderCustomizer {

    /** @param builder the builder of the client bean */
    void customize(AffinityClientBuilder builder);
}
