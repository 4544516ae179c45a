package io.affinity.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an {@link AffinityMockServer} from the command line until it is stopped (Ctrl-C or SIGTERM), for example as a
 * service that tests in any language talk to:
 *
 * <pre>
 * java -jar affinity-testkit-&lt;version&gt;-standalone.jar --host 0.0.0.0 --port 8089 --api-key my-key --dataset small
 * </pre>
 *
 * <p>Options ({@code --name value} or {@code --name=value}): {@code --host}, {@code --port}, {@code --api-key},
 * {@code --per-minute-limit}, {@code --monthly-limit}, {@code --dataset} (a count or small, medium, large),
 * {@code --fixtures-only}, {@code --no-validation}, {@code --request-log}, {@code --version}, {@code --help}. A bad
 * option or an address that cannot be bound prints one line on stderr and exits with 2 or 1.
 */
public final class Main {

    private static final int DEFAULT_PORT = 8089;
    private static final String USAGE = String.join(
            System.lineSeparator(),
            "Usage: java -jar affinity-testkit-<version>-standalone.jar [options]",
            "Options take their value as --name value or --name=value.",
            "  --host ADDRESS          address to listen on (default " + AffinityMockServer.LOOPBACK
                    + "; 0.0.0.0 for every interface)",
            "  --port N                port to listen on (default " + DEFAULT_PORT + ", 0 picks a free port)",
            "  --api-key KEY           API key to accept (default " + AffinityMockServer.DEFAULT_API_KEY + ")",
            "  --per-minute-limit N    requests per minute per key (default "
                    + AffinityMockServer.DEFAULT_PER_MINUTE_LIMIT + ")",
            "  --monthly-limit N       requests per month for the account (default unlimited)",
            "  --dataset SIZE          seed a generated dataset: a count per collection, or small (100), medium (1000),",
            "                          large (10000); default none: fixtures only. --seed and --dataset-size are the same",
            "  --fixtures-only         with --dataset: writes answer their fixtures and change nothing",
            "  --no-validation         do not check requests against the spec",
            "  --request-log           print one line per request on stdout",
            "  --version               print the version and exit",
            "  --help                  print this help and exit");

    private Main() {}

    /** What the command line asks for. */
    record Command(AffinityMockServer.Builder builder, boolean help, boolean version, boolean requestLog) {}

