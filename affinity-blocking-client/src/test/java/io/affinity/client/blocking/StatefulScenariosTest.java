package io.affinity.client.blocking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.AffinityClient;
import io.affinity.client.EntityFileUpload;
import io.affinity.client.UploadFile;
import io.affinity.client.error.NotFoundException;
import io.affinity.client.error.ValidationException;
import io.affinity.client.query.EntityFileQuery;
import io.affinity.client.query.FieldQuery;
import io.affinity.client.query.FieldValueChangeQuery;
import io.affinity.client.query.FieldValueQuery;
import io.affinity.client.query.InteractionQuery;
import io.affinity.client.query.NoteQuery;
import io.affinity.client.query.OpportunitySearch;
import io.affinity.client.query.OrganizationSearch;
import io.affinity.client.query.PersonGetOptions;
import io.affinity.client.query.PersonSearch;
import io.affinity.client.query.ReminderQuery;
import io.affinity.client.retry.RetryOptions;
import io.affinity.model.AffinityList;
import io.affinity.model.CreateFieldRequest;
import io.affinity.model.CreateFieldValueRequest;
import io.affinity.model.CreateInteractionRequest;
import io.affinity.model.CreateListEntryRequest;
import io.affinity.model.CreateListRequest;
import io.affinity.model.CreateNoteRequest;
import io.affinity.model.CreateOpportunityRequest;
import io.affinity.model.CreateOrganizationRequest;
import io.affinity.model.CreatePersonRequest;
import io.affinity.model.CreateReminderRequest;
import io.affinity.model.CreateWebhookSubscriptionRequest;
import io.affinity.model.EntityFile;
import io.affinity.model.Field;
import io.affinity.model.FieldEntityType;
import io.affinity.model.FieldValue;
import io.affinity.model.FieldValueChange;
import io.affinity.model.FieldValueChangeAction;
import io.affinity.model.FieldValueType;
import io.affinity.model.Interaction;
import io.affinity.model.InteractionType;
import io.affinity.model.ListEntry;
import io.affinity.model.ListType;
import io.affinity.model.Note;
import io.affinity.model.Opportunity;
import io.affinity.model.Organization;
import io.affinity.model.Person;
import io.affinity.model.Reminder;
import io.affinity.model.ReminderStatus;
import io.affinity.model.ReminderType;
import io.affinity.model.UpdateFieldValueRequest;
import io.affinity.model.UpdateInteractionRequest;
import io.affinity.model.UpdateNoteRequest;
import io.affinity.model.UpdateOpportunityRequest;
import io.affinity.model.UpdateOrganizationRequest;
import io.affinity.model.UpdatePersonRequest;
import io.affinity.model.UpdateReminderRequest;
import io.affinity.model.UpdateWebhookSubscriptionRequest;
import io.affinity.model.WebhookEventType;
import io.affinity.model.WebhookSubscription;
import io.affinity.model.value.DateOrDateTime;
import io.affinity.model.value.FieldValueData;
import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.Dataset;
import io.affinity.testkit.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Create, read, list or search, update, read again, delete and read a 404 for every writable resource, through the
 * reactive and the blocking client against the testkit's stateful fake: what a write did is what the reads return.
 * Each step names both calls; a flavour runs one of them.
 */
class StatefulScenariosTest {

    /** The two clients behind one set of steps. */
    interface Api {
        <T> T call(Function<AffinityClient, Mono<T>> reactive, Function<AffinityBlockingClient, T> blocking);

        void run(Function<AffinityClient, Mono<Void>> reactive, Consumer<AffinityBlockingClient> blocking);

        <T> List<T> all(
                Function<AffinityClient, Flux<T>> reactive, Function<AffinityBlockingClient, Iterable<T>> blocking);
    }

    record Flavour(String name, boolean reactive) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Flavour> flavours() {
        return Stream.of(new Flavour("reactive", true), new Flavour("blocking", false));
    }

    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
    private static final TestClock CLOCK = TestClock.startingAt(START);
    private static final long ME = Dataset.PERSON_BASE;
    private static final long PERSON = Dataset.PERSON_BASE + 1;
    private static final long ORGANIZATION = Dataset.ORGANIZATION_BASE + 1;
    private static final long OPPORTUNITY_LIST = Dataset.LIST_BASE + 3;
    private static AffinityMockServer server;

