package io.affinity.cli;

import io.affinity.client.blocking.AffinityBlockingClient;
import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.Dataset;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The client the commands use: on the real API with a key, else on an embedded fake with a seeded dataset. */
final class Connection implements AutoCloseable {

    /** The dataset the embedded fake serves. */
    static final Dataset EMBEDDED_DATASET = Dataset.builder()
            .persons(300)
            .organizations(150)
            .opportunities(60)
            .lists(3, 120)
            .fieldValues(900)
            .build();

    private final AffinityBlockingClient client;
    private final AffinityMockServer embedded;

    private Connection(AffinityBlockingClient client, AffinityMockServer embedded) {
        this.client = client;
        this.embedded = embedded;
    }

    static Connection open(Path apiKeyFile, String baseUrl, Map<String, String> env, PrintStream err)
            throws IOException {
        String key = null;
        if (apiKeyFile != null) {
            key = Files.readString(apiKeyFile, StandardCharsets.UTF_8).strip();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("--api-key-file: the file is empty");
            }
        } else if (env.get("AFFINITY_API_KEY") != null
                && !env.get("AFFINITY_API_KEY").isBlank()) {
            key = env.get("AFFINITY_API_KEY").strip();
        }
        if (key == null) {
            AffinityMockServer server = AffinityMockServer.builder().start();
            server.seed(EMBEDDED_DATASET);
            err.println("No AFFINITY_API_KEY: using the embedded fake API at " + server.baseUrl()
                    + " with a seeded dataset");
            return new Connection(
                    AffinityBlockingClient.builder()
                            .baseUrl(server.baseUrl())
                            .apiKey(server.apiKey())
                            .build(),
                    server);
        }
        var builder = AffinityBlockingClient.builder().apiKey(key);
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        }
        return new Connection(builder.build(), null);
    }

    AffinityBlockingClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
