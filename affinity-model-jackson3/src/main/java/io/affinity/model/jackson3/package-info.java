/** Jackson 3 support for the SDK's model types: {@link io.affinity.model.jackson3.AffinityJackson3Module}. */
package io.affinity.model.jackson3;
