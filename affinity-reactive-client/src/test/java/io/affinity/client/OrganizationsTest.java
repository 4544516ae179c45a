package io.affinity.client;

import static io.affinity.client.RequestAssertions.assertJsonBody;
import static io.affinity.client.RequestAssertions.assertOnlyRequest;
import static io.affinity.client.RequestAssertions.assertPagesRepeatTheFirstQuery;
import static io.affinity.client.RequestAssertions.assertRejectedBeforeSending;
import static io.affinity.client.RequestAssertions.interactionDateFilterQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.RequestAssertions.Call;
import io.affinity.client.error.NotFoundException;
import io.affinity.client.error.UnsuccessfulOperationException;
import io.affinity.client.error.ValidationException;
import io.affinity.client.query.OrganizationGetOptions;
import io.affinity.client.query.OrganizationSearch;
import io.affinity.model.CreateOrganizationRequest;
import io.affinity.model.Field;
import io.affinity.model.Organization;
import io.affinity.model.UpdateOrganizationRequest;
import io.affinity.testkit.Dataset;
import io.affinity.testkit.Failure;
import io.affinity.testkit.RecordedRequest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

class OrganizationsTest extends ResourceTest {

    private static final OffsetDateTime FROM = OffsetDateTime.parse("2021-01-01T00:00:00Z");
    private static final OffsetDateTime TO = OffsetDateTime.parse("2021-01-12T23:59:59.5+02:00");

    @Test
    void searchSendsEveryDocumentedFilter() {
        OrganizationSearch search = OrganizationSearch.builder()
                .term("affinity")
                .withInteractionDates(true)
                .withInteractionPersons(true)
                .withOpportunities(true)
                .minFirstEmailDate(FROM)
                .maxFirstEmailDate(TO)
                .minLastEmailDate(FROM)
                .maxLastEmailDate(TO)
                .minLastInteractionDate(FROM)
                .maxLastInteractionDate(TO)
                .minLastEventDate(FROM)
                .maxLastEventDate(TO)
                .minFirstEventDate(FROM)
                .maxFirstEventDate(TO)
                .minNextEventDate(FROM)
                .maxNextEventDate(TO)
                .pageSize(500)
                .build();

        // the fixture's page always names the same next page token: read the first page only
        StepVerifier.create(client.organizations().search(search).byPage().take(1))
                .assertNext(page -> assertEquals(
                        List.of(64779194L, 1513682L),
                        page.items().stream().map(Organization::id).toList()))
                .expectComplete()
                .verify(TIMEOUT);

        Map<String, String> expected =
                interactionDateFilterQuery("2021-01-01T00:00:00Z", "2021-01-12T23:59:59.5+02:00");
        expected.putAll(Map.of(
                "term", "affinity",
                "with_interaction_dates", "true",
                "with_interaction_persons", "true",
                "with_opportunities", "true",
                "page_size", "500"));
        assertOnlyRequest(server, "searchOrganizations", expected);
    }

    @Test
    void aSearchWalkReturnsEveryOrganizationOnceRepeatingItsParameters() {
        // with_interaction_dates returns only organizations with interactions: each has a person who has some
        server.seed(Dataset.builder()
                .organizations(1_001)
                .persons(1_001)
                .interactions(1_001)
                .build());

        List<Long> ids = client.organizations()
                .search(OrganizationSearch.builder()
                        .withInteractionDates(true)
                        .maxLastEventDate(Dataset.GENERATED_UNTIL.atOffset(java.time.ZoneOffset.UTC))
                        .build())
                .map(Organization::id)
                .collectList()
                .block(TIMEOUT);

        assertEquals(seededIds(Dataset.ORGANIZATION_BASE, 1, 1_001), ids);
        List<RecordedRequest> pages = server.journal().requests("searchOrganizations");
        assertEquals(3, pages.size());
        assertPagesRepeatTheFirstQuery(pages);
    }

    @Test
    void getSendsNoFlagsByDefault() {
        StepVerifier.create(client.organizations().get(64779194))
                .assertNext(organization -> {
                    assertEquals(64779194L, organization.id());
                    assertEquals(5, organization.personIds().size());
                })
                .expectComplete()
                .verify(TIMEOUT);

        assertEquals(
                "/organizations/64779194",
                assertOnlyRequest(server, "getOrganization", Map.of()).path());
    }

