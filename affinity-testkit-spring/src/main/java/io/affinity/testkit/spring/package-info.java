/** The testkit in Spring tests: {@link io.affinity.testkit.spring.WithAffinityMockServer}. */
package io.affinity.testkit.spring;
