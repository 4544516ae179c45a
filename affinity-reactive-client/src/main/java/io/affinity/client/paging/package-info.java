/**
 * Demand-driven pagination: {@link io.affinity.client.paging.PagedFlux} and its
 * {@link io.affinity.client.paging.Page}s for Affinity's paged calls, over one paging core that is generic over
 * how the next page is named, {@link io.affinity.client.paging.CursorPagedFlux}.
 *
 * <p>Every walk fetches a page only when its subscriber has asked for more items than it holds, keeps at most one
 * page in flight, cancels the request in flight when cancelled, fails when a page names a cursor the walk has
 * already fetched, and fails after a bounded number of empty pages in a row that each name a next page. Each
 * page names the cursor of the next one ({@link io.affinity.client.paging.CursorPage#nextCursor()}); a page
 * that names none ends the walk. The schemes:
 *
 * <ul>
 *   <li><b>Token</b> (Affinity): the first page is fetched without a token, each page carries the token of the
 *       next one ({@code next_page_token}), the last page carries none: {@link io.affinity.client.paging.Page},
 *       {@link io.affinity.client.paging.PageFetcher}, {@link io.affinity.client.paging.PagedFlux}.
 *   <li><b>Page number</b> ({@code page}, {@code per_page}, {@code total_pages}): the first cursor is page 1,
 *       the next is {@code page + 1} while {@code page < total_pages}:
 *       {@link io.affinity.client.paging.CursorPage#ofPageNumber(java.util.List, int, int)}. Taking
 *       {@code page} from the response body lets the loop guard catch a server that answers the same page again.
 *   <li><b>Offset</b> ({@code skip}/{@code limit}, or {@code offset}/{@code limit}): the first cursor is offset
 *       0, the next is the offset after this page's items, until a short (or empty) page or, when the source
 *       says how many items it has, the total:
 *       {@link io.affinity.client.paging.CursorPage#ofOffset(java.util.List, long, int, long)}. A source without
 *       a total costs one more request when its size is a multiple of the limit (the empty page that ends it).
 * </ul>
 */
package io.affinity.client.paging;
