package io.affinity.client;

import static io.affinity.client.RequestAssertions.assertJsonBody;
import static io.affinity.client.RequestAssertions.assertOnlyRequest;
import static io.affinity.client.RequestAssertions.assertPagesRepeatTheFirstQuery;
import static io.affinity.client.RequestAssertions.assertRejectedBeforeSending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.affinity.client.RequestAssertions.Call;
import io.affinity.client.error.NotFoundException;
import io.affinity.client.error.UnsuccessfulOperationException;
import io.affinity.client.error.ValidationException;
import io.affinity.client.query.OpportunitySearch;
import io.affinity.model.CreateOpportunityRequest;
import io.affinity.model.Opportunity;
import io.affinity.model.UpdateOpportunityRequest;
import io.affinity.testkit.Dataset;
import io.affinity.testkit.Failure;
import io.affinity.testkit.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

class OpportunitiesTest extends ResourceTest {

    @Test
    void searchSendsTheTermAndPageSize() {
        // the fixture's page always names the same next page token: read the first page only
        StepVerifier.create(client.opportunities()
                        .search(OpportunitySearch.builder()
                                .term("affinity")
                                .pageSize(5)
                                .build())
                        .byPage()
                        .take(1))
                .assertNext(page -> assertEquals(121L, page.items().get(0).id()))
                .expectComplete()
                .verify(TIMEOUT);

        assertOnlyRequest(server, "searchOpportunities", Map.of("term", "affinity", "page_size", "5"));
    }

    @Test
    void aSearchWalkReturnsEveryOpportunityOnceRepeatingItsParameters() {
        server.seed(Dataset.builder().opportunities(120).build());

        List<Long> ids = client.opportunities()
                .search(OpportunitySearch.builder().pageSize(50).build())
                .map(Opportunity::id)
                .collectList()
                .block(TIMEOUT);

        assertEquals(seededIds(Dataset.OPPORTUNITY_BASE, 1, 120), ids);
        List<RecordedRequest> pages = server.journal().requests("searchOpportunities");
        assertEquals(3, pages.size());
        assertPagesRepeatTheFirstQuery(pages);
        assertEquals(Map.of("page_size", List.of("50")), pages.get(0).query());
    }

    @Test
    void takeOneOfASearchSendsOneRequest() {
        server.seed(Dataset.builder().opportunities(1_000).build());

        StepVerifier.create(client.opportunities()
                        .search(OpportunitySearch.builder().pageSize(100).build())
                        .take(1))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);

