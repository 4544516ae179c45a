package io.affinity.client.ratelimit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} from the PATH on a free loopback port, without persistence. It can be stopped and
 * started again on the same port, to play an outage. Tests reach it through {@link RedisServerExtension}.
 */
public final class RedisServer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final int port;
    private final Path log;
    private Process process;

    private RedisServer(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    /** Starts a server on a free loopback port. */
    static RedisServer start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        RedisServer server = new RedisServer(port, Files.createTempFile("redis-server-", ".log"));
        server.restart();
        return server;
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /** @return the Lettuce URI of the server */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server again after {@link #stop()}, on the same port, and waits until it answers PING. */
    public synchronized void restart() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--protected-mode",
                "yes"));
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException missing) {
            throw new IOException(
                    "cannot start redis-server: install it (Debian: apt-get install redis-server; "
                            + ".ci/run does so when it is missing)",
                    missing);
        }
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!"+PONG".equals(command("PING"))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new IOException("redis-server did not start on port " + port + ": " + Files.readString(log));
            }
            Thread.sleep(20);
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL) and waits for it to exit. */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    /**
     * Sends one inline command and returns the first line of the answer, or {@code null} when nothing answers.
     *
     * @param inline the command, as typed in redis-cli
     * @return the answer's first line
     */
    public String command(String inline) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != -1 && c != '\n'; ) {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        } catch (IOException unreachable) {
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
