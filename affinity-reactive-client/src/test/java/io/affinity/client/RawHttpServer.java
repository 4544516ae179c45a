package io.affinity.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on a plain {@link ServerSocket} that misbehaves on purpose: each request (read whole,
 * body included) goes to a {@link Behaviour} that writes whatever bytes it likes, slowly, never, or not at all.
 * It counts connections and requests, and sees when the client closes a connection.
 */
final class RawHttpServer implements AutoCloseable {

    /** What the server does with one request. */
    @FunctionalInterface
    interface Behaviour {
        /**
         * @param request the request line and headers, as received
         * @param index   the request's number, from 0, over all connections
         * @param out     the connection's output
         * @throws IOException when the client went away
         * @throws InterruptedException when the server closes
         */
        void answer(String request, int index, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "raw-http-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Behaviour behaviour;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger closedByClient = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger requestCount = new AtomicInteger();

    RawHttpServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.socket = new ServerSocket(0, 2_000, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** @return the base URL, {@code http://127.0.0.1:<port>} */
    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** @return the connections accepted so far */
    int connections() {
        return connections.get();
    }

    /** @return the connections the client closed (or reset) so far */
    int closedByClient() {
        return closedByClient.get();
    }

    /** @return the request heads received so far, in order */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** @return the number of requests received so far */
    int requestCount() {
        return requestCount.get();
    }

    /** Waits, up to 10 s, until at least {@code count} requests arrived. */
    void awaitRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (requestCount.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + requestCount.get() + " of " + count + " requests arrived");
            }
            Thread.sleep(5);
        }
    }

    /** Waits, up to 10 s, until the client has closed at least {@code count} connections. */
    void awaitClosedByClient(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (closedByClient.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the client closed " + closedByClient.get() + " of " + count + " connections");
            }
            Thread.sleep(5);
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.incrementAndGet();
                threads.execute(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    closedByClient.incrementAndGet();
                    return;
                }
                skipBody(in, head);
                requests.add(head);
                behaviour.answer(head, requestCount.getAndIncrement(), out);
                out.flush();
            }
        } catch (IOException gone) {
            closedByClient.incrementAndGet();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the request line and headers, or {@code null} at the end of the stream */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int next;
        while ((next = in.read()) >= 0) {
            head.write(next);
            matched = next == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : next == '\r' ? 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                long length =
                        Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                in.readNBytes((int) length);
            }
        }
    }

    /**
     * @param status the status line's code and reason, e.g. {@code "200 OK"}
     * @param body   a JSON body
     * @param headers extra header lines, each {@code "Name: value"}
     * @return a complete response
     */
    static byte[] response(String status, String body, String... headers) {
        StringBuilder response = new StringBuilder("HTTP/1.1 ")
                .append(status)
                .append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ")
                .append(body.getBytes(StandardCharsets.UTF_8).length)
                .append("\r\n");
        for (String header : headers) {
            response.append(header).append("\r\n");
        }
        return response.append("\r\n").append(body).toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
