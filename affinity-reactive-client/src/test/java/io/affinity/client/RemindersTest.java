package io.affinity.client;

import static io.affinity.client.RequestAssertions.assertJsonBody;
import static io.affinity.client.RequestAssertions.assertOnlyRequest;
import static io.affinity.client.RequestAssertions.assertPagesRepeatTheFirstQuery;
import static io.affinity.client.RequestAssertions.assertRejectedBeforeSending;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.affinity.client.RequestAssertions.Call;
import io.affinity.client.error.UnsuccessfulOperationException;
import io.affinity.client.query.ReminderQuery;
import io.affinity.model.CreateReminderRequest;
import io.affinity.model.ImmutableCreateReminderRequest;
import io.affinity.model.ImmutableUpdateReminderRequest;
import io.affinity.model.Reminder;
import io.affinity.model.ReminderResetType;
import io.affinity.model.ReminderStatus;
import io.affinity.model.ReminderType;
import io.affinity.model.UpdateReminderRequest;
import io.affinity.model.value.DateOrDateTime;
import io.affinity.testkit.Dataset;
import io.affinity.testkit.RecordedRequest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

class RemindersTest extends ResourceTest {

    private static final DateOrDateTime DUE = DateOrDateTime.of(OffsetDateTime.parse("2021-11-30T00:00:00-08:00"));

    @Test
    void listsEveryReminderPageByPage() {
        server.seed(Dataset.builder().reminders(120).build());

        List<Reminder> reminders = client.reminders()
                .list(ReminderQuery.builder().pageSize(50).build())
                .collectList()
                .block(TIMEOUT);

        assertEquals(
                seededIds(Dataset.REMINDER_BASE, 1, 120),
                reminders.stream().map(Reminder::id).toList());
        List<RecordedRequest> pages = server.journal().requests("getReminders");
        assertEquals(3, pages.size());
        assertPagesRepeatTheFirstQuery(pages);
    }

    @Test
    void sendsEveryFilter() {
        client.reminders()
                .list(ReminderQuery.builder()
                        .personId(1)
                        .organizationId(2)
                        .opportunityId(3)
                        .creatorId(4)
                        .ownerId(5)
                        .completerId(6)
                        .type(ReminderType.RECURRING)
                        .resetType(ReminderResetType.EMAIL)
                        .status(ReminderStatus.OVERDUE)
                        .dueBefore(DateOrDateTime.of(OffsetDateTime.parse("2022-01-01T00:00:00-08:00")))
                        .dueAfter(DateOrDateTime.of(OffsetDateTime.parse("2021-01-01T00:00:00Z")))
                        .pageSize(2)
                        .build())
                .take(1)
                .collectList()
                .block(TIMEOUT);

        assertOnlyRequest(
                server,
                "getReminders",
                Map.ofEntries(
                        Map.entry("person_id", "1"),
                        Map.entry("organization_id", "2"),
                        Map.entry("opportunity_id", "3"),
                        Map.entry("creator_id", "4"),
                        Map.entry("owner_id", "5"),
                        Map.entry("completer_id", "6"),
                        Map.entry("type", "1"),
                        Map.entry("reset_type", "1"),
                        Map.entry("status", "2"),
                        Map.entry("due_before", "2022-01-01T00:00:00-08:00"),
                        Map.entry("due_after", "2021-01-01T00:00:00Z"),
                        Map.entry("page_size", "2")));
    }

    @Test
    void getsOneReminder() {
        Reminder reminder = client.reminders().get(15326).block(TIMEOUT);

        assertEquals(15326L, reminder.id());
        assertEquals(ReminderType.RECURRING, reminder.type());
        assertEquals(
                "/reminders/15326",
                assertOnlyRequest(server, "getReminder", Map.of()).path());
    }

