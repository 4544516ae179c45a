package io.affinity.testkit.internal;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.affinity.testkit.Dataset;
import io.affinity.testkit.Failure;
import io.affinity.testkit.RequestJournal;
import io.affinity.testkit.SpecViolation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The WireMock server with the emulation installed; what {@code AffinityMockServer} runs on. */
public final class Engine {

    private static final String LOOPBACK = "127.0.0.1";

    private final String host;

    private final ApiSpec spec;
    private final Emulator emulator;
    private final WireMockServer server;
    private final Dataset defaultDataset;
    private final io.affinity.testkit.ServerState state;

    /**
     * Creates and starts a server.
     *
     * @param settings the configuration
     * @param dataset the dataset to serve from the start and after every reset, or null
     */
    public Engine(ServerSettings settings, Dataset dataset) {
        this.spec = ApiSpec.bundled();
        this.emulator = new Emulator(spec, settings);
        this.defaultDataset = dataset;
        this.state = new StoreState(emulator::store);
        this.host = settings.host();
        WireMockConfiguration config = options()
                .bindAddress(host)
                .extensions(emulator)
                .disableRequestJournal()
                .gzipDisabled(true);
        config = settings.port() == 0 ? config.dynamicPort() : config.port(settings.port());
        this.server = new WireMockServer(config);
        FixtureStubs.register(server, spec);
        emulator.seed(dataset);
        if (settings.requestLog() != null) {
            java.util.function.Consumer<String> log = settings.requestLog();
            server.addMockServiceRequestListener((request, response) -> log.accept(java.time.Instant.now() + " "
                    + request.getMethod() + " " + request.getUrl() + " -> " + response.getStatus()));
        }
        server.start();
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    /** The address the server listens on, as configured. */
    public String bindAddress() {
        return host;
    }

    /** The host to reach the server at: the bind address, or loopback when it listens on every interface. */
    public String host() {
        if (host.equals("0.0.0.0")) {
            return LOOPBACK;
        }
        if (host.equals("::") || host.equals("[::]")) {
            return "[::1]";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** Whether the server is running. */
    public boolean isRunning() {
        return server.isRunning();
    }

    /** Stops the server; idempotent. */
    public void stop() {
        if (server.isRunning()) {
            server.stop();
        }
    }

    /** Back to the state after start. */
    public void reset() {
        emulator.reset();
        emulator.seed(defaultDataset);
    }

    /** Serves this dataset instead of the current one. */
    public void seed(Dataset dataset) {
        emulator.seed(dataset);
    }

    /** Answers an operation (or one id of it, when id is not null) with a given status and JSON body. */
    public void override(String operationId, String id, int status, String jsonBody) {
        Operation operation = spec.requireOperation(operationId);
        if (id != null && operation.idParameter().isEmpty()) {
            throw new IllegalArgumentException("id: operation " + operationId + " has no path parameter");
        }
        emulator.override(
                operationId, id, new Reply(status, Reply.JSON, jsonBody.getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    /** Plans a failure for the next calls of an operation, or of any operation when operationId is null. */
    public void failNext(String operationId, int times, Failure failure) {
        if (operationId != null) {
            spec.requireOperation(operationId);
        }
        emulator.failNext(operationId, times, failure);
    }

    /** The journal. */
    public RequestJournal journal() {
        return emulator.journal();
    }

    /** The recorded spec violations. */
    public List<SpecViolation> violations() {
        return emulator.violations();
    }

    /** The data the server serves now, for assertions. */
    public io.affinity.testkit.ServerState state() {
        return state;
    }

    /** The operationIds of the spec, in spec order. */
    public List<String> operationIds() {
        return spec.operations().stream().map(Operation::operationId).toList();
    }
}
