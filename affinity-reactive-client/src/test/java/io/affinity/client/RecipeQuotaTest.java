package io.affinity.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.error.AffinityException;
import io.affinity.client.ratelimit.RateLimitException;
import io.affinity.client.recipes.QuotaExceededException;
import io.affinity.client.recipes.QuotaPolicy;
import io.affinity.model.AffinityList;
import io.affinity.model.Organization;
import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.AffinityMockServerTest;
import io.affinity.testkit.Dataset;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The quota plans of the status history and strongest relationship recipes, against a fake with a small month. */
@AffinityMockServerTest(monthlyLimit = 12)
class RecipeQuotaTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void statusHistoryIsRefusedWhenTheMonthIsUsedUpAndGoesOnWhenItOnlyWarns(AffinityMockServer server) {
        server.seed(Dataset.builder()
                .persons(20)
                .organizations(20)
                .lists(2, 15)
                .fieldValues(200)
                .build());
        AffinityList list = server.state().lists().get(1);
        try (AffinityClient client = ResourceTestSupport.client(server)) {
            client.fields().cache().forList(list.id()).block(TIMEOUT);
            useUpTheMonthBut(0, server);

            QuotaExceededException refused = assertThrows(
                    QuotaExceededException.class,
                    () -> client.fieldValueChanges()
                            .history(list.id(), "Status")
                            .blockFirst(TIMEOUT));
            assertInstanceOf(AffinityException.class, refused);
            assertEquals("GET", refused.method());
            assertEquals("/field-value-changes", refused.path());
            assertEquals(1, refused.plan().requestsNeeded());
            assertEquals(0, refused.plan().monthlyRemaining().getAsLong());
            assertTrue(
                    refused.getMessage().startsWith("GET /field-value-changes: refused before sending"),
                    refused.getMessage());
            assertEquals(0, server.journal().count("getFieldValueChanges"));

            // past the plan, the limiter (or the server) refuses the call itself
            assertThrows(
                    RateLimitException.class,
                    () -> client.fieldValueChanges()
                            .history(list.id(), "Status", QuotaPolicy.WARN)
                            .blockFirst(TIMEOUT));
        }
    }

    @Test
    void strongestRelationshipsAreRefusedWhenTheMonthCannotCoverOneCallPerPerson(AffinityMockServer server) {
        server.seed(
                Dataset.builder().persons(12).organizations(3).interactions(30).build());
        Organization organization = server.state().organizations().stream()
                .filter(each -> each.personIds().size() >= 2)
                .findFirst()
                .orElseThrow();
        try (AffinityClient client = ResourceTestSupport.client(server)) {
            useUpTheMonthBut(2, server); // one for the organization, one relationship call

            QuotaExceededException refused = assertThrows(
                    QuotaExceededException.class,
                    () -> client.organizations()
                            .strongestRelationships(organization.id())
                            .blockFirst(TIMEOUT));
            assertEquals("/relationships-strengths", refused.path());
            assertEquals(organization.personIds().size(), refused.plan().requestsNeeded());
            assertEquals(1, refused.plan().monthlyRemaining().getAsLong());
            assertEquals(1, server.journal().count("getOrganization"));
            assertEquals(0, server.journal().count("getRelationshipStrengths"));
        }
    }

    /** Sends counted requests from a client of its own until the month has {@code left} requests. */
    private static void useUpTheMonthBut(long left, AffinityMockServer server) {
        try (AffinityClient other = ResourceTestSupport.client(server)) {
            useUpTheMonthBut(left, other);
        }
    }

    /** Sends counted requests from {@code client} until the month has {@code left} requests. */
    private static void useUpTheMonthBut(long left, AffinityClient client) {
        long remaining = client.fetchRateLimits()
                .block(TIMEOUT)
                .rate()
                .orgMonthly()
                .remaining()
                .countOr(0);
        for (long i = left; i < remaining; i++) {
            client.lists().list().blockLast(TIMEOUT);
        }
    }

    @Test
    void aClientWhoseLimiterSawTheMonthRunOutStillPlansAndRefusesClearly(AffinityMockServer server) {
        server.seed(
                Dataset.builder().persons(12).organizations(3).interactions(30).build());
        Organization organization = server.state().organizations().stream()
                .filter(each -> !each.personIds().isEmpty())
                .findFirst()
                .orElseThrow();
        try (AffinityClient client = ResourceTestSupport.client(server)) {
            useUpTheMonthBut(1, client);
            // the organization takes the month's last request; its answer tells this client's limiter so
            QuotaExceededException refused = assertThrows(
                    QuotaExceededException.class,
                    () -> client.organizations()
                            .strongestRelationships(organization.id())
                            .blockFirst(TIMEOUT));
            assertEquals(0, refused.plan().monthlyRemaining().getAsLong());
            assertEquals(900, refused.plan().perMinuteLimit());
        }
    }
}
