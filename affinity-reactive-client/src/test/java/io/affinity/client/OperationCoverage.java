package io.affinity.client;

import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.RecordedRequest;
import io.affinity.testkit.SpecViolation;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Collects, from the testkit's journals, which API operations the client's tests exercised, for
 * {@link OperationCoverageTest}. {@link ResourceTestSupport} registers every testkit server a client is built for;
 * this extension (registered for every test through {@code META-INF/services}, so it wraps the testkit's own
 * extension and runs after it) copies each registered server's journal after every test and test class, before
 * the next test's {@code reset()} can clear it. Requests that broke the spec are not counted.
 */
public final class OperationCoverage implements AfterEachCallback, AfterAllCallback {

    private static final Set<AffinityMockServer> SERVERS = Collections.newSetFromMap(new IdentityHashMap<>());
    private static final Set<String> EXERCISED = new TreeSet<>();

    /** Remembers a server whose journal counts, until it is stopped. */
    static synchronized void register(AffinityMockServer server) {
        SERVERS.add(server);
    }

    /** @return the operationIds exercised so far */
    static synchronized Set<String> exercised() {
        collect();
        return Set.copyOf(EXERCISED);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        synchronized (OperationCoverage.class) {
            collect();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        synchronized (OperationCoverage.class) {
            collect();
        }
    }

    /** Adds the operations the registered servers' journals hold, and forgets stopped servers. */
    private static void collect() {
        for (var iterator = SERVERS.iterator(); iterator.hasNext(); ) {
            AffinityMockServer server = iterator.next();
            List<RecordedRequest> refused =
                    server.violations().stream().map(SpecViolation::request).toList();
            for (RecordedRequest request : server.journal().requests()) {
                if (request.operationId() != null && !refused.contains(request)) {
                    EXERCISED.add(request.operationId());
                }
            }
            if (!server.isRunning()) {
                iterator.remove();
            }
        }
    }
}
