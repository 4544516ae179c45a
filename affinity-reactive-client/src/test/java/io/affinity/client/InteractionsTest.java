package io.affinity.client;

import static io.affinity.client.RequestAssertions.assertJsonBody;
import static io.affinity.client.RequestAssertions.assertOnlyRequest;
import static io.affinity.client.RequestAssertions.assertPagesRepeatTheFirstQuery;
import static io.affinity.client.RequestAssertions.assertRejectedBeforeSending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.RequestAssertions.Call;
import io.affinity.client.error.UnsuccessfulOperationException;
import io.affinity.client.paging.Page;
import io.affinity.client.query.ImmutableInteractionQuery;
import io.affinity.client.query.InteractionQuery;
import io.affinity.model.CreateInteractionRequest;
import io.affinity.model.ImmutableCreateInteractionRequest;
import io.affinity.model.ImmutableUpdateInteractionRequest;
import io.affinity.model.Interaction;
import io.affinity.model.InteractionDirection;
import io.affinity.model.InteractionType;
import io.affinity.model.LoggingType;
import io.affinity.model.UpdateInteractionRequest;
import io.affinity.testkit.Dataset;
import io.affinity.testkit.RecordedRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

class InteractionsTest extends ResourceTest {

    private static final Duration YEAR = Duration.ofDays(365);
    /** The newest seeded interaction of each type is 6 hours before this; the others 6 hours apart. */
    private static final OffsetDateTime SEED_END = OffsetDateTime.parse("2025-01-01T00:00:00Z");
    /** Three years (1,096 days with 2024's leap day) before the seed's end: 4,384 interactions per type. */
    private static final OffsetDateTime THREE_YEARS_BEFORE = OffsetDateTime.parse("2022-01-01T00:00:00Z");

    private static final int IN_THREE_YEARS = 4_384;

    /** Emails of the first organization: with one organization seeded, every seeded interaction belongs to it. */
    private static ImmutableInteractionQuery.Builder threeYearsOfEmails() {
        return InteractionQuery.builder()
                .type(InteractionType.EMAIL)
                .organizationId(Dataset.ORGANIZATION_BASE + 1)
                .startTime(THREE_YEARS_BEFORE)
                .endTime(SEED_END);
    }

    private static List<Long> interactionIds(int fromInclusive, int toInclusive) {
        return seededIds(Dataset.INTERACTION_BASE, fromInclusive, toInclusive);
    }

    @Test
    void aThreeYearWalkReturnsEverySeededItemOnceInOrderInWindowsOfAtMost365Days() {
        // 4,500 reach back beyond the 3 years
        server.seed(Dataset.builder().organizations(1).interactions(4_500).build());

        List<Interaction> emails = client.interactions()
                .list(threeYearsOfEmails().build())
                .collectList()
                .block(TIMEOUT);

        // every item of the range once, newest first (the seed's order), none from outside it
        assertSameIds(
                interactionIds(1, IN_THREE_YEARS),
                emails.stream().map(Interaction::id).toList());
        emails.forEach(email -> assertEquals(InteractionType.EMAIL, email.type()));

        List<RecordedRequest> requests = server.journal().requests("getInteractions");
        List<List<RecordedRequest>> windows = byWindow(requests);
        assertEquals(4, windows.size(), "365 + 365 + 365 + 1 days");
        assertEquals(List.of(15, 15, 15, 1), windows.stream().map(List::size).toList(), "pages of 100 per window");
        assertEquals(46, requests.size());
        for (RecordedRequest request : requests) {
            Duration window = Duration.between(time(request, "start_time"), time(request, "end_time"));
            assertTrue(!window.isNegative() && !window.isZero() && window.compareTo(YEAR) <= 0, request.toString());
        }
        assertEquals(SEED_END, time(windows.get(0).get(0), "end_time"));
        assertEquals(THREE_YEARS_BEFORE, time(windows.get(3).get(0), "start_time"));
        for (int i = 0; i + 1 < windows.size(); i++) {
            assertEquals(
                    time(windows.get(i).get(0), "start_time"),
                    time(windows.get(i + 1).get(0), "end_time"),
                    "window " + i + " starts where window " + (i + 1) + " ends: no gap, no overlap");
        }
        windows.forEach(RequestAssertions::assertPagesRepeatTheFirstQuery);
        assertEquals(
                "2025-01-01T00:00:00Z",
                requests.get(0).queryParameter("end_time").orElseThrow());
        assertEquals(
                Map.of(
                        "type",
                        List.of("3"),
                        "organization_id",
                        List.of(Long.toString(Dataset.ORGANIZATION_BASE + 1)),
                        "start_time",
                        List.of("2024-01-02T00:00:00Z"),
                        "end_time",
                        List.of("2025-01-01T00:00:00Z")),
                requests.get(0).query());
    }

