package io.affinity.cli;

import io.affinity.client.blocking.AffinityBlockingClient;
import io.affinity.client.recipes.AmbiguousNameException;
import io.affinity.client.recipes.ExportCheckpoint;
import io.affinity.client.recipes.ExportOptions;
import io.affinity.client.recipes.ExportRow;
import io.affinity.client.recipes.QuotaPolicy;
import io.affinity.model.AffinityList;
import io.affinity.model.Field;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code affinity export list <name|id>}: a list with its field values to CSV or JSON Lines, resumable. */
@Command(name = "export", description = "Export data (read-only)", subcommands = ExportCommand.ListCommand.class)
final class ExportCommand {

    @CommandLine.ParentCommand
    AffinityCli cli;

    /** The output formats. */
    enum Format {
        csv,
        jsonl
    }

    @Command(
            name = "list",
            description = "Export a list's entries with the values of its fields. A checkpoint "
                    + "(FILE.checkpoint) is kept while it runs; after Ctrl-C or a failure, --resume continues it.")
    static final class ListCommand implements Callable<Integer> {

        private static final int SAVE_EVERY = 50;

        @CommandLine.ParentCommand
        ExportCommand parent;

        @Parameters(index = "0", paramLabel = "<name|id>", description = "The list's name or id")
        String list;

        @Option(names = "--format", required = true, description = "csv or jsonl")
        Format format;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write")
        Path out;

        @Option(
                names = "--fields",
                split = ",",
                paramLabel = "a,b",
                description = "Fields (names or ids) to " + "export, in column order; default: all the list's fields")
        List<String> fields = List.of();

        @Option(names = "--resume", description = "Continue the export FILE.checkpoint describes")
        boolean resume;

        @Option(
                names = "--on-quota",
                defaultValue = "refuse",
                description = "refuse (default) or warn when the monthly quota cannot cover the export")
        String onQuota;

        @Option(names = "--concurrency", defaultValue = "4", description = "Field-value calls in flight (1-32)")
        int concurrency;

        @Option(
                names = "--name-lookups",
                defaultValue = "1000",
                paramLabel = "N",
                description = "Person and organization values show as 'Name (id)': names of the exported entities "
                        + "are reused, up to N others are looked up, one request per distinct id, counted in the "
                        + "quota plan (default 1000; 0 for ids only)")
        int nameLookups;

        @Option(names = "--page-size", defaultValue = "500", hidden = true)
        int pageSize;

        @Option(
                names = "--stop-after",
                defaultValue = "0",
                hidden = true,
                description = "Stop as Ctrl-C does after this many rows (tests)")
        long stopAfter;