    /**
     * Starts the server and blocks until the JVM is asked to stop.
     *
     * @param args command-line options, see the class documentation
     */
    public static void main(String[] args) throws InterruptedException {
        Command command;
        try {
            command = parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage() + " (see --help)");
            System.exit(2);
            return;
        }
        if (command.help()) {
            System.out.println(USAGE);
            return;
        }
        if (command.version()) {
            System.out.println("affinity-testkit " + version());
            return;
        }
        quietSlf4j();
        PrintStream out = System.out;
        if (command.requestLog()) {
            command.builder().requestLog(out::println);
        }
        AffinityMockServer server;
        try {
            server = command.builder().start();
        } catch (RuntimeException e) {
            System.err.println("Error: " + startFailure(command.builder(), e));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.stop();
                            out.println("Affinity mock server stopped.");
                            stopped.countDown();
                        },
                        "affinity-mock-server-shutdown"));
        String listening = "http://"
                + (server.bindAddress().contains(":") ? "[" + server.bindAddress() + "]" : server.bindAddress()) + ":"
                + server.port();
        out.println("Affinity mock server " + version() + " listening on " + listening
                + (listening.equals(server.baseUrl().toString()) ? "" : " (reach it at " + server.baseUrl() + ")"));
        out.println("API key: " + server.apiKey() + "   (curl -u :" + server.apiKey() + " " + server.baseUrl()
                + "/auth/whoami)");
        out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    /** One line saying why the server could not start. */
    static String startFailure(AffinityMockServer.Builder builder, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return "cannot listen on " + builder.describeAddress() + ": "
                        + (cause.getMessage() == null
                                ? "address not available"
                                : cause.getMessage().toLowerCase(Locale.ROOT));
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "cannot start on " + builder.describeAddress() + ": "
                + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }

    /** The version of this testkit, from the jar's Maven metadata. */
    static String version() {
        try (InputStream in =
                Main.class.getResourceAsStream("/META-INF/maven/io.affinity/affinity-testkit/pom.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through
        }
        String fromManifest = Main.class.getPackage().getImplementationVersion();
        return fromManifest == null ? "(development build)" : fromManifest;
    }

    /**
     * The standalone jar carries SLF4J (twice: its own and WireMock's shaded copy) but no provider, so SLF4J would print
     * warnings at start-up. Without a provider on the classpath, select SLF4J's no-operation provider for each copy.
     */
    private static void quietSlf4j() {
        if (System.getProperty("slf4j.provider") != null) {
            return;
        }
        String verbosity = System.getProperty("slf4j.internal.verbosity");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        for (String prefix : List.of("", "wiremock.")) {
            if (Main.class.getResource("/META-INF/services/" + prefix + "org.slf4j.spi.SLF4JServiceProvider") != null) {
                continue;
            }
            try {
                String provider = prefix + "org.slf4j.helpers.NOP_FallbackServiceProvider";
                Class.forName(provider);
                System.setProperty("slf4j.provider", provider);
                Class.forName(prefix + "org.slf4j.LoggerFactory")
                        .getMethod("getILoggerFactory")
                        .invoke(null);
            } catch (ReflectiveOperationException | LinkageError e) {
                // this copy of SLF4J is not on the classpath
            }
        }
        System.clearProperty("slf4j.provider");
        if (verbosity == null) {
            System.clearProperty("slf4j.internal.verbosity");
        } else {
            System.setProperty("slf4j.internal.verbosity", verbosity);
        }
    }

    /** The command the options ask for; IllegalArgumentException with a one-line message for a bad one. */
    static Command parse(List<String> args) {
        AffinityMockServer.Builder builder = AffinityMockServer.builder().port(DEFAULT_PORT);
        boolean help = false;
        boolean version = false;
        boolean requestLog = false;
        boolean fixturesOnly = false;
        Integer datasetSize = null;
        Deque<String> rest = new ArrayDeque<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.pop();
            String option = arg;
            if (arg.startsWith("--") && arg.contains("=")) {
                option = arg.substring(0, arg.indexOf('='));
                rest.push(arg.substring(arg.indexOf('=') + 1));
                if (!takesValue(option)) {
                    throw new IllegalArgumentException("option " + option + " takes no value");
                }
            }
            try {
                switch (option) {
                    case "--help", "-h" -> help = true;
                    case "--version" -> version = true;
                    case "--host" -> builder.host(value(option, rest));
                    case "--port" -> builder.port(intValue(option, rest));
                    case "--api-key" -> builder.apiKey(value(option, rest));
                    case "--per-minute-limit" -> builder.perMinuteLimit(intValue(option, rest));
                    case "--monthly-limit" -> builder.monthlyLimit(longValue(option, rest));
                    case "--dataset", "--seed", "--dataset-size" ->
                        datasetSize = datasetSize(option, value(option, rest));
                    case "--fixtures-only" -> fixturesOnly = true;
                    case "--no-validation" -> builder.validateRequests(false);
                    case "--request-log" -> requestLog = true;
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                throw new IllegalArgumentException(
                        message.startsWith(option) || message.startsWith("unknown") || message.startsWith("option")
                                ? message
                                : option + ": " + message,
                        e);
            }
        }
        if (fixturesOnly && datasetSize == null) {
            throw new IllegalArgumentException("option --fixtures-only needs --dataset");
        }
        if (datasetSize != null && datasetSize > 0) {
            Dataset sized = Dataset.ofSize(datasetSize);
            builder.dataset(
                    fixturesOnly
                            ? Dataset.builder()
                                    .persons(datasetSize)
                                    .organizations(datasetSize)
                                    .opportunities(datasetSize)
                                    .lists(3, datasetSize)
                                    .notes(datasetSize)
                                    .reminders(datasetSize)
                                    .entityFiles(datasetSize)
                                    .fieldValues(datasetSize)
                                    .interactions(datasetSize)
                                    .stateful(false)
                                    .build()
                            : sized);
        }
        return new Command(builder, help, version, requestLog);
    }

    private static boolean takesValue(String option) {
        return switch (option) {
            case "--host",
                    "--port",
                    "--api-key",
                    "--per-minute-limit",
                    "--monthly-limit",
                    "--dataset",
                    "--seed",
                    "--dataset-size" -> true;
            default -> false;
        };
    }

    private static int datasetSize(String option, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "none" -> 0;
            case "small" -> 100;
            case "medium" -> 1_000;
            case "large" -> 10_000;
            default -> {
                long size = parseNumber(option, text);
                if (size > Dataset.MAX_COUNT) {
                    throw new IllegalArgumentException(
                            option + " is out of range (0 to " + Dataset.MAX_COUNT + "): " + text);
                }
                yield (int) size;
            }
        };
    }

    private static String value(String option, Deque<String> rest) {
        if (rest.isEmpty() || rest.peek().startsWith("--") && !rest.peek().equals("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.pop();
    }

    private static int intValue(String option, Deque<String> rest) {
        long value = longValue(option, rest);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " is out of range: " + value);
        }
        return (int) value;
    }

    private static long longValue(String option, Deque<String> rest) {
        return parseNumber(option, value(option, rest));
    }

    private static long parseNumber(String option, String text) {
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new IllegalArgumentException(option + " is out of range: " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number: " + text, e);
        }
    }
}
