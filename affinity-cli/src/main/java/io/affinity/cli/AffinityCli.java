package io.affinity.cli;

import io.affinity.client.error.AffinityException;
import io.affinity.client.recipes.QuotaExceededException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code affinity} command: read-only tools over the Affinity API v1. Exit codes: 0 done, 1 the API or the
 * disk failed, 2 bad usage (unknown list or field, ambiguous name, nothing to resume), 3 the monthly quota cannot
 * cover the export, 130 stopped (Ctrl-C): the export's checkpoint is saved, {@code --resume} continues it.
 */
@Command(
        name = "affinity",
        mixinStandardHelpOptions = true,
        versionProvider = AffinityCli.Version.class,
        description = "Read-only tools over the Affinity API v1. The API key comes from --api-key-file or "
                + "AFFINITY_API_KEY; without one, the commands run against an embedded fake API with a seeded dataset.",
        subcommands = {
            ExportCommand.class,
            AffinityCli.Whoami.class,
            AffinityCli.RateLimit.class,
            StatusHistoryCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 done, 1 API or I/O failure, 2 bad usage, 3 monthly quota too small, "
                    + "130 stopped (checkpoint saved)."
        })
public final class AffinityCli {

    /** Exit code: done. */
    public static final int OK = 0;
    /** Exit code: the API or the disk failed. */
    public static final int FAILED = 1;
    /** Exit code: bad usage. */
    public static final int USAGE = 2;
    /** Exit code: the monthly quota cannot cover the work. */
    public static final int QUOTA = 3;
    /** Exit code: stopped by Ctrl-C or a stop request; a checkpoint was saved. */
    public static final int STOPPED = 130;

    @Option(
            names = "--api-key-file",
            paramLabel = "FILE",
            scope = CommandLine.ScopeType.INHERIT,
            description = "File holding the API key (else AFFINITY_API_KEY, else the embedded fake)")
    Path apiKeyFile;

    @Option(
            names = "--base-url",
            hidden = true,
            scope = CommandLine.ScopeType.INHERIT,
            description = "API base URL, for tests against a fake")
    String baseUrl;

    final Map<String, String> env;
    final PrintStream out;
    final PrintStream err;
    final boolean terminal;
    final AtomicBoolean stop;

    AffinityCli(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal, AtomicBoolean stop) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.stop = stop;
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        AtomicBoolean stop = new AtomicBoolean();
        Thread main = Thread.currentThread();
        Thread hook = new Thread(
                () -> {
                    stop.set(true);
                    main.interrupt();
                    try {
                        main.join(15_000);
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                },
                "affinity-cli-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int code = run(args, System.getenv(), System.out, System.err, System.console() != null, stop);
        if (!stop.get()) {
            Runtime.getRuntime().removeShutdownHook(hook);
            System.exit(code);
        }
        // stopping: the hook is waiting for this thread to end; the JVM exits with the signal's status
    }

    /**
     * Runs a command line in this process.
     *
     * @param args     the arguments
     * @param env      the environment (for {@code AFFINITY_API_KEY})
     * @param out      where results go
     * @param err      where progress and errors go
     * @param terminal whether {@code err} is a terminal (a redrawn progress bar) or not (plain lines)
     * @param stop     set to stop an export cleanly, as Ctrl-C does
     * @return the exit code
     */
    static int run(
            String[] args,
            Map<String, String> env,
            PrintStream out,
            PrintStream err,
            boolean terminal,
            AtomicBoolean stop) {
        CommandLine line = new CommandLine(new AffinityCli(env, out, err, terminal, stop));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setExecutionExceptionHandler((failure, commandLine, parsed) -> {
            Throwable cause = failure;
            if (cause instanceof QuotaExceededException quota) {
                err.println("Error: " + quota.getMessage());
                return QUOTA;
            }
            if (cause instanceof IllegalArgumentException bad) {
                err.println("Error: " + bad.getMessage());
                return USAGE;
            }
            if (cause instanceof AffinityException api) {
                err.println("Error: the API call failed: " + api.getMessage());
                return FAILED;
            }
            err.println("Error: " + cause);
            return FAILED;
        });
        return line.execute(args);
    }

    /** {@code affinity whoami}. */
    @Command(name = "whoami", description = "Who the API key belongs to (GET /auth/whoami), as JSON")
    static final class Whoami implements Callable<Integer> {
        @CommandLine.ParentCommand
        AffinityCli cli;

        @Override
        public Integer call() throws Exception {
            try (Connection connection = Connection.open(cli.apiKeyFile, cli.baseUrl, cli.env, cli.err)) {
                cli.out.println(Json.MAPPER
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(connection.client().whoami()));
            }
            return OK;
        }
    }

    /** {@code affinity rate-limit}. */
    @Command(
            name = "rate-limit",
            description = "The org's monthly and the key's per-minute limits and usage " + "(GET /rate-limit), as JSON")
    static final class RateLimit implements Callable<Integer> {
        @CommandLine.ParentCommand
        AffinityCli cli;

        @Override
        public Integer call() throws Exception {
            try (Connection connection = Connection.open(cli.apiKeyFile, cli.baseUrl, cli.env, cli.err)) {
                cli.out.println(Json.MAPPER
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(connection.client().fetchRateLimits()));
            }
            return OK;
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AffinityCli.class.getPackage().getImplementationVersion();
            return new String[] {"affinity " + (version == null ? "development build" : version)};
        }
    }
}