    @BeforeAll
    static void start() {
        server =
                AffinityMockServer.builder().perMinuteLimit(10_000).clock(CLOCK).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
        CLOCK.set(START);
        server.seed(Dataset.builder()
                .persons(5)
                .organizations(3)
                .opportunities(2)
                .lists(3, 2)
                .build());
    }

    private static void scenario(Flavour flavour, Consumer<Api> steps) {
        try (AffinityClient client = AffinityClient.builder()
                .apiKey(server.apiKey())
                .baseUrl(server.baseUrl().toString())
                .retryOptions(RetryOptions.builder()
                        .baseDelay(Duration.ZERO)
                        .maxDelay(Duration.ZERO)
                        .build())
                .build()) {
            AffinityBlockingClient blocking = AffinityBlockingClient.wrap(client);
            steps.accept(new Api() {
                public <T> T call(Function<AffinityClient, Mono<T>> r, Function<AffinityBlockingClient, T> b) {
                    return flavour.reactive() ? r.apply(client).block(Duration.ofSeconds(10)) : b.apply(blocking);
                }

                public void run(Function<AffinityClient, Mono<Void>> r, Consumer<AffinityBlockingClient> b) {
                    if (flavour.reactive()) {
                        r.apply(client).block(Duration.ofSeconds(10));
                    } else {
                        b.accept(blocking);
                    }
                }

                public <T> List<T> all(
                        Function<AffinityClient, Flux<T>> r, Function<AffinityBlockingClient, Iterable<T>> b) {
                    return flavour.reactive()
                            ? r.apply(client).collectList().block(Duration.ofSeconds(10))
                            : StreamSupport.stream(b.apply(blocking).spliterator(), false)
                                    .toList();
                }
            });
        }
        assertTrue(server.violations().isEmpty(), () -> server.violations().toString());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
    }

