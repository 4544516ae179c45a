/**
 * The exceptions of the Affinity client. All are unchecked and extend
 * {@link io.affinity.client.error.AffinityException}, which names the method, path and status of the call.
 */
package io.affinity.client.error;