    @Test
    void getSendsTheFlagsSet() {
        client.organizations()
                .get(
                        64779194,
                        OrganizationGetOptions.builder()
                                .withInteractionDates(true)
                                .withInteractionPersons(true)
                                .withOpportunities(false)
                                .build())
                .block(TIMEOUT);

        assertOnlyRequest(
                server,
                "getOrganization",
                Map.of(
                        "with_interaction_dates", "true",
                        "with_interaction_persons", "true",
                        "with_opportunities", "false"));
    }

    @Test
    void getOfAMissingOrganizationFailsWithNotFound() {
        server.seed(Dataset.builder().organizations(2).build());

        StepVerifier.create(client.organizations().get(Dataset.ORGANIZATION_BASE + 3))
                .expectErrorSatisfies(error -> assertEquals(
                        "/organizations/" + (Dataset.ORGANIZATION_BASE + 3),
                        assertInstanceOf(NotFoundException.class, error).path()))
                .verify(TIMEOUT);
    }

    @Test
    void createSendsTheOrganization() {
        StepVerifier.create(client.organizations()
                        .create(CreateOrganizationRequest.builder()
                                .name("Acme Corporation")
                                .domain("acme.co")
                                .personIds(List.of(38706L))
                                .build()))
                .assertNext(organization -> assertEquals("Acme Corporation", organization.name()))
                .expectComplete()
                .verify(TIMEOUT);

        assertJsonBody(
                "{\"name\": \"Acme Corporation\", \"domain\": \"acme.co\", \"person_ids\": [38706]}",
                server.journal().requests("createOrganization").get(0));
    }

    @Test
    void aRejectedCreateFailsWithTheServersMessage() {
        server.failNext("createOrganization", 1, Failure.status(422, "domain is invalid"));

        StepVerifier.create(client.organizations()
                        .create(CreateOrganizationRequest.builder().name("Acme").build()))
                .expectErrorSatisfies(error -> assertTrue(assertInstanceOf(ValidationException.class, error)
                        .serverMessage()
                        .orElse("")
                        .contains("domain is invalid")))
                .verify(TIMEOUT);
    }

    @Test
    void updateSendsOnlyTheChanges() {
        StepVerifier.create(client.organizations()
                        .update(
                                120611418,
                                UpdateOrganizationRequest.builder()
                                        .name("Acme Corp.")
                                        .personIds(List.of(38706L, 89734L))
                                        .build()))
                .assertNext(organization -> assertEquals("Acme Corp.", organization.name()))
                .expectComplete()
                .verify(TIMEOUT);

        RecordedRequest request =
                server.journal().requests("updateOrganization").get(0);
        assertEquals("PUT", request.method());
        assertEquals("/organizations/120611418", request.path());
        assertJsonBody("{\"name\": \"Acme Corp.\", \"person_ids\": [38706, 89734]}", request);
    }

    @Test
    void deleteCompletesOnSuccess() {
        StepVerifier.create(client.organizations().delete(120611418))
                .expectComplete()
                .verify(TIMEOUT);

        assertEquals(
                "/organizations/120611418",
                server.journal().requests("deleteOrganization").get(0).path());
    }

    @Test
    void deletingAGlobalOrganizationFailsWithTheServersError() {
        server.failNext("deleteOrganization", 1, Failure.status(422, "Global organizations cannot be deleted"));

        StepVerifier.create(client.organizations().delete(1513682))
                .expectError(ValidationException.class)
                .verify(TIMEOUT);
    }

    @Test
    void deleteFailsWhenTheServerReportsNoSuccess() {
        server.override("deleteOrganization", 200, "{\"success\": false}");

        StepVerifier.create(client.organizations().delete(120611418))
                .expectError(UnsuccessfulOperationException.class)
                .verify(TIMEOUT);
    }

    @Test
    void fieldsReturnsTheGlobalOrganizationFields() {
        StepVerifier.create(client.organizations().fields().map(Field::id).take(2))
                .expectNext(662L, 700L)
                .expectComplete()
                .verify(TIMEOUT);

        assertEquals(1, server.journal().count("getOrganizationFields"));
    }