    @Test
    void takeOneOfAThreeYearWalkSendsOneRequest() {
        server.seed(Dataset.builder().organizations(1).interactions(4_500).build());

        StepVerifier.create(
                        client.interactions().list(threeYearsOfEmails().build()).take(1))
                .assertNext(email -> assertEquals(Dataset.INTERACTION_BASE + 1, email.id()))
                .expectComplete()
                .verify(TIMEOUT);

        assertEquals(1, server.journal().size(), server.journal().requests().toString());
    }

    @Test
    void demandDrivesEveryRequestAcrossWindows() {
        server.seed(Dataset.builder().organizations(1).interactions(4_500).build());

        StepVerifier.create(client.interactions().list(threeYearsOfEmails().build()), 0)
                .then(() -> assertEquals(0, server.journal().size(), "nothing before demand"))
                .thenRequest(100)
                .expectNextCount(100)
                .then(() -> assertEquals(1, server.journal().size()))
                .thenRequest(1_360) // the rest of the first window, exactly
                .expectNextCount(1_360)
                .then(() -> assertEquals(15, server.journal().size(), "the second window is not started yet"))
                .thenRequest(1)
                .assertNext(email -> assertEquals(Dataset.INTERACTION_BASE + 1_461, email.id()))
                .then(() -> {
                    List<RecordedRequest> requests = server.journal().requests("getInteractions");
                    assertEquals(16, requests.size());
                    assertEquals(time(requests.get(0), "start_time"), time(requests.get(15), "end_time"));
                    assertFalse(requests.get(15).query().containsKey("page_token"), "a window starts without token");
                })
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void aMultiWindowWalkCanBeResumedFromAPageToken() {
        server.seed(Dataset.builder().organizations(1).interactions(4_500).build());
        PagedFluxTokens tokens = new PagedFluxTokens();

        List<Page<Interaction>> firstWindow = client.interactions()
                .list(threeYearsOfEmails().build())
                .byPage()
                .take(15)
                .doOnNext(tokens::add)
                .collectList()
                .block(TIMEOUT);
        String startOfSecondWindow = firstWindow.get(14).nextPageToken().orElseThrow();
        assertEquals(15, server.journal().size());

        List<Interaction> resumed = client.interactions()
                .list(threeYearsOfEmails().build())
                .byPage(startOfSecondWindow)
                .take(1)
                .flatMapIterable(Page::items)
                .collectList()
                .block(TIMEOUT);

        assertEquals(
                interactionIds(1_461, 1_560),
                resumed.stream().map(Interaction::id).toList());
        RecordedRequest resumedRequest = server.journal().requests().get(15);
        assertEquals(16, server.journal().size());
        assertEquals(
                "2024-01-02T00:00:00Z",
                resumedRequest.queryParameter("end_time").orElseThrow());
        assertFalse(resumedRequest.query().containsKey("page_token"), resumedRequest.toString());
        assertEquals(15, tokens.distinct(), "every page token of the walk is new");
    }

    @Test
    void aRangeOfAtMost365DaysIsOneWindowWithTheServersOwnTokens() {
        server.seed(Dataset.builder().organizations(1).interactions(500).build());
        InteractionQuery year = threeYearsOfEmails()
                .startTime(SEED_END.minus(YEAR))
                .pageSize(100)
                .build();

        List<Page<Interaction>> pages =
                client.interactions().list(year).byPage().take(2).collectList().block(TIMEOUT);

        List<RecordedRequest> requests = server.journal().requests("getInteractions");
        assertEquals(2, requests.size());
        assertPagesRepeatTheFirstQuery(requests);
        assertEquals(
                "2024-01-02T00:00:00Z",
                requests.get(0).queryParameter("start_time").orElseThrow());
        assertEquals(
                pages.get(0).nextPageToken(),
                requests.get(1).queryParameter("page_token"),
                "the server's token is passed through");
    }

    static Stream<InteractionType> types() {
        return InteractionType.values().stream();
    }

    @ParameterizedTest
    @MethodSource("types")
    void itemsComeFromTheEnvelopeOfTheirType(InteractionType type) {
        server.seed(Dataset.builder().persons(1).interactions(10).build());

        List<Interaction> items = client.interactions()
                .list(InteractionQuery.builder()
                        .type(type)
                        .personId(Dataset.PERSON_BASE + 1)
                        .startTime(SEED_END.minusDays(1))
                        .endTime(SEED_END)
                        .build())
                .collectList()
                .block(TIMEOUT);

        assertEquals(interactionIds(1, 4), items.stream().map(Interaction::id).toList());
        items.forEach(item -> assertEquals(type, item.type()));
    }

    @Test
    void sendsEveryFilterOfTheQuery() {
        server.seed(Dataset.builder().interactions(10).build());

        client.interactions()
                .list(InteractionQuery.builder()
                        .type(InteractionType.CHAT_MESSAGE)
                        .personId(11)
                        .organizationId(12)
                        .opportunityId(13)
                        .internalPersonId(14)
                        .loggingType(LoggingType.MANUAL)
                        .direction(InteractionDirection.RECEIVED)
                        .startTime(OffsetDateTime.parse("2024-06-01T10:00:00-08:00"))
                        .endTime(OffsetDateTime.parse("2024-07-01T10:00:00.5+02:00"))
                        .pageSize(20)
                        .build())
                .collectList()
                .block(TIMEOUT);

        assertOnlyRequest(
                server,
                "getInteractions",
                Map.of(
                        "type",
                        "2",
                        "logging_type",
                        "1",
                        "person_id",
                        "11",
                        "organization_id",
                        "12",
                        "opportunity_id",
                        "13",
                        "internal_person_id",
                        "14",
                        "direction",
                        "1",
                        "start_time",
                        "2024-06-01T10:00:00-08:00",
                        "end_time",
                        "2024-07-01T10:00:00.5+02:00",
                        "page_size",
                        "20"));
    }

    @Test
    void getsOneInteractionByIdAndType() {
        Interaction chat =
                client.interactions().get(7267, InteractionType.CHAT_MESSAGE).block(TIMEOUT);

        assertEquals(7267L, chat.id());
        assertEquals(InteractionType.CHAT_MESSAGE, chat.type());
        assertEquals(
                "/interactions/7267",
                assertOnlyRequest(server, "getInteraction", Map.of("type", "2")).path());
    }

    @Test
    void createsAMeeting() {
        Interaction created = client.interactions()
                .create(CreateInteractionRequest.builder()
                        .type(InteractionType.MEETING)
                        .addPersonIds(443L, 2021L)
                        .date(OffsetDateTime.parse("2021-02-07T10:56:29.546-08:00"))
                        .content("Create interaction from external API.")
                        .build())
                .block(TIMEOUT);

        assertEquals(3007L, created.id());
        assertJsonBody(
                "{\"type\":0,\"person_ids\":[443,2021],\"content\":\"Create interaction from external API.\","
                        + "\"date\":\"2021-02-07T10:56:29.546-08:00\"}",
                assertOnlyRequest(server, "createInteraction", Map.of()));
    }

    @Test
    void updatesAnInteractionWithItsTypeInTheBody() {
        Interaction updated = client.interactions()
                .update(
                        3007,
                        UpdateInteractionRequest.builder()
                                .type(InteractionType.MEETING)
                                .personIds(List.of(443L))
                                .content("Update interaction from external API.")
                                .build())
                .block(TIMEOUT);

        assertEquals(3007L, updated.id());
        RecordedRequest request = assertOnlyRequest(server, "updateInteraction", Map.of());
        assertEquals("/interactions/3007", request.path());
        assertJsonBody(
                "{\"type\":0,\"person_ids\":[443],\"content\":\"Update interaction from external API.\"}", request);
    }

    @Test
    void updatesWithoutPersonsAsTheReferenceExampleDoes() {
        client.interactions()
                .update(
                        3007,
                        UpdateInteractionRequest.builder()
                                .type(InteractionType.MEETING)
                                .date(OffsetDateTime.parse("2022-02-07T10:56:29.546-08:00"))
                                .content("Update interaction from external API.")
                                .build())
                .block(TIMEOUT);

        assertJsonBody(
                "{\"type\":0,\"date\":\"2022-02-07T10:56:29.546-08:00\","
                        + "\"content\":\"Update interaction from external API.\"}",
                assertOnlyRequest(server, "updateInteraction", Map.of()));
        assertEquals(List.of(), server.violations());
    }

    @Test
    void deleteCompletesOnSuccessTrueAndFailsVisiblyOtherwise() {
        StepVerifier.create(client.interactions().delete(22984, InteractionType.MEETING))
                .expectComplete()
                .verify(TIMEOUT);
        assertEquals(
                "/interactions/22984",
                assertOnlyRequest(server, "deleteInteraction", Map.of("type", "0"))
                        .path());

        server.override("deleteInteraction", 200, "{\"success\": false}");
        StepVerifier.create(client.interactions().delete(22984, InteractionType.MEETING))
                .expectError(UnsuccessfulOperationException.class)
                .verify(TIMEOUT);
    }

    static Stream<Call> invalidCalls() {
        ImmutableInteractionQuery valid = InteractionQuery.builder()
                .type(InteractionType.EMAIL)
                .personId(1)
                .startTime(THREE_YEARS_BEFORE)
                .endTime(SEED_END)
                .build();
        ImmutableCreateInteractionRequest meeting = CreateInteractionRequest.builder()
                .type(InteractionType.MEETING)
                .addPersonIds(443L)
                .content("met")
                .date(SEED_END)
                .build();
        ImmutableUpdateInteractionRequest update = UpdateInteractionRequest.builder()
                .type(InteractionType.CALL)
                .personIds(List.of(443L))
                .build();
        String entities = "personId, organizationId, opportunityId";
        return Stream.of(
                new Call(
                        "no type",
                        c -> c.interactions()
                                .list(InteractionQuery.builder()
                                        .personId(1)
                                        .startTime(THREE_YEARS_BEFORE)
                                        .endTime(SEED_END)
                                        .build()),
                        "type"),
                new Call(
                        "no start",
                        c -> c.interactions()
                                .list(InteractionQuery.builder()
                                        .type(InteractionType.CALL)
                                        .personId(1)
                                        .endTime(SEED_END)
                                        .build()),
                        "startTime"),
                new Call(
                        "no end",
                        c -> c.interactions()
                                .list(InteractionQuery.builder()
                                        .type(InteractionType.CALL)
                                        .personId(1)
                                        .startTime(SEED_END)
                                        .build()),
                        "endTime"),
                new Call("start equals end", c -> c.interactions().list(valid.withStartTime(SEED_END)), "startTime"),
                new Call(
                        "start after end",
                        c -> c.interactions().list(valid.withStartTime(SEED_END.plusSeconds(1))),
                        "startTime"),
                new Call(
                        "same instant in other offsets",
                        c -> c.interactions()
                                .list(valid.withStartTime(OffsetDateTime.parse("2024-12-31T16:00:00-08:00"))),
                        "startTime"),
                new Call(
                        "no entity",
                        c -> c.interactions()
                                .list(InteractionQuery.builder()
                                        .type(InteractionType.CALL)
                                        .startTime(THREE_YEARS_BEFORE)
                                        .endTime(SEED_END)
                                        .internalPersonId(5)
                                        .build()),
                        entities),
                new Call("zero person", c -> c.interactions().list(valid.withPersonId(0)), "personId"),
                new Call(
                        "negative organization",
                        c -> c.interactions().list(valid.withOrganizationId(-1)),
                        "organizationId"),
                new Call("zero opportunity", c -> c.interactions().list(valid.withOpportunityId(0)), "opportunityId"),
                new Call(
                        "zero internal person",
                        c -> c.interactions().list(valid.withInternalPersonId(0)),
                        "internalPersonId"),
                new Call("page size 101", c -> c.interactions().list(valid.withPageSize(101)), "pageSize"),
                new Call("page size 0", c -> c.interactions().list(valid.withPageSize(0)), "pageSize"),
                new Call(
                        "direction of a meeting",
                        c -> c.interactions()
                                .list(valid.withType(InteractionType.MEETING).withDirection(InteractionDirection.SENT)),
                        "direction"),
                new Call("null query", c -> c.interactions().list(null), "query"),
                new Call("foreign page token", c -> c.interactions().list(valid).byPage("abc"), "continuationToken"),
                new Call(
                        "page token of a window past the end",
                        c -> c.interactions().list(valid).byPage("9:x"),
                        "continuationToken"),
                new Call("get zero id", c -> c.interactions().get(0, InteractionType.EMAIL), "interactionId"),
                new Call("get without type", c -> c.interactions().get(1, null), "type"),
                new Call(
                        "create an email",
                        c -> c.interactions().create(meeting.withType(InteractionType.EMAIL)),
                        "type"),
                new Call(
                        "create without persons",
                        c -> c.interactions().create(meeting.withPersonIds(List.of())),
                        "personIds"),
                new Call(
                        "create with a zero person",
                        c -> c.interactions().create(meeting.withPersonIds(0L)),
                        "personIds"),
                new Call(
                        "create with blank content", c -> c.interactions().create(meeting.withContent(" ")), "content"),
                new Call(
                        "create a meeting with a direction",
                        c -> c.interactions().create(meeting.withDirection(InteractionDirection.SENT)),
                        "direction"),
                new Call("create null", c -> c.interactions().create(null), "request"),
                new Call("update zero id", c -> c.interactions().update(0, update), "interactionId"),
                new Call(
                        "update without persons",
                        c -> c.interactions().update(1, update.withPersonIds(List.of())),
                        "personIds"),
                new Call(
                        "update with blank content",
                        c -> c.interactions().update(1, update.withContent("")),
                        "content"),
                new Call("update null", c -> c.interactions().update(1, null), "request"),
                new Call("delete zero id", c -> c.interactions().delete(0, InteractionType.CALL), "interactionId"),
                new Call("delete without type", c -> c.interactions().delete(1, null), "type"));
    }

    @ParameterizedTest
    @MethodSource("invalidCalls")
    void invalidArgumentsAreRejectedBeforeSending(Call call) {
        assertRejectedBeforeSending(server, client, call);
    }

    /** Compares long id lists, reporting the first difference rather than thousands of ids. */
    private static void assertSameIds(List<Long> expected, List<Long> actual) {
        int common = Math.min(expected.size(), actual.size());
        for (int i = 0; i < common; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                throw new AssertionError("item " + i + " is " + actual.get(i) + ", expected " + expected.get(i));
            }
        }
        assertEquals(expected.size(), actual.size(), "items returned");
    }

    /** The requests of a walk, grouped by window (consecutive requests with the same range). */
    private static List<List<RecordedRequest>> byWindow(List<RecordedRequest> requests) {
        List<List<RecordedRequest>> windows = new ArrayList<>();
        for (RecordedRequest request : requests) {
            List<RecordedRequest> last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
            if (last != null && sameRange(last.get(0), request)) {
                last.add(request);
            } else {
                windows.add(new ArrayList<>(List.of(request)));
            }
        }
        return windows;
    }

    private static boolean sameRange(RecordedRequest a, RecordedRequest b) {
        return a.queryParameter("start_time").equals(b.queryParameter("start_time"))
                && a.queryParameter("end_time").equals(b.queryParameter("end_time"));
    }

    private static OffsetDateTime time(RecordedRequest request, String parameter) {
        return OffsetDateTime.parse(request.queryParameter(parameter).orElseThrow());
    }

    /** Collects the page tokens a walk hands out. */
    private static final class PagedFluxTokens {

        private final List<String> tokens = new ArrayList<>();

        void add(Page<Interaction> page) {
            page.nextPageToken().ifPresent(tokens::add);
        }

        long distinct() {
            return tokens.stream().distinct().count();
        }
    }
}
