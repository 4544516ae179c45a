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
import io.affinity.client.query.PersonGetOptions;
import io.affinity.client.query.PersonSearch;
import io.affinity.model.CreatePersonRequest;
import io.affinity.model.Field;
import io.affinity.model.Person;
import io.affinity.model.UpdatePersonRequest;
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

class PersonsTest extends ResourceTest {

    private static final OffsetDateTime JAN_1 = OffsetDateTime.parse("2021-01-01T00:00:00-08:00");
    private static final OffsetDateTime JAN_12 = OffsetDateTime.parse("2021-01-12T23:59:59Z");

    @Test
    void searchSendsEveryDocumentedFilter() {
        PersonSearch search = PersonSearch.builder()
                .term("doe")
                .withInteractionDates(true)
                .withInteractionPersons(true)
                .withOpportunities(true)
                .withCurrentOrganizations(false)
                .minFirstEmailDate(JAN_1)
                .maxFirstEmailDate(JAN_12)
                .minLastEmailDate(JAN_1)
                .maxLastEmailDate(JAN_12)
                .minLastInteractionDate(JAN_1)
                .maxLastInteractionDate(JAN_12)
                .minLastEventDate(JAN_1)
                .maxLastEventDate(JAN_12)
                .minFirstEventDate(JAN_1)
                .maxFirstEventDate(JAN_12)
                .minNextEventDate(JAN_1)
                .maxNextEventDate(JAN_12)
                .pageSize(25)
                .build();

        // the fixture's page always names the same next page token: read the first page only
        StepVerifier.create(client.persons().search(search).byPage().take(1))
                .assertNext(page -> assertEquals(38706L, page.items().get(0).id()))
                .expectComplete()
                .verify(TIMEOUT);

        Map<String, String> expected = interactionDateFilterQuery("2021-01-01T00:00:00-08:00", "2021-01-12T23:59:59Z");
        expected.putAll(Map.of(
                "term", "doe",
                "with_interaction_dates", "true",
                "with_interaction_persons", "true",
                "with_opportunities", "true",
                "with_current_organizations", "false",
                "page_size", "25"));
        assertOnlyRequest(server, "searchPersons", expected);
    }

    @Test
    void searchSendsOnlyTheParametersSet() {
        client.persons()
                .search(PersonSearch.builder().maxNextEventDate(JAN_12).build())
                .byPage()
                .take(1)
                .blockLast(TIMEOUT);

        assertOnlyRequest(server, "searchPersons", Map.of("max_next_event_date", "2021-01-12T23:59:59Z"));
    }

    @Test
    void anEmptySearchSendsNoParameters() {
        client.persons().search(PersonSearch.builder().build()).byPage().take(1).blockLast(TIMEOUT);

        assertOnlyRequest(server, "searchPersons", Map.of());
    }

    @Test
    void aSearchWalkReturnsEveryPersonOnceRepeatingItsParameters() {
        server.seed(Dataset.builder().persons(250).build());

        List<Long> ids = client.persons()
                .search(PersonSearch.builder()
                        .withOpportunities(true)
                        .minLastEmailDate(JAN_1)
                        .pageSize(100)
                        .build())
                .map(Person::id)
                .collectList()
                .block(TIMEOUT);

        assertEquals(seededIds(Dataset.PERSON_BASE, 1, 250), ids);
        List<RecordedRequest> pages = server.journal().requests("searchPersons");
        assertEquals(3, pages.size());
        assertPagesRepeatTheFirstQuery(pages);
        assertEquals(
                Map.of(
                        "with_opportunities",
                        List.of("true"),
                        "page_size",
                        List.of("100"),
                        "min_last_email_date",
                        List.of("2021-01-01T00:00:00-08:00")),
                pages.get(0).query());
    }

    @Test
    void takeOneOfASearchSendsOneRequest() {
        server.seed(Dataset.builder().persons(1_000).build());

        StepVerifier.create(client.persons()
                        .search(PersonSearch.builder().pageSize(100).build())
                        .take(1))
                .expectNextCount(1)
                .expectComplete()
                .verify(TIMEOUT);

        assertEquals(1, server.journal().size());
    }