    private static void assertSameInstant(OffsetDateTime expected, OffsetDateTime actual) {
        assertEquals(expected.toInstant(), actual.toInstant(), () -> expected + " vs " + actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void persons(Flavour flavour) {
        scenario(flavour, api -> {
            CreatePersonRequest create = CreatePersonRequest.builder()
                    .firstName("Zelda")
                    .lastName("Quartz")
                    .addEmails("zelda@quartz.example")
                    .organizationIds(List.of(ORGANIZATION))
                    .build();
            Person created =
                    api.call(c -> c.persons().create(create), b -> b.persons().create(create));
            long id = created.id();
            assertTrue(id > Dataset.PERSON_BASE + 5, "a new id after the seeded ones: " + id);
            assertEquals("zelda@quartz.example", created.primaryEmail().orElseThrow());

            Person read = api.call(c -> c.persons().get(id), b -> b.persons().get(id));
            assertEquals("Quartz", read.lastName().orElseThrow());
            assertEquals(List.of(ORGANIZATION), read.organizationIds());
            Organization organization = api.call(
                    c -> c.organizations().get(ORGANIZATION),
                    b -> b.organizations().get(ORGANIZATION));
            assertTrue(organization.personIds().contains(id), "the organization lists its new person");

            PersonSearch byTerm = PersonSearch.builder().term("quartz").build();
            assertEquals(
                    List.of(id),
                    api.all(c -> c.persons().search(byTerm), b -> b.persons().search(byTerm)).stream()
                            .map(Person::id)
                            .toList());

            UpdatePersonRequest update =
                    UpdatePersonRequest.builder().firstName("Zora").build();
            assertEquals(
                    "Zora",
                    api.call(
                                    c -> c.persons().update(id, update),
                                    b -> b.persons().update(id, update))
                            .firstName()
                            .orElseThrow());
            Person updated = api.call(c -> c.persons().get(id), b -> b.persons().get(id));
            assertEquals("Zora", updated.firstName().orElseThrow());
            assertEquals("Quartz", updated.lastName().orElseThrow(), "fields not sent stay as they were");
            assertEquals(List.of("zelda@quartz.example"), updated.emails());

            api.run(c -> c.persons().delete(id), b -> b.persons().delete(id));
            assertThrows(
                    NotFoundException.class,
                    () -> api.call(c -> c.persons().get(id), b -> b.persons().get(id)));
            assertTrue(api.all(c -> c.persons().search(byTerm), b -> b.persons().search(byTerm))
                    .isEmpty());
            assertFalse(server.state().organizations().get(0).personIds().contains(id));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void organizations(Flavour flavour) {
        scenario(flavour, api -> {
            CreateOrganizationRequest create = CreateOrganizationRequest.builder()
                    .name("Quokka Labs")
                    .domain("quokka.example")
                    .personIds(List.of(PERSON))
                    .build();
            long id = api.call(
                            c -> c.organizations().create(create),
                            b -> b.organizations().create(create))
                    .id();
            Organization read = api.call(
                    c -> c.organizations().get(id), b -> b.organizations().get(id));
            assertEquals("quokka.example", read.domain().orElseThrow());
            assertEquals(List.of(PERSON), read.personIds());
            assertTrue(
                    api.call(c -> c.persons().get(PERSON), b -> b.persons().get(PERSON))
                            .organizationIds()
                            .contains(id),
                    "the person names the organization it was added to");

            OrganizationSearch byTerm =
                    OrganizationSearch.builder().term("quokka").build();
            assertEquals(
                    List.of(id),
                    api
                            .all(
                                    c -> c.organizations().search(byTerm),
                                    b -> b.organizations().search(byTerm))
                            .stream()
                            .map(Organization::id)
                            .toList());

            UpdateOrganizationRequest update =
                    UpdateOrganizationRequest.builder().name("Quokka Inc.").build();
            api.call(
                    c -> c.organizations().update(id, update),
                    b -> b.organizations().update(id, update));
            Organization updated = api.call(
                    c -> c.organizations().get(id), b -> b.organizations().get(id));
            assertEquals("Quokka Inc.", updated.name());
            assertEquals("quokka.example", updated.domain().orElseThrow());

            api.run(c -> c.organizations().delete(id), b -> b.organizations().delete(id));
            assertThrows(
                    NotFoundException.class,
                    () -> api.call(
                            c -> c.organizations().get(id),
                            b -> b.organizations().get(id)));
            assertFalse(api.call(c -> c.persons().get(PERSON), b -> b.persons().get(PERSON))
                    .organizationIds()
                    .contains(id));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void opportunitiesLiveInTheirList(Flavour flavour) {
        scenario(flavour, api -> {
            long sizeBefore = api.call(
                            c -> c.lists().get(OPPORTUNITY_LIST), b -> b.lists().get(OPPORTUNITY_LIST))
                    .listSize();
            CreateOpportunityRequest create = CreateOpportunityRequest.builder()
                    .name("Series Q")
                    .listId(OPPORTUNITY_LIST)
                    .personIds(List.of(PERSON))
                    .organizationIds(List.of(ORGANIZATION))
                    .build();
            Opportunity created = api.call(
                    c -> c.opportunities().create(create),
                    b -> b.opportunities().create(create));
            long id = created.id();
            assertEquals(1, created.listEntries().size());
            long entryId = created.listEntries().get(0).id();
            assertEquals(OPPORTUNITY_LIST, created.listEntries().get(0).listId());

            Opportunity read = api.call(
                    c -> c.opportunities().get(id), b -> b.opportunities().get(id));
            assertEquals(List.of(PERSON), read.personIds());
            assertEquals(
                    sizeBefore + 1,
                    api.call(
                                    c -> c.lists().get(OPPORTUNITY_LIST),
                                    b -> b.lists().get(OPPORTUNITY_LIST))
                            .listSize());
            assertTrue(
                    api
                            .all(
                                    c -> c.listEntries().list(OPPORTUNITY_LIST),
                                    b -> b.listEntries().list(OPPORTUNITY_LIST))
                            .stream()
                            .anyMatch(e -> e.id() == entryId && e.entityId() == id));
            OpportunitySearch byTerm =
                    OpportunitySearch.builder().term("series q").build();
            assertEquals(
                    List.of(id),
                    api
                            .all(
                                    c -> c.opportunities().search(byTerm),
                                    b -> b.opportunities().search(byTerm))
                            .stream()
                            .map(Opportunity::id)
                            .toList());

            UpdateOpportunityRequest update =
                    UpdateOpportunityRequest.builder().name("Series Q+").build();
            api.call(
                    c -> c.opportunities().update(id, update),
                    b -> b.opportunities().update(id, update));
            Opportunity updated = api.call(
                    c -> c.opportunities().get(id), b -> b.opportunities().get(id));
            assertEquals("Series Q+", updated.name());
            assertEquals(List.of(ORGANIZATION), updated.organizationIds());

            api.run(c -> c.opportunities().delete(id), b -> b.opportunities().delete(id));
            assertThrows(
                    NotFoundException.class,
                    () -> api.call(
                            c -> c.opportunities().get(id),
                            b -> b.opportunities().get(id)));
            assertThrows(
                    NotFoundException.class,
                    () -> api.call(
                            c -> c.listEntries().get(OPPORTUNITY_LIST, entryId),
                            b -> b.listEntries().get(OPPORTUNITY_LIST, entryId)));
            assertEquals(
                    sizeBefore,
                    api.call(
                                    c -> c.lists().get(OPPORTUNITY_LIST),
                                    b -> b.lists().get(OPPORTUNITY_LIST))
                            .listSize());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void listsAndListEntries(Flavour flavour) {
        scenario(flavour, api -> {
            CreateListRequest createList = CreateListRequest.builder()
                    .name("Friends")
                    .type(ListType.PERSON)
                    .isPublic(true)
                    .build();
            AffinityList list =
                    api.call(c -> c.lists().create(createList), b -> b.lists().create(createList));
            long listId = list.id();
            assertEquals(0, list.listSize());
            assertTrue(
                    api.call(c -> c.lists().list().collectList(), b -> b.lists().list()).stream()
                            .anyMatch(l -> l.id() == listId));

            CreateListEntryRequest add =
                    CreateListEntryRequest.builder().entityId(PERSON).build();
            ListEntry entry = api.call(
                    c -> c.listEntries().create(listId, add),
                    b -> b.listEntries().create(listId, add));
            assertEquals(PERSON, entry.entityId());
            assertEquals(ME, entry.creatorId(), "the API key's user is the creator");
            assertSameInstant(now(), entry.createdAt());
            assertEquals(
                    PERSON,
                    api.call(
                                    c -> c.listEntries().get(listId, entry.id()),
                                    b -> b.listEntries().get(listId, entry.id()))
                            .entityId());
            assertEquals(
                    List.of(entry.id()),
                    api
                            .all(
                                    c -> c.listEntries().list(listId),
                                    b -> b.listEntries().list(listId))
                            .stream()
                            .map(ListEntry::id)
                            .toList());
            assertEquals(
                    1,
                    api.call(c -> c.lists().get(listId), b -> b.lists().get(listId))
                            .listSize());
            assertTrue(
                    api.call(c -> c.persons().get(PERSON), b -> b.persons().get(PERSON)).listEntries().stream()
                            .anyMatch(e -> e.id().equals(entry.id())),
                    "the person shows its list entry");

            CreateListEntryRequest unknown =
                    CreateListEntryRequest.builder().entityId(ORGANIZATION).build();
            assertThrows(
                    ValidationException.class,
                    () -> api.call(
                            c -> c.listEntries().create(listId, unknown),
                            b -> b.listEntries().create(listId, unknown)),
                    "an organization on a list of persons");

            api.run(
                    c -> c.listEntries().delete(listId, entry.id()),
                    b -> b.listEntries().delete(listId, entry.id()));
            assertThrows(
                    NotFoundException.class,
                    () -> api.call(
                            c -> c.listEntries().get(listId, entry.id()),
                            b -> b.listEntries().get(listId, entry.id())));
            assertEquals(
                    0,
                    api.call(c -> c.lists().get(listId), b -> b.lists().get(listId))
                            .listSize());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void fieldsFieldValuesAndTheirChanges(Flavour flavour) {
        scenario(flavour, api -> {
            CreateFieldRequest createField = CreateFieldRequest.builder()
                    .name("Deal Size")
                    .entityType(FieldEntityType.PERSON)
                    .valueType(FieldValueType.NUMBER)
                    .build();
            Field field = api.call(
                    c -> c.fields().create(createField), b -> b.fields().create(createField));
            long fieldId = field.id();
            assertTrue(field.trackChanges().orElseThrow());
            FieldQuery numbers =
                    FieldQuery.builder().valueType(FieldValueType.NUMBER).build();
            assertTrue(api
                    .call(
                            c -> c.fields().list(numbers).collectList(),
                            b -> b.fields().list(numbers))
                    .stream()
                    .anyMatch(f -> f.id() == fieldId));
            assertTrue(
                    api
                            .call(
                                    c -> c.persons().fields().collectList(),
                                    b -> b.persons().fields())
                            .stream()
                            .anyMatch(f -> f.id() == fieldId),
                    "a global person field");

            CreateFieldValueRequest create = CreateFieldValueRequest.builder()
                    .fieldId(fieldId)
                    .entityId(PERSON)
                    .value(FieldValueData.number(50_000))
                    .build();
            FieldValue created = api.call(
                    c -> c.fieldValues().create(create), b -> b.fieldValues().create(create));
            long valueId = created.id();
            FieldValueQuery ofPerson =
                    FieldValueQuery.builder().personId(PERSON).build();
            FieldValue listed = onlyValueOf(api, ofPerson, fieldId);
            assertEquals(valueId, listed.id());
            assertEquals(FieldValueData.number(50_000), listed.value().orElseThrow());

            CLOCK.advance(Duration.ofHours(1));
            UpdateFieldValueRequest update = UpdateFieldValueRequest.builder()
                    .value(FieldValueData.number(75_000))
                    .build();
            api.call(
                    c -> c.fieldValues().update(valueId, update),
                    b -> b.fieldValues().update(valueId, update));
            FieldValue updated = onlyValueOf(api, ofPerson, fieldId);
            assertEquals(FieldValueData.number(75_000), updated.value().orElseThrow());
            assertSameInstant(now(), updated.updatedAt().orElseThrow());

            CLOCK.advance(Duration.ofHours(1));
            api.run(c -> c.fieldValues().delete(valueId), b -> b.fieldValues().delete(valueId));
            assertTrue(
                    api
                            .call(
                                    c -> c.fieldValues().list(ofPerson).collectList(),
                                    b -> b.fieldValues().list(ofPerson))
                            .stream()
                            .noneMatch(v -> v.id() == valueId));

            FieldValueChangeQuery changesOfField = FieldValueChangeQuery.builder()
                    .fieldId(fieldId)
                    .personId(PERSON)
                    .build();
            List<FieldValueChange> changes = api.call(
                    c -> c.fieldValueChanges().list(changesOfField).collectList(),
                    b -> b.fieldValueChanges().list(changesOfField));
            assertEquals(
                    List.of(
                            FieldValueChangeAction.CREATE,
                            FieldValueChangeAction.UPDATE,
                            FieldValueChangeAction.DELETE),
                    changes.stream().map(FieldValueChange::actionType).toList());
            assertEquals(
                    List.of(
                            FieldValueData.number(50_000),
                            FieldValueData.number(75_000),
                            FieldValueData.number(75_000)),
                    changes.stream().map(ch -> ch.value().orElseThrow()).toList());
            changes.forEach(ch -> assertEquals(ME, ch.changer().orElseThrow().id()));
            assertSameInstant(now().minusHours(2), changes.get(0).changedAt());
            assertSameInstant(now(), changes.get(2).changedAt());
            FieldValueChangeQuery deletions = FieldValueChangeQuery.builder()
                    .fieldId(fieldId)
                    .actionType(FieldValueChangeAction.DELETE)
                    .build();
            assertEquals(
                    1,
                    api.call(
                                    c -> c.fieldValueChanges().list(deletions).collectList(),
                                    b -> b.fieldValueChanges().list(deletions))
                            .size());

            api.run(c -> c.fields().delete(fieldId), b -> b.fields().delete(fieldId));
            assertTrue(api
                    .call(c -> c.fields().list().collectList(), b -> b.fields().list())
                    .stream()
                    .noneMatch(f -> f.id() == fieldId));
            assertThrows(
                    NotFoundException.class,
                    () -> api.call(c -> c.fields().delete(fieldId).then(Mono.empty()), b -> {
                        b.fields().delete(fieldId);
                        return null;
                    }));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void aRankedDropdownValueOfAListEntryIsOneOfItsFieldsOptions(Flavour flavour) {
        scenario(flavour, api -> {
            long listId = Dataset.LIST_BASE + 1;
            Field status = api.call(c -> c.lists().get(listId), b -> b.lists().get(listId)).fields().stream()
                    .filter(f -> f.valueType().equals(FieldValueType.RANKED_DROPDOWN))
                    .findFirst()
                    .orElseThrow();
            ListEntry entry = api.all(
                            c -> c.listEntries().list(listId),
                            b -> b.listEntries().list(listId))
                    .get(0);
            long won = status.dropdownOptions().get(2).id();
            CreateFieldValueRequest create = CreateFieldValueRequest.builder()
                    .fieldId(status.id())
                    .entityId(entry.entityId())
                    .listEntryId(entry.id())
                    .value(FieldValueData.rankedDropdownOption(won))
                    .build();
            FieldValue value = api.call(
                    c -> c.fieldValues().create(create), b -> b.fieldValues().create(create));
            FieldValueData.RankedDropdown option =
                    (FieldValueData.RankedDropdown) value.value().orElseThrow();
            assertEquals("Won", option.text());
            FieldValueQuery ofEntry =
                    FieldValueQuery.builder().listEntryId(entry.id()).build();
            assertTrue(
                    api
                            .call(
                                    c -> c.fieldValues().list(ofEntry).collectList(),
                                    b -> b.fieldValues().list(ofEntry))
                            .stream()
                            .anyMatch(v -> v.id().equals(value.id())));

            CreateFieldValueRequest notAnOption = CreateFieldValueRequest.builder()
                    .fieldId(status.id())
                    .entityId(entry.entityId())
                    .listEntryId(entry.id())
                    .value(FieldValueData.text("Lost"))
                    .build();
            assertThrows(
                    ValidationException.class,
                    () -> api.call(
                            c -> c.fieldValues().create(notAnOption),
                            b -> b.fieldValues().create(notAnOption)));
        });
    }

    private static FieldValue onlyValueOf(Api api, FieldValueQuery query, long fieldId) {
        List<FieldValue> values =
                api
                        .call(
                                c -> c.fieldValues().list(query).collectList(),
                                b -> b.fieldValues().list(query))
                        .stream()
                        .filter(v -> v.fieldId() == fieldId)
                        .toList();
        assertEquals(1, values.size(), values.toString());
        return values.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void notes(Flavour flavour) {
        scenario(flavour, api -> {
            CreateNoteRequest create = CreateNoteRequest.builder()
                    .personIds(List.of(PERSON))
                    .organizationIds(List.of(ORGANIZATION))
                    .content("Met for coffee.")
                    .build();
            Note created =
                    api.call(c -> c.notes().create(create), b -> b.notes().create(create));
            long id = created.id();
            assertEquals(ME, created.creatorId());
            assertSameInstant(now(), created.createdAt());
            assertEquals(
                    "Met for coffee.",
                    api.call(c -> c.notes().get(id), b -> b.notes().get(id)).content());
            NoteQuery ofPerson = NoteQuery.builder().personId(PERSON).build();
            assertTrue(api.all(c -> c.notes().list(ofPerson), b -> b.notes().list(ofPerson)).stream()
                    .anyMatch(n -> n.id() == id));

            CLOCK.advance(Duration.ofMinutes(5));
            UpdateNoteRequest update =
                    UpdateNoteRequest.builder().content("Met for lunch.").build();
            api.call(c -> c.notes().update(id, update), b -> b.notes().update(id, update));
            Note updated = api.call(c -> c.notes().get(id), b -> b.notes().get(id));
            assertEquals("Met for lunch.", updated.content());
            assertEquals(List.of(ORGANIZATION), updated.organizationIds());
            assertSameInstant(now(), updated.updatedAt().orElseThrow());
            assertEquals(
                    "Met for lunch.",
                    server.state().notes().stream()
                            .filter(n -> n.id() == id)
                            .findFirst()
                            .orElseThrow()
                            .content(),
                    "the state shows the note as it is now");

            api.run(c -> c.notes().delete(id), b -> b.notes().delete(id));
            assertThrows(
                    NotFoundException.class,
                    () -> api.call(c -> c.notes().get(id), b -> b.notes().get(id)));
            assertTrue(api.all(c -> c.notes().list(ofPerson), b -> b.notes().list(ofPerson)).stream()
                    .noneMatch(n -> n.id() == id));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void remindersGoOverdueOnTheClockAndComplete(Flavour flavour) {
        scenario(flavour, api -> {
            CreateReminderRequest create = CreateReminderRequest.builder()
                    .ownerId(ME)
                    .type(ReminderType.ONE_TIME)
                    .personId(PERSON)
                    .content("Call back")
                    .dueDate(DateOrDateTime.of(now().plusDays(2)))
                    .build();
            Reminder created = api.call(
                    c -> c.reminders().create(create), b -> b.reminders().create(create));
            long id = created.id();
            assertEquals(ReminderStatus.ACTIVE, created.status());
            assertEquals(
                    PERSON,
                    api.call(c -> c.reminders().get(id), b -> b.reminders().get(id))
                            .person()
                            .orElseThrow()
                            .id());
            ReminderQuery ofPerson = ReminderQuery.builder().personId(PERSON).build();
            assertTrue(api
                    .all(c -> c.reminders().list(ofPerson), b -> b.reminders().list(ofPerson))
                    .stream()
                    .anyMatch(r -> r.id() == id));

            CLOCK.advance(Duration.ofDays(3));
            assertEquals(
                    ReminderStatus.OVERDUE,
                    api.call(c -> c.reminders().get(id), b -> b.reminders().get(id))
                            .status());

            UpdateReminderRequest complete = UpdateReminderRequest.builder()
                    .isCompleted(1)
                    .content("Called")
                    .build();
            api.call(c -> c.reminders().update(id, complete), b -> b.reminders().update(id, complete));
            Reminder completed =
                    api.call(c -> c.reminders().get(id), b -> b.reminders().get(id));
            assertEquals(ReminderStatus.COMPLETED, completed.status());
            assertEquals("Called", completed.content().orElseThrow());
            assertEquals(ME, completed.completer().orElseThrow().id());
            assertSameInstant(now(), completed.completedAt().orElseThrow());
            assertEquals(PERSON, completed.person().orElseThrow().id(), "fields not sent stay as they were");

            api.run(c -> c.reminders().delete(id), b -> b.reminders().delete(id));
            assertThrows(
                    NotFoundException.class,
                    () -> api.call(
                            c -> c.reminders().get(id), b -> b.reminders().get(id)));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void interactionsUpdateThePersonsInteractionDates(Flavour flavour) {
        scenario(flavour, api -> {
            OffsetDateTime when = now().minusDays(1);
            CreateInteractionRequest create = CreateInteractionRequest.builder()
                    .type(InteractionType.MEETING)
                    .personIds(List.of(ME, PERSON))
                    .content("Kick-off")
                    .date(when)
                    .build();
            Interaction created = api.call(
                    c -> c.interactions().create(create), b -> b.interactions().create(create));
            long id = created.id();
            assertEquals(1, created.notes().size(), "the content is kept as a note of the interaction");
            Interaction read = api.call(
                    c -> c.interactions().get(id, InteractionType.MEETING),
                    b -> b.interactions().get(id, InteractionType.MEETING));
            assertSameInstant(when, read.date());
            assertTrue(read.persons().stream().anyMatch(p -> p.id() == PERSON));
            InteractionQuery meetings = InteractionQuery.builder()
                    .type(InteractionType.MEETING)
                    .personId(PERSON)
                    .startTime(now().minusDays(30))
                    .endTime(now())
                    .build();
            assertEquals(
                    List.of(id),
                    api
                            .all(
                                    c -> c.interactions().list(meetings),
                                    b -> b.interactions().list(meetings))
                            .stream()
                            .map(Interaction::id)
                            .toList());
            PersonGetOptions dated =
                    PersonGetOptions.builder().withInteractionDates(true).build();
            assertSameInstant(
                    when,
                    api.call(
                                    c -> c.persons().get(PERSON, dated),
                                    b -> b.persons().get(PERSON, dated))
                            .interactionDates()
                            .orElseThrow()
                            .lastEventDate()
                            .orElseThrow());

            OffsetDateTime later = now().minusHours(1);
            UpdateInteractionRequest update = UpdateInteractionRequest.builder()
                    .type(InteractionType.MEETING)
                    .personIds(List.of(ME, PERSON))
                    .date(later)
                    .content("Kick-off, moved")
                    .build();
            api.call(
                    c -> c.interactions().update(id, update),
                    b -> b.interactions().update(id, update));
            assertSameInstant(
                    later,
                    api.call(
                                    c -> c.interactions().get(id, InteractionType.MEETING),
                                    b -> b.interactions().get(id, InteractionType.MEETING))
                            .date());
            assertSameInstant(
                    later,
                    api.call(
                                    c -> c.persons().get(PERSON, dated),
                                    b -> b.persons().get(PERSON, dated))
                            .interactionDates()
                            .orElseThrow()
                            .lastEventDate()
                            .orElseThrow());
            long noteId = created.notes().get(0);
            assertEquals(
                    "Kick-off, moved",
                    api.call(c -> c.notes().get(noteId), b -> b.notes().get(noteId))
                            .content());

            api.run(
                    c -> c.interactions().delete(id, InteractionType.MEETING),
                    b -> b.interactions().delete(id, InteractionType.MEETING));
            assertThrows(
                    NotFoundException.class,
                    () -> api.call(
                            c -> c.interactions().get(id, InteractionType.MEETING),
                            b -> b.interactions().get(id, InteractionType.MEETING)));
            assertTrue(api.call(
                            c -> c.persons().get(PERSON, dated),
                            b -> b.persons().get(PERSON, dated))
                    .interactionDates()
                    .orElseThrow()
                    .lastEventDate()
                    .isEmpty());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void webhookSubscriptionsUpToTheLimitOfThree(Flavour flavour) {
        scenario(flavour, api -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                CreateWebhookSubscriptionRequest create = CreateWebhookSubscriptionRequest.builder()
                        .webhookUrl(URI.create("https://hooks.example.com/" + i))
                        .subscriptions(List.of(WebhookEventType.PERSON_CREATED))
                        .build();
                ids.add(api.call(
                                c -> c.webhooks().create(create),
                                b -> b.webhooks().create(create))
                        .id());
            }
            CreateWebhookSubscriptionRequest fourth = CreateWebhookSubscriptionRequest.builder()
                    .webhookUrl(URI.create("https://hooks.example.com/4"))
                    .build();
            assertThrows(
                    ValidationException.class,
                    () -> api.call(
                            c -> c.webhooks().create(fourth), b -> b.webhooks().create(fourth)));
            long id = ids.get(0);
            WebhookSubscription read =
                    api.call(c -> c.webhooks().get(id), b -> b.webhooks().get(id));
            assertEquals(URI.create("https://hooks.example.com/1"), read.webhookUrl());
            assertEquals(ME, read.createdBy());
            assertEquals(
                    ids,
                    api
                            .call(
                                    c -> c.webhooks().list().collectList(),
                                    b -> b.webhooks().list())
                            .stream()
                            .map(WebhookSubscription::id)
                            .toList());

            UpdateWebhookSubscriptionRequest disable =
                    UpdateWebhookSubscriptionRequest.builder().disabled(true).build();
            api.call(c -> c.webhooks().update(id, disable), b -> b.webhooks().update(id, disable));
            WebhookSubscription disabled =
                    api.call(c -> c.webhooks().get(id), b -> b.webhooks().get(id));
            assertTrue(disabled.disabled());
            assertEquals(List.of(WebhookEventType.PERSON_CREATED), disabled.subscriptions());

            api.run(c -> c.webhooks().delete(id), b -> b.webhooks().delete(id));
            assertThrows(
                    NotFoundException.class,
                    () -> api.call(c -> c.webhooks().get(id), b -> b.webhooks().get(id)));
            api.call(c -> c.webhooks().create(fourth), b -> b.webhooks().create(fourth));
            assertEquals(3, server.state().webhookSubscriptions().size());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void anUploadedFileIsListedAndDownloadsItsBytes(Flavour flavour) {
        scenario(flavour, api -> {
            byte[] bytes = "name,deal\nZelda,42\n".getBytes(StandardCharsets.UTF_8);
            EntityFileUpload upload = EntityFileUpload.builder()
                    .file(UploadFile.of("deals.csv", bytes))
                    .personId(PERSON)
                    .build();
            api.run(c -> c.entityFiles().upload(upload), b -> b.entityFiles().upload(upload));
            EntityFileQuery ofPerson =
                    EntityFileQuery.builder().personId(PERSON).build();
            EntityFile file = api
                    .all(
                            c -> c.entityFiles().list(ofPerson),
                            b -> b.entityFiles().list(ofPerson))
                    .stream()
                    .filter(f -> f.name().equals("deals.csv"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(bytes.length, file.size());
            assertEquals(ME, file.uploaderId());
            assertSameInstant(now(), file.createdAt());
            long id = file.id();
            assertEquals(
                    "deals.csv",
                    api.call(c -> c.entityFiles().get(id), b -> b.entityFiles().get(id))
                            .name());
            byte[] downloaded = api.call(
                    c -> c.entityFiles().download(id).reduce(new byte[0], StatefulScenariosTest::concat),
                    b -> readAll(b.entityFiles().download(id)));
            assertArrayEquals(bytes, downloaded);
            assertArrayEquals(bytes, server.state().entityFileContent(id).orElseThrow());
            assertThrows(
                    NotFoundException.class,
                    () -> api.call(
                            c -> c.entityFiles().get(id + 1000),
                            b -> b.entityFiles().get(id + 1000)));
        });
    }

    private static byte[] concat(byte[] left, ByteBuffer right) {
        byte[] joined = new byte[left.length + right.remaining()];
        System.arraycopy(left, 0, joined, 0, left.length);
        right.get(joined, left.length, right.remaining());
        return joined;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