    @Test
    void createsAOneTimeReminder() {
        Reminder created = client.reminders()
                .create(CreateReminderRequest.builder()
                        .ownerId(443L)
                        .type(ReminderType.ONE_TIME)
                        .personId(2021L)
                        .dueDate(DUE)
                        .content("Reply to Alice")
                        .build())
                .block(TIMEOUT);

        assertEquals(15385L, created.id());
        assertJsonBody(
                "{\"owner_id\":443,\"type\":0,\"person_id\":2021,\"due_date\":\"2021-11-30T00:00:00-08:00\","
                        + "\"content\":\"Reply to Alice\"}",
                assertOnlyRequest(server, "createReminder", Map.of()));
    }

    @Test
    void createsAReminderDueOnAPlainDateAsTheReferenceExampleDoes() {
        client.reminders()
                .create(CreateReminderRequest.builder()
                        .ownerId(443L)
                        .personId(2021L)
                        .type(ReminderType.ONE_TIME)
                        .dueDate(DateOrDateTime.of(LocalDate.of(2021, 11, 30)))
                        .content("Create reminder from external API.")
                        .build())
                .block(TIMEOUT);

        assertJsonBody(
                "{\"owner_id\":443,\"person_id\":2021,\"type\":0,\"due_date\":\"2021-11-30\","
                        + "\"content\":\"Create reminder from external API.\"}",
                assertOnlyRequest(server, "createReminder", Map.of()));
        assertEquals(List.of(), server.violations());
    }

    @Test
    void filtersByPlainDates() {
        client.reminders()
                .list(ReminderQuery.builder()
                        .dueAfter(DateOrDateTime.of(LocalDate.of(2021, 11, 1)))
                        .dueBefore(DateOrDateTime.of(LocalDate.of(2021, 11, 30)))
                        .build())
                .take(1)
                .collectList()
                .block(TIMEOUT);

        assertOnlyRequest(server, "getReminders", Map.of("due_after", "2021-11-01", "due_before", "2021-11-30"));
        assertEquals(List.of(), server.violations());
    }

    @Test
    void turnsAReminderRecurring() {
        client.reminders()
                .update(
                        15385,
                        UpdateReminderRequest.builder()
                                .type(ReminderType.RECURRING)
                                .resetType(ReminderResetType.INTERACTION)
                                .reminderDays(30)
                                .build())
                .block(TIMEOUT);

        RecordedRequest request = assertOnlyRequest(server, "updateReminder", Map.of());
        assertEquals("/reminders/15385", request.path());
        assertJsonBody("{\"type\":1,\"reset_type\":0,\"reminder_days\":30}", request);
    }

    @Test
    void deleteCompletesOnSuccessTrueAndFailsVisiblyOtherwise() {
        StepVerifier.create(client.reminders().delete(22984)).expectComplete().verify(TIMEOUT);
        assertEquals(
                "/reminders/22984",
                assertOnlyRequest(server, "deleteReminder", Map.of()).path());

        server.override("deleteReminder", 200, "{\"success\": false}");
        StepVerifier.create(client.reminders().delete(22984))
                .expectError(UnsuccessfulOperationException.class)
                .verify(TIMEOUT);
    }

