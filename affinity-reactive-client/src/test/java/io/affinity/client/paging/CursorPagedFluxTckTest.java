package io.affinity.client.paging;

import java.util.ArrayList;
import java.util.List;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The Reactive Streams TCK on the items of a {@link CursorPagedFlux} named by offsets: pages of up to three items
 * at offsets 0, 3, 6..., each fetched on another thread, ending at the first short page. Run by the JUnit
 * Platform's TestNG engine.
 */
public class CursorPagedFluxTckTest extends PublisherVerification<Long> {

    public CursorPagedFluxTckTest() {
        super(new TestEnvironment(300, 20));
    }

    /** Items 0..count-1 (unbounded for {@code Long.MAX_VALUE}) at offsets, {@code limit} to a page. */
    static CursorPageFetcher<Long, Long> offsets(long count, int limit) {
        return offset -> Mono.fromSupplier(() -> {
                    List<Long> items = new ArrayList<>();
                    for (long item = offset; item < count && item - offset < limit; item++) {
                        items.add(item);
                    }
                    return CursorPage.ofOffset(items, offset, limit, count);
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        return CursorPagedFlux.of(0L, offsets(elements, PagedFluxTckTest.PAGE_SIZE));
    }

    /**
     * None: a walk fetches nothing before demand, so it cannot fail before a request; a failing first page is
     * signalled as soon as it is requested (covered by the paging tests). The TCK skips the error-state tests.
     */
    @Override
    public Publisher<Long> createFailedPublisher() {
        return null;
    }
}