    @Test
    void getSendsNoFlagsByDefault() {
        StepVerifier.create(client.persons().get(38706))
                .assertNext(person -> {
                    assertEquals(38706L, person.id());
                    assertEquals(List.of(1687449L), person.organizationIds());
                    assertEquals(388L, person.listEntries().get(0).id());
                })
                .expectComplete()
                .verify(TIMEOUT);

        assertEquals(
                "/persons/38706",
                assertOnlyRequest(server, "getPerson", Map.of()).path());
    }

    @Test
    void getSendsTheFlagsSet() {
        client.persons()
                .get(
                        38706,
                        PersonGetOptions.builder()
                                .withInteractionDates(true)
                                .withInteractionPersons(true)
                                .withOpportunities(true)
                                .withCurrentOrganizations(true)
                                .build())
                .block(TIMEOUT);

        assertOnlyRequest(
                server,
                "getPerson",
                Map.of(
                        "with_interaction_dates", "true",
                        "with_interaction_persons", "true",
                        "with_opportunities", "true",
                        "with_current_organizations", "true"));
    }

    @Test
    void getOfAMissingPersonFailsWithNotFound() {
        server.seed(Dataset.builder().persons(3).build());

        StepVerifier.create(client.persons().get(Dataset.PERSON_BASE + 4))
                .expectErrorSatisfies(error -> {
                    NotFoundException notFound = assertInstanceOf(NotFoundException.class, error);
                    assertEquals("GET", notFound.method());
                    assertEquals("/persons/" + (Dataset.PERSON_BASE + 4), notFound.path());
                })
                .verify(TIMEOUT);
    }

