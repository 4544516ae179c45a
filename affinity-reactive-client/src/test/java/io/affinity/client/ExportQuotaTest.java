package io.affinity.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.recipes.ExportOptions;
import io.affinity.client.recipes.QuotaExceededException;
import io.affinity.client.recipes.QuotaPolicy;
import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.AffinityMockServerTest;
import io.affinity.testkit.Dataset;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@AffinityMockServerTest(monthlyLimit = 20)
class ExportQuotaTest {

    @Test
    void refusesAnExportTheMonthlyQuotaCannotCoverAndWarnsWhenAskedTo(AffinityMockServer server) {
        server.seed(Dataset.builder().persons(30).lists(1, 30).build());
        long listId = server.state().lists().get(0).id();
        try (AffinityClient client = ResourceTestSupport.client(server)) {
            QuotaExceededException refused = assertThrows(
                    QuotaExceededException.class,
                    () -> client.lists().export(ExportOptions.list(listId)).blockFirst(Duration.ofSeconds(10)));
            assertEquals(31, refused.plan().requestsNeeded());
            assertTrue(refused.plan().monthlyRemaining().getAsLong() <= 20, refused.getMessage());
            assertEquals(0, server.journal().count("getListEntries"));
            assertEquals(0, server.journal().count("getFieldValues"));

            long rows = client.lists()
                    .export(ExportOptions.list(listId).withQuotaPolicy(QuotaPolicy.WARN))
                    .onErrorResume(e -> reactor.core.publisher.Flux.empty())
                    .count()
                    .block(Duration.ofSeconds(10));
            assertTrue(rows > 0 && rows < 30, "rows before the quota ran out: " + rows);
        }
    }
}
