package io.affinity.testkit;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an {@link AffinityMockServer} from the command line until Ctrl-C:
 *
 * <pre>
 * java -jar affinity-testkit-&lt;version&gt;-standalone.jar --port 8089 --api-key my-key --dataset-size 1000
 * </pre>
 *
 * <p>Options: {@code --port N} (default 8089, 0 for a free port), {@code --api-key KEY}, {@code --per-minute-limit N},
 * {@code --monthly-limit N}, {@code --dataset-size N}, {@code --no-validation}, {@code --help}.
 */
public final class Main {

  private static final int DEFAULT_PORT = 8089;
  private static final String USAGE = String.join(System.lineSeparator(),
      "Usage: java -jar affinity-testkit-<version>-standalone.jar [options]",
      "  --port N               port to listen on (default " + DEFAULT_PORT + ", 0 picks a free port)",
      "  --api-key KEY          API key to accept (default " + AffinityMockServer.DEFAULT_API_KEY + ")",
      "  --per-minute-limit N   requests per minute per key (default " + AffinityMockServer.DEFAULT_PER_MINUTE_LIMIT
          + ")",
      "  --monthly-limit N      requests per month for the account (default unlimited)",
      "  --dataset-size N       seed N items of every collection (default 0: fixtures only)",
      "  --no-validation        do not check requests against the spec",
      "  --help                 print this help");

  private Main() {
  }

  /**
   * Starts the server and blocks until the JVM is asked to stop.
   *
   * @param args command-line options, see the class documentation
   */
  public static void main(String[] args) throws InterruptedException {
    AffinityMockServer.Builder builder;
    try {
      builder = parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (builder == null) {
      System.out.println(USAGE);
      return;
    }
    AffinityMockServer server = builder.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      System.out.println("Affinity mock server stopped.");
      stopped.countDown();
    }, "affinity-mock-server-shutdown"));
    PrintStream out = System.out;
    out.println("Affinity mock server listening on " + server.baseUrl());
    out.println("API key: " + server.apiKey() + "   (curl -u :" + server.apiKey() + " " + server.baseUrl()
        + "/auth/whoami)");
    out.println("Press Ctrl-C to stop.");
    stopped.await();
  }

  /** The configured builder, or null when help was asked for. */
  static AffinityMockServer.Builder parse(List<String> args) {
    AffinityMockServer.Builder builder = AffinityMockServer.builder().port(DEFAULT_PORT);
    Deque<String> rest = new ArrayDeque<>(args);
    while (!rest.isEmpty()) {
      String option = rest.pop();
      switch (option) {
        case "--help", "-h" -> {
          return null;
        }
        case "--port" -> builder.port(intValue(option, rest));
        case "--api-key" -> builder.apiKey(value(option, rest));
        case "--per-minute-limit" -> builder.perMinuteLimit(intValue(option, rest));
        case "--monthly-limit" -> builder.monthlyLimit(longValue(option, rest));
        case "--dataset-size" -> builder.dataset(Dataset.ofSize(intValue(option, rest)));
        case "--no-validation" -> builder.validateRequests(false);
        default -> throw new IllegalArgumentException("Unknown option: " + option);
      }
    }
    return builder;
  }

  private static String value(String option, Deque<String> rest) {
    if (rest.isEmpty()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return rest.pop();
  }

  private static int intValue(String option, Deque<String> rest) {
    return (int) longValue(option, rest);
  }

  private static long longValue(String option, Deque<String> rest) {
    String text = value(option, rest);
    try {
      long value = Long.parseLong(text);
      if (value < 0 || value > Integer.MAX_VALUE && !option.equals("--monthly-limit")) {
        throw new IllegalArgumentException(option + " is out of range: " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number: " + text, e);
    }
  }
}
