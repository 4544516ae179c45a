package io.affinity.client.paging;

import java.util.ArrayList;
import java.util.List;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The Reactive Streams TCK on the items of a {@link PagedFlux}: pages of up to three items, each fetched on
 * another thread, as the client's pages arrive on the event loop. Run by the JUnit Platform's TestNG engine.
 */
public class PagedFluxTckTest extends PublisherVerification<Long> {

    static final int PAGE_SIZE = 3;

    public PagedFluxTckTest() {
        super(new TestEnvironment(300, 20));
    }

    /** Items 0..count-1 (unbounded for {@code Long.MAX_VALUE}), {@code pageSize} to a page. */
    static PageFetcher<Long> items(long count, int pageSize) {
        return token -> Mono.fromSupplier(() -> {
                    long first = token == null ? 0 : Long.parseLong(token);
                    List<Long> items = new ArrayList<>();
                    for (long item = first; item < count && item - first < pageSize; item++) {
                        items.add(item);
                    }
                    long next = first + items.size();
                    return Page.of(items, next < count ? Long.toString(next) : null);
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        return PagedFlux.of(items(elements, PAGE_SIZE));
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
