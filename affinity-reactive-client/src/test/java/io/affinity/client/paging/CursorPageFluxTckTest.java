package io.affinity.client.paging;

import java.util.List;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The Reactive Streams TCK on {@link CursorPagedFlux#byPage()} named by page numbers: one item a page, pages
 * 1..n of n, so that a publisher of {@code n} elements is a walk of {@code n} pages, each fetched on another
 * thread. Run by the JUnit Platform's TestNG engine.
 */
public class CursorPageFluxTckTest extends PublisherVerification<CursorPage<Integer, Integer>> {

    public CursorPageFluxTckTest() {
        super(new TestEnvironment(300, 20));
    }

    @Override
    public Publisher<CursorPage<Integer, Integer>> createPublisher(long elements) {
        int totalPages = (int) Math.min(Integer.MAX_VALUE, elements);
        return CursorPagedFlux.<Integer, Integer>of(
                        1,
                        page -> Mono.fromSupplier(() -> CursorPage.ofPageNumber(List.of(page), page, totalPages))
                                .subscribeOn(Schedulers.boundedElastic()))
                .byPage();
    }

    @Override
    public long maxElementsFromPublisher() {
        return Integer.MAX_VALUE;
    }

    /**
     * None: a walk fetches nothing before demand, so it cannot fail before a request; a failing first page is
     * signalled as soon as it is requested (covered by the paging tests). The TCK skips the error-state tests.
     */
    @Override
    public Publisher<CursorPage<Integer, Integer>> createFailedPublisher() {
        return null;
    }
}
