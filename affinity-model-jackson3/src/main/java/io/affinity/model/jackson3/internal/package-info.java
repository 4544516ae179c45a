/** Implementation of the Jackson 3 module; not an API. */
package io.affinity.model.jackson3.internal;