        @Override
        public Integer call() throws Exception {
            AffinityCli cli = parent.cli;
            QuotaPolicy policy = quotaPolicy(onQuota);
            Path checkpointFile = out.resolveSibling(out.getFileName() + ".checkpoint");
            Properties saved = new Properties();
            if (resume) {
                if (!Files.exists(checkpointFile)) {
                    throw new IllegalArgumentException(
                            "--resume: no checkpoint " + checkpointFile + " (the export finished, or never started)");
                }
                try (Reader reader = Files.newBufferedReader(checkpointFile)) {
                    saved.load(reader);
                }
            }
            try (Connection connection = Connection.open(cli.apiKeyFile, cli.baseUrl, cli.env, cli.err)) {
                AffinityBlockingClient client = connection.client();
                AffinityList target = findList(client, list);
                List<Field> columns = fields.isEmpty()
                        ? client.fields().cache().forList(target.id())
                        : fields.stream()
                                .map(name -> client.fields().cache().byName(target.id(), name))
                                .toList();
                String columnIds =
                        columns.stream().map(field -> field.id().toString()).collect(Collectors.joining(","));
                Map<String, String> identity = new LinkedHashMap<>();
                identity.put("list", target.id().toString());
                identity.put("format", format.name());
                identity.put("fields", columnIds);
                identity.put("pageSize", String.valueOf(pageSize));
                ExportCheckpoint from = ExportCheckpoint.START;
                long offset = 0;
                long rowsBefore = 0;
                if (resume) {
                    for (Map.Entry<String, String> entry : identity.entrySet()) {
                        if (!entry.getValue().equals(saved.getProperty(entry.getKey()))) {
                            throw new IllegalArgumentException("--resume: the checkpoint was made with another "
                                    + entry.getKey() + " (" + saved.getProperty(entry.getKey()) + ")");
                        }
                    }
                    from = ExportCheckpoint.parse(saved.getProperty("checkpoint"));
                    offset = Long.parseLong(saved.getProperty("offset"));
                    rowsBefore = Long.parseLong(saved.getProperty("rows"));
                    try (RandomAccessFile file = new RandomAccessFile(out.toFile(), "rw")) {
                        if (file.length() < offset) {
                            throw new IllegalArgumentException("--resume: " + out + " is shorter than the checkpoint "
                                    + "says (" + file.length() + " < " + offset + " bytes)");
                        }
                        file.setLength(offset);
                    }
                } else {
                    Files.deleteIfExists(checkpointFile);
                }
                Progress progress = new Progress(cli.err, cli.terminal, rowsBefore);
                ExportOptions options = ExportOptions.list(target.id())
                        .withFields(columnIds.isEmpty() ? List.of() : List.of(columnIds.split(",")))
                        .withResumeFrom(from)
                        .withPageSize(pageSize)
                        .withConcurrency(concurrency)
                        .withNameLookups(nameLookups)
                        .withQuotaPolicy(policy)
                        .withOnPlan(plan ->
                                cli.err.println("Plan for '" + target.name() + "' (" + target.id() + "): " + plan))
                        .withOnProgress(progress::update);
                Cells cells = new Cells(Json.MAPPER);
                try (OutputStream file = new BufferedOutputStream(new FileOutputStream(out.toFile(), resume))) {
                    Writer writer = new Writer(file, offset, rowsBefore, from);
                    if (offset == 0 && format == Format.csv) {
                        writer.write(Cells.csvHeader(columns));
                    }
                    boolean stopped = false;
                    try (Stream<ExportRow> rows = client.lists().export(options)) {
                        Iterator<ExportRow> iterator = rows.iterator();
                        while (true) {
                            if (cli.stop.get() || (stopAfter > 0 && writer.rows - rowsBefore >= stopAfter)) {
                                stopped = true;
                                break;
                            }
                            if (!iterator.hasNext()) {
                                break;
                            }
                            ExportRow row = iterator.next();
                            writer.write(format == Format.csv ? Cells.csvRow(row) : cells.jsonLine(row));
                            writer.rowDone(row.next());
                            if (writer.rows % SAVE_EVERY == 0) {
                                save(file, writer, identity, checkpointFile);
                            }
                        }
                    } catch (CancellationException interrupted) {
                        if (!cli.stop.get()) {
                            throw interrupted;
                        }
                        stopped = true;
                        Thread.interrupted();
                    } catch (RuntimeException failure) {
                        Thread.interrupted();
                        save(file, writer, identity, checkpointFile);
                        cli.err.println();
                        cli.err.println("The export failed after " + writer.rows + " rows; checkpoint saved: "
                                + "run again with --resume to continue.");
                        throw failure;
                    }
                    progress.finish();
                    if (stopped) {
                        Thread.interrupted(); // Ctrl-C interrupted this thread: the checkpoint must still be written
                        save(file, writer, identity, checkpointFile);
                        cli.err.println("Stopped after " + writer.rows + " rows; checkpoint saved in " + checkpointFile
                                + ": run again with --resume to continue.");
                        return AffinityCli.STOPPED;
                    }
                    file.flush();
                    Files.deleteIfExists(checkpointFile);
                    cli.err.println("Exported " + writer.rows + " rows to " + out);
                    return AffinityCli.OK;
                }
            }
        }

        /** @return the policy an {@code --on-quota} value names */
        static QuotaPolicy quotaPolicy(String onQuota) {
            return switch (onQuota) {
                case "refuse" -> QuotaPolicy.REFUSE;
                case "warn" -> QuotaPolicy.WARN;
                default -> throw new IllegalArgumentException("--on-quota must be refuse or warn, was " + onQuota);
            };
        }

        static AffinityList findList(AffinityBlockingClient client, String nameOrId) {
            if (nameOrId.matches("[0-9]{1,18}")) {
                return client.lists().get(Long.parseLong(nameOrId));
            }
            List<AffinityList> found = client.lists().list().stream()
                    .filter(each -> each.name().strip().equalsIgnoreCase(nameOrId.strip()))
                    .toList();
            if (found.isEmpty()) {
                throw new IllegalArgumentException("no list named '" + nameOrId + "'; lists: "
                        + client.lists().list().stream()
                                .map(each -> each.name() + " (" + each.id() + ")")
                                .toList());
            }
            if (found.size() > 1) {
                Map<Long, String> ids = new LinkedHashMap<>();
                found.forEach(each -> ids.put(each.id(), each.name()));
                throw new AmbiguousNameException("list", nameOrId, ids);
            }
            return found.get(0);
        }

        private static void save(OutputStream file, Writer writer, Map<String, String> identity, Path checkpointFile)
                throws IOException {
            file.flush();
            Properties properties = new Properties();
            properties.putAll(identity);
            properties.setProperty("checkpoint", writer.checkpoint.format());
            properties.setProperty("offset", String.valueOf(writer.offset));
            properties.setProperty("rows", String.valueOf(writer.rows));
            Path temporary = checkpointFile.resolveSibling(checkpointFile.getFileName() + ".tmp");
            try (java.io.Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, "affinity export list: resume with --resume");
            }
            Files.move(
                    temporary,
                    checkpointFile,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Writes UTF-8 text and counts the bytes, the rows and the checkpoint after the last row written. */
    private static final class Writer {
        private final OutputStream file;
        private long offset;
        private long rows;
        private ExportCheckpoint checkpoint;

        Writer(OutputStream file, long offset, long rows, ExportCheckpoint checkpoint) {
            this.file = file;
            this.offset = offset;
            this.rows = rows;
            this.checkpoint = checkpoint;
        }

        void write(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            file.write(bytes);
            offset += bytes.length;
        }

        void rowDone(ExportCheckpoint next) {
            rows++;
            checkpoint = next;
        }
    }
}
