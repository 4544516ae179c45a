package io.affinity.client.paging;

import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;

/**
 * The Reactive Streams TCK on {@link PagedFlux#byPage()}: one item a page, so that a publisher of {@code n}
 * elements is a walk of {@code n} pages, each fetched on another thread. Run by the JUnit Platform's TestNG engine.
 */
public class PageFluxTckTest extends PublisherVerification<Page<Long>> {

    public PageFluxTckTest() {
        super(new TestEnvironment(300, 20));
    }

    @Override
    public Publisher<Page<Long>> createPublisher(long elements) {
        return PagedFlux.of(PagedFluxTckTest.items(elements, 1)).byPage();
    }

    /**
     * None: a walk fetches nothing before demand, so it cannot fail before a request; a failing first page is
     * signalled as soon as it is requested (covered by the paging tests). The TCK skips the error-state tests.
     */
    @Override
    public Publisher<Page<Long>> createFailedPublisher() {
        return null;
    }
}
