package io.affinity.benchmarks;

import io.affinity.client.AffinityClient;
import io.affinity.model.ListEntry;
import io.affinity.model.wire.ListEntriesPage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

/**
 * The live heap while the SDK streams 100,000 and then 1,000,000 list entries to a subscriber that requests
 * one item at a time. Every {@value #SAMPLE_EVERY} items the subscriber forces a full collection and reads the
 * heap in use, which is then the live set; the interval is not a multiple of the page size, so the samples
 * fall at every position inside a page. The figures are the peak above the baseline taken before the stream,
 * also expressed in decoded pages of 500 entries.
 */
final class MemoryBenchmark {

    private static final int SAMPLE_EVERY = 10_007;
    private static final long SMALL_LIST = 100_000;
    /** The list sizes streamed, smallest first; {@code -Dbench.memory.sizes=100000,1000000,4000000} adds one. */
    private static final long[] SIZES = java.util.Arrays.stream(
                    System.getProperty("bench.memory.sizes", "100000,1000000").split(","))
            .mapToLong(size -> Long.parseLong(size.trim()))
            .sorted()
            .toArray();

    private static final int PAGES_FOR_PAGE_SIZE = 8;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private record Run(long items, int samples, long baseline, long peak, double seconds) {
        long peakAboveBaseline() {
            return peak - baseline;
        }
    }

    List<String> run() throws InterruptedException {
        System.out.printf("%n# Memory: one item at a time, live heap sampled every %,d items%n", SAMPLE_EVERY);
        try (ListEntriesStub stub = new ListEntriesStub(ListEntriesStub.PLENTY_PER_MINUTE, false);
                AffinityClient client = AffinityClient.builder()
                        .apiKey(Benchmarks.API_KEY)
                        .baseUrl(stub.baseUrl())
                        .build();
                PlainListEntries plain =
                        new PlainListEntries(stub.baseUrl(), Benchmarks.API_KEY, ThroughputBenchmark.PAGE_SIZE)) {
            long pageBytes = decodedPageBytes(plain);
            System.out.printf("one decoded page of 500 entries holds %.2f MiB%n", mib(pageBytes));
            stream(client, 20_000); // warms the path up; its numbers are not used
            List<String> rows = new ArrayList<>();
            Run first = null;
            Run last = null;
            for (long size : SIZES) {
                last = stream(client, size);
                first = first == null ? last : first;
                rows.add(ThroughputBenchmark.row(
                        String.format("2. memory, %,d entries", size),
                        describe(last, pageBytes),
                        size == SIZES[SIZES.length - 1] ? "≤ 2 pages, no growth" : "",
                        detail(last)));
            }
            long growth = last.peakAboveBaseline() - first.peakAboveBaseline();
            rows.add(ThroughputBenchmark.row(
                    String.format("2. memory, growth %,d → %,d", first.items(), last.items()),
                    String.format("%+.2f MiB (%+.1f pages)", mib(growth), (double) growth / pageBytes),
                    "≈ 0",
                    String.format("one decoded page of 500 = %.2f MiB", mib(pageBytes))));
            return rows;
        }
    }

    private static String describe(Run run, long pageBytes) {
        return String.format(
                "peak live %.2f MiB above baseline (%.1f pages)",
                mib(run.peakAboveBaseline()), (double) run.peakAboveBaseline() / pageBytes);
    }

    private static String detail(Run run) {
        return String.format(
                "baseline %.1f MiB, peak %.1f MiB, %d samples, %,.0f items/s incl. GCs",
                mib(run.baseline()), mib(run.peak()), run.samples(), run.items() / run.seconds());
    }

    private static Run stream(AffinityClient client, long listId) throws InterruptedException {
        liveHeap(); // a first full collection settles what the previous run left to finalize
        long baseline = liveHeap();
        OneAtATime subscriber = new OneAtATime();
        long start = System.nanoTime();
        client.listEntries().list(listId).subscribe(subscriber);
        if (!subscriber.done.await(10, TimeUnit.MINUTES)) {
            subscriber.dispose();
            throw new IllegalStateException("the stream of list " + listId + " did not finish");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (subscriber.error != null) {
            throw new IllegalStateException("the stream of list " + listId + " failed", subscriber.error);
        }
        if (subscriber.count != listId) {
            throw new IllegalStateException("streamed " + subscriber.count + " entries of " + listId);
        }
        Run run = new Run(subscriber.count, subscriber.samples, baseline, subscriber.peak, seconds);
        if (listId >= SMALL_LIST) {
            System.out.printf(
                    "%,d entries: baseline %.2f MiB, peak live %.2f MiB (+%.2f MiB) over %d samples, " + "%.1f s%n",
                    listId, mib(baseline), mib(run.peak()), mib(run.peakAboveBaseline()), run.samples(), seconds);
        }
        return run;
    }

    /** The heap one decoded page keeps alive, from the live heap before and after holding a few of them. */
    private static long decodedPageBytes(PlainListEntries plain) {
        List<ListEntriesPage> held = new ArrayList<>();
        plain.page(SMALL_LIST, null).block(Duration.ofSeconds(30)); // warm-up, not held
        long before = liveHeap();
        for (int i = 0; i < PAGES_FOR_PAGE_SIZE; i++) {
            held.add(plain.page(SMALL_LIST, ListEntriesStub.PageToken.of(i * 500L))
                    .block(Duration.ofSeconds(30)));
        }
        long after = liveHeap();
        if (held.stream().mapToInt(page -> page.listEntries().size()).sum() != PAGES_FOR_PAGE_SIZE * 500) {
            throw new IllegalStateException("unexpected page sizes");
        }
        return (after - before) / PAGES_FOR_PAGE_SIZE;
    }

    static long liveHeap() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** Requests one entry at a time and samples the live heap as it goes. */
    private static final class OneAtATime extends BaseSubscriber<ListEntry> {

        final CountDownLatch done = new CountDownLatch(1);
        long count;
        int samples;
        long peak;
        volatile Throwable error;

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(1);
        }

        @Override
        protected void hookOnNext(ListEntry entry) {
            count++;
            if (count % SAMPLE_EVERY == 0) {
                peak = Math.max(peak, liveHeap());
                samples++;
            }
            request(1);
        }

        @Override
        protected void hookOnError(Throwable failure) {
            error = failure;
        }

        @Override
        protected void hookFinally(reactor.core.publisher.SignalType type) {
            done.countDown();
        }
    }
}
