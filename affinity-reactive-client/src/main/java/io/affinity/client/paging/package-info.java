/**
 * Demand-driven pagination: {@link io.affinity.client.paging.PagedFlux} and its
 * {@link io.affinity.client.paging.Page}s.
 */
package io.affinity.client.paging;