    static Stream<Call> invalidCalls() {
        return Stream.of(
                new Call("search without search", c -> c.organizations().search(null), "search"),
                new Call(
                        "search with a blank term",
                        c -> c.organizations()
                                .search(OrganizationSearch.builder().term("").build()),
                        "term"),
                new Call(
                        "search with page size 0",
                        c -> c.organizations()
                                .search(OrganizationSearch.builder().pageSize(0).build()),
                        "pageSize"),
                new Call(
                        "search with page size 1000",
                        c -> c.organizations()
                                .search(OrganizationSearch.builder()
                                        .pageSize(1000)
                                        .build()),
                        "pageSize"),
                new Call(
                        "search with interaction persons but no dates",
                        c -> c.organizations()
                                .search(OrganizationSearch.builder()
                                        .withInteractionPersons(true)
                                        .build()),
                        "withInteractionPersons"),
                new Call(
                        "search with min first email after max",
                        c -> c.organizations()
                                .search(OrganizationSearch.builder()
                                        .minFirstEmailDate(TO)
                                        .maxFirstEmailDate(FROM)
                                        .build()),
                        "minFirstEmailDate"),
                new Call(
                        "search with min last email after max",
                        c -> c.organizations()
                                .search(OrganizationSearch.builder()
                                        .minLastEmailDate(TO)
                                        .maxLastEmailDate(FROM)
                                        .build()),
                        "minLastEmailDate"),
                new Call(
                        "search with min last interaction after max",
                        c -> c.organizations()
                                .search(OrganizationSearch.builder()
                                        .minLastInteractionDate(TO)
                                        .maxLastInteractionDate(FROM)
                                        .build()),
                        "minLastInteractionDate"),
                new Call(
                        "search with min last event after max",
                        c -> c.organizations()
                                .search(OrganizationSearch.builder()
                                        .minLastEventDate(TO)
                                        .maxLastEventDate(FROM)
                                        .build()),
                        "minLastEventDate"),
                new Call(
                        "search with min first event after max",
                        c -> c.organizations()
                                .search(OrganizationSearch.builder()
                                        .minFirstEventDate(TO)
                                        .maxFirstEventDate(FROM)
                                        .build()),
                        "minFirstEventDate"),
                new Call(
                        "search with min next event after max",
                        c -> c.organizations()
                                .search(OrganizationSearch.builder()
                                        .minNextEventDate(TO)
                                        .maxNextEventDate(FROM)
                                        .build()),
                        "minNextEventDate"),
                new Call("get with id 0", c -> c.organizations().get(0), "organizationId"),
                new Call(
                        "get with flags and id -2",
                        c -> c.organizations()
                                .get(-2, OrganizationGetOptions.builder().build()),
                        "organizationId"),
                new Call("get without options", c -> c.organizations().get(1, null), "options"),
                new Call(
                        "get with interaction persons but no dates",
                        c -> c.organizations()
                                .get(
                                        1,
                                        OrganizationGetOptions.builder()
                                                .withInteractionPersons(true)
                                                .build()),
                        "withInteractionPersons"),
                new Call("create without request", c -> c.organizations().create(null), "request"),
                new Call(
                        "create with a blank name",
                        c -> c.organizations()
                                .create(CreateOrganizationRequest.builder()
                                        .name(" ")
                                        .build()),
                        "name"),
                new Call(
                        "create with a blank domain",
                        c -> c.organizations()
                                .create(CreateOrganizationRequest.builder()
                                        .name("Acme")
                                        .domain("")
                                        .build()),
                        "domain"),
                new Call(
                        "create with person id 0",
                        c -> c.organizations()
                                .create(CreateOrganizationRequest.builder()
                                        .name("Acme")
                                        .personIds(List.of(0L))
                                        .build()),
                        "personIds"),
                new Call(
                        "update with id 0",
                        c -> c.organizations()
                                .update(
                                        0,
                                        UpdateOrganizationRequest.builder()
                                                .name("Acme")
                                                .build()),
                        "organizationId"),
                new Call("update without request", c -> c.organizations().update(1, null), "request"),
                new Call(
                        "update with a blank name",
                        c -> c.organizations()
                                .update(
                                        1,
                                        UpdateOrganizationRequest.builder()
                                                .name("")
                                                .build()),
                        "name"),
                new Call(
                        "update with a blank domain",
                        c -> c.organizations()
                                .update(
                                        1,
                                        UpdateOrganizationRequest.builder()
                                                .domain(" ")
                                                .build()),
                        "domain"),
                new Call(
                        "update with a negative person id",
                        c -> c.organizations()
                                .update(
                                        1,
                                        UpdateOrganizationRequest.builder()
                                                .personIds(List.of(-1L))
                                                .build()),
                        "personIds"),
                new Call("delete with id 0", c -> c.organizations().delete(0), "organizationId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCalls")
    void badArgumentsAreRejectedBeforeAnythingIsSent(Call call) {
        assertRejectedBeforeSending(server, client, call);
    }
}
