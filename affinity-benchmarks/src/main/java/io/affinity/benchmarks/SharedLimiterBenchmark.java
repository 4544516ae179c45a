package io.affinity.benchmarks;

import io.affinity.client.AffinityClient;
import io.affinity.client.ratelimit.redis.RedisRateLimiter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Four clients, each with its own {@link RedisRateLimiter} of one name (the processes of one service sharing an API
 * key), each demanding the stub's whole limit, {@value #LIMIT_PER_MINUTE} requests a minute, for two fixed one-minute
 * windows. Without a shared limiter they would send four times the limit. The share is the requests the server
 * accepted in the two windows over twice the limit; the 429s are counted by the server.
 *
 * <p>It starts its own {@code redis-server} from the PATH on a free loopback port, without persistence.
 */
final class SharedLimiterBenchmark {

    static final int LIMIT_PER_MINUTE = 900;
    private static final int CLIENTS = 4;
    private static final int WINDOWS = 2;
    private static final long LIST_ID = 1_000;
    private static final int PAGE_SIZE = 10;

    List<String> run() throws Exception {
        System.out.printf(
                "%n# Shared limiter on Redis: %d clients, each demanding %d/min, against %d/min in fixed "
                        + "1-minute windows, %d windows%n",
                CLIENTS, LIMIT_PER_MINUTE, LIMIT_PER_MINUTE, WINDOWS);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process redis = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<RedisRateLimiter> limiters = new ArrayList<>();
        List<AffinityClient> clients = new ArrayList<>();
        try (ListEntriesStub stub = new ListEntriesStub(LIMIT_PER_MINUTE, true)) {
            awaitPing(port);
            long perClientOffered = (long) LIMIT_PER_MINUTE * WINDOWS;
            for (int i = 0; i < CLIENTS; i++) {
                RedisRateLimiter limiter = RedisRateLimiter.builder()
                        .redisUri("redis://127.0.0.1:" + port)
                        .name("benchmark")
                        .maxQueuedRequests((int) perClientOffered)
                        .build();
                limiters.add(limiter);
                clients.add(AffinityClient.builder()
                        .apiKey(Benchmarks.API_KEY)
                        .baseUrl(stub.baseUrl())
                        .rateLimiter(limiter)
                        .build());
            }
            Duration interval = Duration.ofNanos(TimeUnit.MINUTES.toNanos(1) / LIMIT_PER_MINUTE);
            LongAdder started = new LongAdder();
            List<LongAdder> succeeded = new ArrayList<>();
            Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
            List<Disposable> demands = new ArrayList<>();
            for (AffinityClient client : clients) {
                LongAdder mine = new LongAdder();
                succeeded.add(mine);
                demands.add(Flux.interval(Duration.ZERO, interval)
                        .onBackpressureDrop()
                        .flatMap(
                                tick -> {
                                    started.increment();
                                    return client.listEntries()
                                            .list(LIST_ID, PAGE_SIZE)
                                            .byPage()
                                            .take(1)
                                            .doOnNext(page -> mine.increment())
                                            .then()
                                            .onErrorResume(failure -> {
                                                failures.computeIfAbsent(
                                                                failure.getClass()
                                                                        .getSimpleName(),
                                                                name -> new AtomicLong())
                                                        .incrementAndGet();
                                                return Mono.empty();
                                            });
                                },
                                Integer.MAX_VALUE)
                        .subscribe());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (stub.window().start().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    demands.forEach(Disposable::dispose);
                    throw new IllegalStateException("no request reached the stub");
                }
                Thread.sleep(5);
            }
            long windowNanos = stub.window().windowNanos();
            long end = stub.window().start().getAsLong() + WINDOWS * windowNanos;
            for (long left; (left = end - System.nanoTime()) > 0; ) {
                Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 10_000));
                System.out.printf(
                        "  %3.0f s: %,d demanded, %,d accepted, %d refused with 429%n",
                        (System.nanoTime() - stub.window().start().getAsLong()) / 1e9,
                        started.sum(),
                        succeeded.stream().mapToLong(LongAdder::sum).sum(),
                        stub.window().rejected());
            }
            demands.forEach(Disposable::dispose);
            List<FixedWindow.WindowStats> windows = stub.window().windows();
            long accepted = windows.stream()
                    .filter(w -> w.index() < WINDOWS)
                    .mapToLong(FixedWindow.WindowStats::accepted)
                    .sum();
            double share = (double) accepted / (LIMIT_PER_MINUTE * (long) WINDOWS);
            long rejected = stub.window().rejected();
            StringBuilder perWindow = new StringBuilder();
            for (FixedWindow.WindowStats w : windows) {
                if (w.index() < WINDOWS) {
                    perWindow.append(String.format(
                            "window %d: %d accepted, first at %.2f s, last at %.2f s; ",
                            w.index() + 1, w.accepted(), w.firstAcceptedNanos() / 1e9, w.lastAcceptedNanos() / 1e9));
                }
            }
            List<Long> perClient = succeeded.stream().map(LongAdder::sum).toList();
            long outages =
                    limiters.stream().mapToLong(RedisRateLimiter::outages).sum();
            System.out.println(perWindow.toString().trim());
            System.out.printf(
                    "demanded %,d, accepted %,d in %d windows (share %.3f), 429s %d, per client %s, "
                            + "Redis outages %d, client failures %s%n",
                    started.sum(), accepted, WINDOWS, share, rejected, perClient, outages, failures);
            List<String> rows = new ArrayList<>();
            rows.add(ThroughputBenchmark.row(
                    "6. shared limiter (Redis), achieved share of the limit",
                    String.format("%.3f", share),
                    "≥ 0.95",
                    String.format(
                            "%,d accepted in %d windows of %d/min; "
                                    + "%d clients each demanding %d/min (%,d requests in all); accepted per client %s "
                                    + "(min %d, max %d); %s",
                            accepted,
                            WINDOWS,
                            LIMIT_PER_MINUTE,
                            CLIENTS,
                            LIMIT_PER_MINUTE,
                            started.sum(),
                            perClient,
                            perClient.stream().mapToLong(Long::longValue).min().orElse(0),
                            perClient.stream().mapToLong(Long::longValue).max().orElse(0),
                            perWindow.toString().trim())));
            rows.add(ThroughputBenchmark.row(
                    "6. shared limiter (Redis), 429 responses",
                    Long.toString(rejected),
                    "0",
                    "Redis outages: " + outages + "; client-side failures (callers still waiting at the end are "
                            + "cancelled, not failed): " + (failures.isEmpty() ? "none" : failures)));
            return rows;
        } finally {
            clients.forEach(AffinityClient::close);
            limiters.forEach(RedisRateLimiter::close);
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitPing(int port) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] answer = in.readNBytes(5);
                if ("+PONG".equals(new String(answer, StandardCharsets.US_ASCII))) {
                    return;
                }
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("redis-server did not start (is it on the PATH?)", notYet);
                }
            }
            Thread.sleep(20);
        }
    }
}
