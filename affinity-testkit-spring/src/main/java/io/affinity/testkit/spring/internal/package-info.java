/** Implementation of {@code @WithAffinityMockServer}; not an API. */
package io.affinity.testkit.spring.internal;
