/**
 * Argument checks shared by the client's public builders and resources: each failure is an
 * {@link java.lang.IllegalArgumentException} that names the parameter. Internal API: not exported.
 */
package io.affinity.client.internal.check;