        assertEquals(1, server.journal().size());
    }

    @Test
    void getReturnsTheOpportunity() {
        StepVerifier.create(client.opportunities().get(117))
                .assertNext(opportunity -> {
                    assertEquals(117L, opportunity.id());
                    assertEquals(List.of(3526824L), opportunity.personIds());
                })
                .expectComplete()
                .verify(TIMEOUT);

        assertEquals(
                "/opportunities/117",
                assertOnlyRequest(server, "getOpportunity", Map.of()).path());
    }

    @Test
    void getOfAMissingOpportunityFailsWithNotFound() {
        server.seed(Dataset.builder().opportunities(1).build());

        StepVerifier.create(client.opportunities().get(Dataset.OPPORTUNITY_BASE + 2))
                .expectError(NotFoundException.class)
                .verify(TIMEOUT);
    }

    @Test
    void createSendsTheOpportunity() {
        StepVerifier.create(client.opportunities()
                        .create(CreateOpportunityRequest.builder()
                                .name("Penny Opportunity")
                                .listId(6645L)
                                .personIds(List.of(38706L))
                                .organizationIds(List.of(21442L))
                                .build()))
                .assertNext(opportunity -> assertEquals(120611418L, opportunity.id()))
                .expectComplete()
                .verify(TIMEOUT);

        assertJsonBody(
                "{\"name\": \"Penny Opportunity\", \"list_id\": 6645, \"person_ids\": [38706],"
                        + " \"organization_ids\": [21442]}",
                server.journal().requests("createOpportunity").get(0));
    }

    @Test
    void createOnAListThatIsNotAnOpportunityListFailsWithTheServersMessage() {
        server.failNext("createOpportunity", 1, Failure.status(422, "List must be an opportunity list"));

        StepVerifier.create(client.opportunities()
                        .create(CreateOpportunityRequest.builder()
                                .name("Deal")
                                .listId(450L)
                                .build()))
                .expectErrorSatisfies(error -> assertEquals(
                        422,
                        assertInstanceOf(ValidationException.class, error)
                                .statusCode()
                                .getAsInt()))
                .verify(TIMEOUT);
    }

    @Test
    void updateSendsOnlyTheChanges() {
        client.opportunities()
                .update(
                        120611418,
                        UpdateOpportunityRequest.builder()
                                .name("Penny Opportunity")
                                .personIds(List.of(38706L, 89734L))
                                .build())
                .block(TIMEOUT);

        RecordedRequest request = server.journal().requests("updateOpportunity").get(0);
        assertEquals("PUT", request.method());
        assertEquals("/opportunities/120611418", request.path());
        assertJsonBody("{\"name\": \"Penny Opportunity\", \"person_ids\": [38706, 89734]}", request);
    }

    @Test
    void deleteCompletesOnSuccess() {
        StepVerifier.create(client.opportunities().delete(120611418))
                .expectComplete()
                .verify(TIMEOUT);

        assertEquals(
                "/opportunities/120611418",
                server.journal().requests("deleteOpportunity").get(0).path());
    }

    @Test
    void deleteFailsWhenTheServerReportsNoSuccess() {
        server.override("deleteOpportunity", 200, "{\"success\": false}");

        StepVerifier.create(client.opportunities().delete(120611418))
                .expectError(UnsuccessfulOperationException.class)
                .verify(TIMEOUT);
    }

    @Test
    void deleteOfAMissingOpportunityFailsWithNotFound() {
        server.failNext("deleteOpportunity", 1, Failure.status(404));

        StepVerifier.create(client.opportunities().delete(5))
                .expectError(NotFoundException.class)
                .verify(TIMEOUT);
    }

    static Stream<Call> invalidCalls() {
        return Stream.of(
                new Call("search without search", c -> c.opportunities().search(null), "search"),
                new Call(
                        "search with a blank term",
                        c -> c.opportunities()
                                .search(OpportunitySearch.builder().term("\t").build()),
                        "term"),
                new Call(
                        "search with page size 0",
                        c -> c.opportunities()
                                .search(OpportunitySearch.builder().pageSize(0).build()),
                        "pageSize"),
                new Call(
                        "search with page size 501",
                        c -> c.opportunities()
                                .search(OpportunitySearch.builder()
                                        .pageSize(501)
                                        .build()),
                        "pageSize"),
                new Call("get with id 0", c -> c.opportunities().get(0), "opportunityId"),
                new Call("create without request", c -> c.opportunities().create(null), "request"),
                new Call(
                        "create with a blank name",
                        c -> c.opportunities()
                                .create(CreateOpportunityRequest.builder()
                                        .name("")
                                        .listId(1L)
                                        .build()),
                        "name"),
                new Call(
                        "create with list id 0",
                        c -> c.opportunities()
                                .create(CreateOpportunityRequest.builder()
                                        .name("Deal")
                                        .listId(0L)
                                        .build()),
                        "listId"),
                new Call(
                        "create with person id 0",
                        c -> c.opportunities()
                                .create(CreateOpportunityRequest.builder()
                                        .name("Deal")
                                        .listId(1L)
                                        .personIds(List.of(0L))
                                        .build()),
                        "personIds"),
                new Call(
                        "create with organization id -1",
                        c -> c.opportunities()
                                .create(CreateOpportunityRequest.builder()
                                        .name("Deal")
                                        .listId(1L)
                                        .organizationIds(List.of(-1L))
                                        .build()),
                        "organizationIds"),
                new Call(
                        "update with id 0",
                        c -> c.opportunities()
                                .update(
                                        0,
                                        UpdateOpportunityRequest.builder()
                                                .name("Deal")
                                                .build()),
                        "opportunityId"),
                new Call("update without request", c -> c.opportunities().update(1, null), "request"),
                new Call(
                        "update with a blank name",
                        c -> c.opportunities()
                                .update(
                                        1,
                                        UpdateOpportunityRequest.builder()
                                                .name(" ")
                                                .build()),
                        "name"),
                new Call(
                        "update with person id 0",
                        c -> c.opportunities()
                                .update(
                                        1,
                                        UpdateOpportunityRequest.builder()
                                                .personIds(List.of(0L))
                                                .build()),
                        "personIds"),
                new Call(
                        "update with organization id 0",
                        c -> c.opportunities()
                                .update(
                                        1,
                                        UpdateOpportunityRequest.builder()
                                                .organizationIds(List.of(0L))
                                                .build()),
                        "organizationIds"),
                new Call("delete with id -1", c -> c.opportunities().delete(-1), "opportunityId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCalls")
    void badArgumentsAreRejectedBeforeAnythingIsSent(Call call) {
        assertRejectedBeforeSending(server, client, call);
    }
}