    @Test
    void getOfASeededPersonReturnsIt() {
        server.seed(Dataset.builder().persons(3).build());

        StepVerifier.create(client.persons().get(Dataset.PERSON_BASE + 2))
                .assertNext(person -> assertEquals(Dataset.PERSON_BASE + 2, person.id()))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void createSendsThePerson() {
        StepVerifier.create(client.persons()
                        .create(CreatePersonRequest.builder()
                                .firstName("Alice")
                                .lastName("Doe")
                                .addEmails("alice@affinity.co")
                                .organizationIds(List.of(1687449L))
                                .build()))
                .assertNext(person -> assertEquals("Alice", person.firstName().orElseThrow()))
                .expectComplete()
                .verify(TIMEOUT);

        assertJsonBody(
                "{\"first_name\": \"Alice\", \"last_name\": \"Doe\", \"emails\": [\"alice@affinity.co\"],"
                        + " \"organization_ids\": [1687449]}",
                server.journal().requests("createPerson").get(0));
    }

    @Test
    void createWithoutEmailsSendsAnEmptyArray() {
        client.persons()
                .create(CreatePersonRequest.builder()
                        .firstName("Alice")
                        .lastName("Doe")
                        .build())
                .block(TIMEOUT);

        assertJsonBody(
                "{\"first_name\": \"Alice\", \"last_name\": \"Doe\", \"emails\": []}",
                server.journal().requests("createPerson").get(0));
    }

    @Test
    void aConflictingEmailFailsTheCreateWithTheServersMessage() {
        server.failNext("createPerson", 1, Failure.status(422, "An email address already belongs to a person"));

        StepVerifier.create(client.persons()
                        .create(CreatePersonRequest.builder()
                                .firstName("Alice")
                                .lastName("Doe")
                                .addEmails("john@affinity.co")
                                .build()))
                .expectErrorSatisfies(error -> {
                    ValidationException invalid = assertInstanceOf(ValidationException.class, error);
                    assertEquals(422, invalid.statusCode().getAsInt());
                    assertTrue(invalid.serverMessage().orElse("").contains("already belongs"), invalid.getMessage());
                })
                .verify(TIMEOUT);
    }

    @Test
    void updateSendsOnlyTheChanges() {
        StepVerifier.create(client.persons()
                        .update(
                                860197,
                                UpdatePersonRequest.builder()
                                        .firstName("Allison")
                                        .emails(List.of("allison@affinity.co", "allison@gmail.com"))
                                        .build()))
                .assertNext(person -> assertEquals("Allison", person.firstName().orElseThrow()))
                .expectComplete()
                .verify(TIMEOUT);

        RecordedRequest request = server.journal().requests("updatePerson").get(0);
        assertEquals("PUT", request.method());
        assertEquals("/persons/860197", request.path());
        assertJsonBody(
                "{\"first_name\": \"Allison\", \"emails\": [\"allison@affinity.co\", \"allison@gmail.com\"]}", request);
    }

    @Test
    void updateOfAMissingPersonFailsWithNotFound() {
        server.failNext("updatePerson", 1, Failure.status(404));

        StepVerifier.create(client.persons()
                        .update(5, UpdatePersonRequest.builder().lastName("Roe").build()))
                .expectError(NotFoundException.class)
                .verify(TIMEOUT);
    }

    @Test
    void deleteCompletesOnSuccess() {
        StepVerifier.create(client.persons().delete(860197)).expectComplete().verify(TIMEOUT);

        RecordedRequest request = server.journal().requests("deletePerson").get(0);
        assertEquals("/persons/860197", request.path());
    }

    @Test
    void deleteFailsWhenTheServerReportsNoSuccess() {
        server.override("deletePerson", 200, "{\"success\": false}");

        StepVerifier.create(client.persons().delete(860197))
                .expectError(UnsuccessfulOperationException.class)
                .verify(TIMEOUT);
    }

    @Test
    void fieldsReturnsTheGlobalPersonFields() {
        StepVerifier.create(client.persons().fields().map(Field::name))
                .expectNext("Use Case", "Referrers", "Address")
                .expectComplete()
                .verify(TIMEOUT);

        assertEquals(1, server.journal().count("getPersonFields"));
    }

    static Stream<Call> invalidCalls() {
        return Stream.of(
                new Call("search without search", c -> c.persons().search(null), "search"),
                new Call(
                        "search with a blank term",
                        c -> c.persons().search(PersonSearch.builder().term(" ").build()),
                        "term"),
                new Call(
                        "search with page size 0",
                        c -> c.persons()
                                .search(PersonSearch.builder().pageSize(0).build()),
                        "pageSize"),
                new Call(
                        "search with page size 501",
                        c -> c.persons()
                                .search(PersonSearch.builder().pageSize(501).build()),
                        "pageSize"),
                new Call(
                        "search with interaction persons but no dates",
                        c -> c.persons()
                                .search(PersonSearch.builder()
                                        .withInteractionPersons(true)
                                        .build()),
                        "withInteractionPersons"),
                new Call(
                        "search with interaction persons and dates false",
                        c -> c.persons()
                                .search(PersonSearch.builder()
                                        .withInteractionPersons(true)
                                        .withInteractionDates(false)
                                        .build()),
                        "withInteractionPersons"),
                new Call(
                        "search with min first email after max",
                        c -> c.persons()
                                .search(PersonSearch.builder()
                                        .minFirstEmailDate(JAN_12)
                                        .maxFirstEmailDate(JAN_1)
                                        .build()),
                        "minFirstEmailDate"),
                new Call(
                        "search with min last email after max",
                        c -> c.persons()
                                .search(PersonSearch.builder()
                                        .minLastEmailDate(JAN_12)
                                        .maxLastEmailDate(JAN_1)
                                        .build()),
                        "minLastEmailDate"),
                new Call(
                        "search with min last interaction after max",
                        c -> c.persons()
                                .search(PersonSearch.builder()
                                        .minLastInteractionDate(JAN_12)
                                        .maxLastInteractionDate(JAN_1)
                                        .build()),
                        "minLastInteractionDate"),
                new Call(
                        "search with min last event after max",
                        c -> c.persons()
                                .search(PersonSearch.builder()
                                        .minLastEventDate(JAN_12)
                                        .maxLastEventDate(JAN_1)
                                        .build()),
                        "minLastEventDate"),
                new Call(
                        "search with min first event after max",
                        c -> c.persons()
                                .search(PersonSearch.builder()
                                        .minFirstEventDate(JAN_12)
                                        .maxFirstEventDate(JAN_1)
                                        .build()),
                        "minFirstEventDate"),
                new Call(
                        "search with min next event after max",
                        c -> c.persons()
                                .search(PersonSearch.builder()
                                        .minNextEventDate(JAN_12)
                                        .maxNextEventDate(JAN_1)
                                        .build()),
                        "minNextEventDate"),
                new Call(
                        "search by page with page size 501",
                        c -> c.persons()
                                .search(PersonSearch.builder().pageSize(501).build())
                                .byPage(),
                        "pageSize"),
                new Call("get with id 0", c -> c.persons().get(0), "personId"),
                new Call(
                        "get with flags and id -1",
                        c -> c.persons().get(-1, PersonGetOptions.builder().build()),
                        "personId"),
                new Call("get without options", c -> c.persons().get(1, null), "options"),
                new Call(
                        "get with interaction persons but no dates",
                        c -> c.persons()
                                .get(
                                        1,
                                        PersonGetOptions.builder()
                                                .withInteractionPersons(true)
                                                .build()),
                        "withInteractionPersons"),
                new Call("create without request", c -> c.persons().create(null), "request"),
                new Call(
                        "create with a blank first name",
                        c -> c.persons()
                                .create(CreatePersonRequest.builder()
                                        .firstName("")
                                        .lastName("Doe")
                                        .build()),
                        "firstName"),
                new Call(
                        "create with a blank last name",
                        c -> c.persons()
                                .create(CreatePersonRequest.builder()
                                        .firstName("Alice")
                                        .lastName("  ")
                                        .build()),
                        "lastName"),
                new Call(
                        "create with a blank email",
                        c -> c.persons()
                                .create(CreatePersonRequest.builder()
                                        .firstName("Alice")
                                        .lastName("Doe")
                                        .addEmails("a@b.co", "")
                                        .build()),
                        "emails"),
                new Call(
                        "create with organization id 0",
                        c -> c.persons()
                                .create(CreatePersonRequest.builder()
                                        .firstName("Alice")
                                        .lastName("Doe")
                                        .organizationIds(List.of(0L))
                                        .build()),
                        "organizationIds"),
                new Call(
                        "update with id 0",
                        c -> c.persons().update(0, UpdatePersonRequest.builder().build()),
                        "personId"),
                new Call("update without request", c -> c.persons().update(1, null), "request"),
                new Call(
                        "update with a blank first name",
                        c -> c.persons()
                                .update(
                                        1,
                                        UpdatePersonRequest.builder()
                                                .firstName(" ")
                                                .build()),
                        "firstName"),
                new Call(
                        "update with a blank last name",
                        c -> c.persons()
                                .update(
                                        1,
                                        UpdatePersonRequest.builder()
                                                .lastName("")
                                                .build()),
                        "lastName"),
                new Call(
                        "update with a blank email",
                        c -> c.persons()
                                .update(
                                        1,
                                        UpdatePersonRequest.builder()
                                                .emails(List.of(" "))
                                                .build()),
                        "emails"),
                new Call(
                        "update with a negative organization id",
                        c -> c.persons()
                                .update(
                                        1,
                                        UpdatePersonRequest.builder()
                                                .organizationIds(List.of(5L, -5L))
                                                .build()),
                        "organizationIds"),
                new Call("delete with id 0", c -> c.persons().delete(0), "personId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCalls")
    void badArgumentsAreRejectedBeforeAnythingIsSent(Call call) {
        assertRejectedBeforeSending(server, client, call);
    }
}
