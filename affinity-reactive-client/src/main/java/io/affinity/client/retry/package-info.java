/** Retry settings of the Affinity client: {@link io.affinity.client.retry.RetryOptions}. */
package io.affinity.client.retry;
