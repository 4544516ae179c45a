/** Implementation of the starter; not an API. */
package io.affinity.spring.boot.internal;