    static Stream<Call> invalidCalls() {
        ImmutableCreateReminderRequest oneTime = CreateReminderRequest.builder()
                .ownerId(443L)
                .type(ReminderType.ONE_TIME)
                .dueDate(DUE)
                .build();
        ImmutableCreateReminderRequest recurring = CreateReminderRequest.builder()
                .ownerId(443L)
                .type(ReminderType.RECURRING)
                .resetType(ReminderResetType.MEETING)
                .reminderDays(30)
                .build();
        ImmutableUpdateReminderRequest update =
                UpdateReminderRequest.builder().content("x").build();
        String tags = "personId, organizationId, opportunityId";
        return Stream.of(
                new Call(
                        "one-time without due date",
                        c -> c.reminders()
                                .create(CreateReminderRequest.builder()
                                        .ownerId(443L)
                                        .type(ReminderType.ONE_TIME)
                                        .build()),
                        "dueDate"),
                new Call(
                        "recurring without reset type",
                        c -> c.reminders()
                                .create(CreateReminderRequest.builder()
                                        .ownerId(443L)
                                        .type(ReminderType.RECURRING)
                                        .reminderDays(30)
                                        .build()),
                        "resetType"),
                new Call(
                        "recurring without days",
                        c -> c.reminders()
                                .create(CreateReminderRequest.builder()
                                        .ownerId(443L)
                                        .type(ReminderType.RECURRING)
                                        .resetType(ReminderResetType.EMAIL)
                                        .build()),
                        "reminderDays"),
                new Call(
                        "recurring every 0 days",
                        c -> c.reminders().create(recurring.withReminderDays(0)),
                        "reminderDays"),
                new Call(
                        "person and organization",
                        c -> c.reminders().create(oneTime.withPersonId(1L).withOrganizationId(2L)),
                        tags),
                new Call(
                        "all three tags",
                        c -> c.reminders()
                                .create(oneTime.withPersonId(1L)
                                        .withOrganizationId(2L)
                                        .withOpportunityId(3L)),
                        tags),
                new Call("zero person", c -> c.reminders().create(oneTime.withPersonId(0L)), "personId"),
                new Call(
                        "negative organization",
                        c -> c.reminders().create(oneTime.withOrganizationId(-1L)),
                        "organizationId"),
                new Call("zero opportunity", c -> c.reminders().create(oneTime.withOpportunityId(0L)), "opportunityId"),
                new Call("zero owner", c -> c.reminders().create(oneTime.withOwnerId(0L)), "ownerId"),
                new Call("create null", c -> c.reminders().create(null), "request"),
                new Call(
                        "update to one-time without due date",
                        c -> c.reminders().update(1, update.withType(ReminderType.ONE_TIME)),
                        "dueDate"),
                new Call(
                        "update to recurring without reset type",
                        c -> c.reminders()
                                .update(
                                        1,
                                        update.withType(ReminderType.RECURRING).withReminderDays(7)),
                        "resetType"),
                new Call(
                        "update to recurring without days",
                        c -> c.reminders()
                                .update(
                                        1,
                                        update.withType(ReminderType.RECURRING).withResetType(ReminderResetType.EMAIL)),
                        "reminderDays"),
                new Call("update zero owner", c -> c.reminders().update(1, update.withOwnerId(0L)), "ownerId"),
                new Call("update zero id", c -> c.reminders().update(0, update), "reminderId"),
                new Call("update null", c -> c.reminders().update(1, null), "request"),
                new Call("get zero", c -> c.reminders().get(0), "reminderId"),
                new Call("delete negative", c -> c.reminders().delete(-3), "reminderId"),
                new Call(
                        "list recurring without reset type",
                        c -> c.reminders()
                                .list(ReminderQuery.builder()
                                        .type(ReminderType.RECURRING)
                                        .build()),
                        "resetType"),
                new Call(
                        "list zero owner",
                        c -> c.reminders()
                                .list(ReminderQuery.builder().ownerId(0).build()),
                        "ownerId"),
                new Call(
                        "list zero completer",
                        c -> c.reminders()
                                .list(ReminderQuery.builder().completerId(0).build()),
                        "completerId"),
                new Call(
                        "list zero person",
                        c -> c.reminders()
                                .list(ReminderQuery.builder().personId(0).build()),
                        "personId"),
                new Call(
                        "list page size 501",
                        c -> c.reminders()
                                .list(ReminderQuery.builder().pageSize(501).build()),
                        "pageSize"),
                new Call("list null", c -> c.reminders().list(null), "query"));
    }

    @ParameterizedTest
    @MethodSource("invalidCalls")
    void invalidArgumentsAreRejectedBeforeSending(Call call) {
        assertRejectedBeforeSending(server, client, call);
    }
}
