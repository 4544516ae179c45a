package io.affinity.client;

import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.AffinityMockServerTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests of one resource against the testkit: one {@link AffinityMockServer} per class, and before each
 * test a fresh {@link AffinityClient} of it, built by {@link ResourceTestSupport#client(AffinityMockServer)} (so the
 * operation-coverage check sees the server) and closed after the test. A test that needs other client options builds
 * its own through {@link ResourceTestSupport#builder(AffinityMockServer)}.
 */
@AffinityMockServerTest
abstract class ResourceTest {

    /** How long a test waits for one call. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The testkit server of this test class, reset before each test. */
    protected AffinityMockServer server;
    /** A client of {@link #server}, new for each test. */
    protected AffinityClient client;

    /**
     * The ids, in order, that the testkit's {@code Dataset} gives the seeded entities of one kind numbered
     * {@code first} to {@code last}: entity {@code n} has the id {@code base + n}.
     *
     * @param base that kind's id base, such as {@code Dataset.NOTE_BASE}
     */
    protected static List<Long> seededIds(long base, int first, int last) {
        return LongStream.rangeClosed(first, last).map(i -> base + i).boxed().toList();
    }

    @BeforeEach
    final void setUpClient(AffinityMockServer server) {
        this.server = server;
        this.client = ResourceTestSupport.client(server);
    }

    @AfterEach
    final void closeClient() {
        client.close();
    }
}
