/**
 * The client's engine. Not API: the public types here serve the resource classes of the client modules and may
 * change in any release.
 */
package io.affinity.client.internal;
