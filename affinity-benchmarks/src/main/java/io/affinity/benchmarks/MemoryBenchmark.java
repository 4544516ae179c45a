package io.affinity.benchmarks;

import io.affinity.model.wire.ListEntriesPage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The live heap while a slow consumer on its own thread streams 100,000 and 1,000,000 list entries with the SDK,
 * and 100,000 with every peer of {@link Peers}. The consumer takes the stream through {@code publishOn} a single thread (its
 * default prefetch: at most 256 items, half a page, wait in its queue; a prefetch of 1 would make every item a
 * thread wake-up), requests one item at a time and spins 20 µs per item, slower than any producer here, so that
 * whatever a variant reads ahead piles up where the samples see it. A sampler thread forces a full
 * collection every {@value #SAMPLE_MILLIS} ms and reads the heap in use, which is then the live set. The baseline
 * is the live heap with everything in place (client, stream assembled, consumer, sampler) just before the
 * subscription; the figure is the peak above it, also in decoded pages: the live size of one page of 500 of the
 * SDK's model types, measured by holding eight of them.
 */
final class MemoryBenchmark {

    private static final long SAMPLE_MILLIS = Long.getLong("bench.memory.sampleMillis", 250);
    private static final long DELAY_NANOS = Long.getLong("bench.memory.delayNanos", 20_000);
    /** The list sizes the SDK streams; {@code -Dbench.memory.sizes=100000,1000000,4000000} adds one. */
    private static final long[] SIZES = sizes("bench.memory.sizes", "100000,1000000");
    /** The list sizes the peers stream (a million entries take minutes each at the consumer's pace). */
    private static final long[] PEER_SIZES = sizes("bench.memory.peerSizes", "100000");

    private static final int PAGES_FOR_PAGE_SIZE = 8;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private record Sampled(long baseline, long peak, int samples, double seconds) {
        long peakAboveBaseline() {
            return peak - baseline;
        }
    }

    List<String> run() throws IOException, InterruptedException {
        System.out.printf(
                "%n# Memory: a consumer on its own thread, one item at a time, %,d ns of work per item;"
                        + " live heap sampled every %d ms%n",
                DELAY_NANOS, SAMPLE_MILLIS);
        List<String> rows = new ArrayList<>();
        try (StubProcess stub = new StubProcess();
                Peers peers = new Peers(stub.baseUrl())) {
            long pageBytes = decodedPageBytes(peers.raw());
            System.out.printf("one decoded page of 500 entries (SDK model) holds %.2f MiB%n", mib(pageBytes));
            for (Peers.Peer peer : peers.all()) {
                stream(peer, 5_000); // warms the path up; its numbers are not used
                Sampled first = null;
                Sampled last = null;
                StringBuilder figures = new StringBuilder();
                for (long size : peer.goal().isEmpty() ? SIZES : PEER_SIZES) {
                    last = stream(peer, size);
                    first = first == null ? last : first;
                    figures.append(figures.isEmpty() ? "" : "; ")
                            .append(String.format(
                                    "%,d: %.2f MiB (%.1f pages)",
                                    size,
                                    mib(last.peakAboveBaseline()),
                                    (double) last.peakAboveBaseline() / pageBytes));
                }
                long growth = last.peakAboveBaseline() - first.peakAboveBaseline();
                rows.add(ThroughputBenchmark.row(
                        "2. memory, " + peer.name(),
                        figures.toString(),
                        peer.goal().isEmpty() ? "≤ 2 pages, flat" : "",
                        (first == last ? "" : String.format("growth %+.2f MiB; ", mib(growth)))
                                + String.format(
                                        "baseline %.1f MiB; %d samples in %.1f s at the largest size",
                                        mib(last.baseline()), last.samples(), last.seconds())));
            }
            rows.add(ThroughputBenchmark.row(
                    "2. memory, one decoded page",
                    String.format("%.2f MiB", mib(pageBytes)),
                    "",
                    "500 entries of the SDK's model, the unit of the pages above"));
        }
        rows.forEach(System.out::println);
        return rows;
    }

    private static Sampled stream(Peers.Peer peer, long items) throws InterruptedException {
        Scheduler consumerThread = Schedulers.newSingle("slow-consumer");
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "heap-sampler");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Flux<Long> stream = peer.ids().apply(items).publishOn(consumerThread);
            SlowConsumer consumer = new SlowConsumer();
            AtomicLong peak = new AtomicLong();
            AtomicLong samples = new AtomicLong();
            List<Long> trace = java.util.Collections.synchronizedList(new ArrayList<>());
            liveHeap(); // a first full collection settles what the previous run left to finalize
            long baseline = liveHeap();
            long start = System.nanoTime();
            sampler.scheduleWithFixedDelay(
                    () -> {
                        long live = liveHeap();
                        trace.add(live);
                        peak.accumulateAndGet(live, Math::max);
                        samples.incrementAndGet();
                    },
                    SAMPLE_MILLIS,
                    SAMPLE_MILLIS,
                    TimeUnit.MILLISECONDS);
            stream.subscribe(consumer);
            if (!consumer.done.await(10, TimeUnit.MINUTES)) {
                consumer.dispose();
                throw new IllegalStateException(peer.name() + ": the stream of " + items + " did not finish");
            }
            sampler.shutdown();
            sampler.awaitTermination(1, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (consumer.error != null) {
                throw new IllegalStateException(peer.name() + ": the stream of " + items + " failed", consumer.error);
            }
            ThroughputBenchmark.check(peer, items, new long[] {consumer.count, consumer.idSum});
            Sampled sampled = new Sampled(baseline, Math.max(baseline, peak.get()), (int) samples.get(), seconds);
            if (items > 5_000) {
                System.out.printf(
                        "%s, %,d entries: baseline %.2f MiB, peak live %.2f MiB (+%.2f MiB) over %d samples, %.1f s%n",
                        peer.name(),
                        items,
                        mib(baseline),
                        mib(sampled.peak()),
                        mib(sampled.peakAboveBaseline()),
                        sampled.samples(),
                        seconds);
                double[] above =
                        trace.stream().mapToDouble(live -> mib(live - baseline)).toArray();
                System.out.println(
                        "  samples above the baseline: " + Stats.of(above).spread("%.2f") + " MiB");
            }
            return sampled;
        } finally {
            sampler.shutdownNow();
            consumerThread.dispose();
        }
    }

    /** The heap one decoded page keeps alive, from the live heap before and after holding a few of them. */
    private static long decodedPageBytes(PlainListEntries plain) {
        List<ListEntriesPage> held = new ArrayList<>();
        long listId = 100_000;
        plain.page(listId, null).block(Duration.ofSeconds(30)); // warm-up, not held
        long before = liveHeap();
        for (int i = 0; i < PAGES_FOR_PAGE_SIZE; i++) {
            held.add(plain.page(listId, ListEntriesStub.PageToken.of(i * 500L)).block(Duration.ofSeconds(30)));
        }
        long after = liveHeap();
        if (held.stream().mapToInt(page -> page.listEntries().size()).sum() != PAGES_FOR_PAGE_SIZE * 500) {
            throw new IllegalStateException("unexpected page sizes");
        }
        return (after - before) / PAGES_FOR_PAGE_SIZE;
    }

    private static long[] sizes(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split(","))
                .mapToLong(size -> Long.parseLong(size.trim()))
                .sorted()
                .toArray();
    }

    static long liveHeap() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** Requests one entry at a time and spends {@link #DELAY_NANOS} on each, on the consumer's thread. */
    private static final class SlowConsumer extends BaseSubscriber<Long> {

        final CountDownLatch done = new CountDownLatch(1);
        long count;
        long idSum;
        volatile Throwable error;

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(1);
        }

        @Override
        protected void hookOnNext(Long id) {
            count++;
            idSum += id;
            long until = System.nanoTime() + DELAY_NANOS;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
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
