package io.affinity.examples;

import io.affinity.client.AffinityClient;
import io.affinity.client.EntityFileUpload;
import io.affinity.client.UploadFile;
import io.affinity.client.paging.Page;
import io.affinity.client.query.FieldValueChangeQuery;
import io.affinity.client.query.FieldValueQuery;
import io.affinity.client.query.ImmutableFieldValueQuery;
import io.affinity.client.query.InteractionQuery;
import io.affinity.client.query.OrganizationSearch;
import io.affinity.client.query.PersonSearch;
import io.affinity.model.AffinityList;
import io.affinity.model.CreateNoteRequest;
import io.affinity.model.CreateReminderRequest;
import io.affinity.model.EntityFile;
import io.affinity.model.FieldValue;
import io.affinity.model.InteractionType;
import io.affinity.model.ListEntry;
import io.affinity.model.ListType;
import io.affinity.model.Note;
import io.affinity.model.Person;
import io.affinity.model.Reminder;
import io.affinity.model.ReminderType;
import io.affinity.model.Whoami;
import io.affinity.model.value.DateOrDateTime;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The tour of the reactive client. Each step is one pipeline, blocked on at the end only because this is a
 * command-line program: in a WebFlux service you would return the {@code Mono} or {@code Flux} instead.
 */
final class ReactiveTour {

    private static final int PROGRESS_EVERY = 1_000;

    private final AffinityClient client;
    private final PrintStream out;
    private final Summary summary;

    ReactiveTour(AffinityClient client, PrintStream out, Summary summary) {
        this.client = client;
        this.out = out;
        this.summary = summary;
    }

    /**
     * The steps that only read; safe against a real account.
     *
     * @param listName          the list to read, or the first one
     * @param interactionPerson whose interactions to walk, or the first person found
     * @param interactionsUntil the end of the two years of interactions walked
     * @return the id of a person to write about
     */
    long readOnly(Optional<String> listName, Optional<Long> interactionPerson, OffsetDateTime interactionsUntil) {
        Whoami me = client.whoami().block();
        out.printf(
                "Signed in as %s %s of %s%n",
                me.user().firstName(), me.user().lastName(), me.tenant().name());

        AffinityList list = findList(listName);
        out.printf("List '%s' (id %d, %s list)%n", list.name(), list.id(), list.type());
        ListEntry first = streamEntries(list);
        readFieldValues(list, first);

        long personId = searchPersons();
        searchOrganizations();
        walkInteractions(interactionPerson.orElse(personId), interactionsUntil);
        return personId;
    }

    /** The steps that write; only against the embedded server. */
    void writes(long personId) {
        long ownerId = client.whoami().map(me -> me.user().id()).block();
        Note note = client.notes()
                .create(CreateNoteRequest.builder()
                        .content("Met at the demo; follow up next week.")
                        .personIds(List.of(personId))
                        .build())
                .block();
        out.printf("Created note %d%n", note.id());
        summary.put("note created", note.id());

        Reminder reminder = client.reminders()
                .create(CreateReminderRequest.builder()
                        .ownerId(ownerId)
                        .type(ReminderType.ONE_TIME)
                        .content("Follow up with the demo contact")
                        .dueDate(DateOrDateTime.of(LocalDate.now(ZoneOffset.UTC).plusDays(7)))
                        .personId(personId)
                        .build())
                .block();
        out.printf("Created reminder %d%n", reminder.id());
        summary.put("reminder created", reminder.id());

        byte[] content = "name,stage\nAcme,Lead\n".getBytes(StandardCharsets.UTF_8);
        client.entityFiles()
                .upload(EntityFileUpload.builder()
                        .file(UploadFile.of("pipeline.csv", content).withContentType("text/csv"))
                        .personId(personId)
                        .build())
                .block();
        out.printf("Uploaded pipeline.csv (%d bytes)%n", content.length);
        summary.put("file uploaded", "pipeline.csv");

        EntityFile file = client.entityFiles().list().next().block();
        Path target = temporaryFile();
        client.entityFiles().downloadTo(file.id(), target).block();
        long size = size(target);
        out.printf("Downloaded entity file %d '%s' to %s (%d bytes)%n", file.id(), file.name(), target, size);
        summary.put("file downloaded (bytes)", size);
    }

    /** Prints what the server's headers and its rate-limit endpoint say about the limits. */
    void rateLimitSnapshot() {
        String snapshot = client.rateLimitSnapshot()
                .user()
                .map(user -> String.format(
                        "%d of %d left this minute, resets in %d s",
                        user.remaining(), user.limit(), user.resetAfter().toSeconds()))
                .orElse("no rate-limit headers seen yet");
        out.printf("Rate limits from the latest response headers: %s%n", snapshot);
        client.fetchRateLimits()
                .blockOptional()
                .ifPresent(limits -> out.printf(
                        "Rate limits from GET /rate-limit: %s of %s left this minute%n",
                        limits.rate().apiKeyPerMinute().remaining(),
                        limits.rate().apiKeyPerMinute().limit()));
        summary.put("rate limit snapshot", snapshot);
    }

    private AffinityList findList(Optional<String> name) {
        return client.lists()
                .list()
                .filter(list -> name.map(list.name()::equals).orElse(true))
                .next()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "no list " + name.map(n -> "named '" + n + "'").orElse("at all") + " in this account")))
                .block();
    }

    /** Streams every entry of the list, page by page as the count asks for them, with a progress line. */
    private ListEntry streamEntries(AffinityList list) {
        ListEntry[] first = new ListEntry[1];
        long count = client.listEntries()
                .list(list.id())
                .index()
                .doOnNext(indexed -> {
                    if (indexed.getT1() == 0) {
                        first[0] = indexed.getT2();
                    }
                    if ((indexed.getT1() + 1) % PROGRESS_EVERY == 0) {
                        out.printf("  streamed %,d entries...%n", indexed.getT1() + 1);
                    }
                })
                .count()
                .block();
        out.printf("Streamed %,d entries of '%s'%n", count, list.name());
        summary.put("list", list.name());
        summary.put("list entries streamed", count);
        if (first[0] == null) {
            throw new IllegalStateException("list '" + list.name() + "' has no entries to read field values of");
        }
        return first[0];
    }

    private void readFieldValues(AffinityList list, ListEntry entry) {
        ImmutableFieldValueQuery.Builder query = FieldValueQuery.builder();
        if (list.type().equals(ListType.ORGANIZATION)) {
            query.organizationId(entry.entityId());
        } else if (list.type().equals(ListType.OPPORTUNITY)) {
            query.opportunityId(entry.entityId());
        } else {
            query.personId(entry.entityId());
        }
        List<FieldValue> values =
                client.fieldValues().list(query.build()).collectList().block();
        out.printf("Entity %d has %d field values%n", entry.entityId(), values.size());
        values.stream()
                .limit(3)
                .forEach(value -> out.printf(
                        "  field %d = %s%n",
                        value.fieldId(),
                        value.value()
                                .map(v -> value.valueType().map(v::as).orElse(v))
                                .map(Object::toString)
                                .orElse("(none)")));
        summary.put("field values read", values.size());

        Optional<Long> fieldId = values.stream().map(FieldValue::fieldId).findFirst();
        long changes = fieldId.map(id -> client.fieldValueChanges()
                        .list(FieldValueChangeQuery.builder().fieldId(id).build())
                        .count()
                        .block())
                .orElse(0L);
        out.printf(
                "Field %s has %d recorded changes%n",
                fieldId.map(String::valueOf).orElse("-"), changes);
        summary.put("field value changes read", changes);
    }

    /** Walks the first pages of a person search, showing the pages; returns the first person's id. */
    private long searchPersons() {
        List<Page<Person>> pages = client.persons()
                .search(PersonSearch.builder().pageSize(100).build())
                .byPage()
                .take(3)
                .collectList()
                .block();
        pages.forEach(page -> out.printf(
                "  persons page: %d persons, next token %s%n",
                page.items().size(), page.nextPageToken().map(t -> "present").orElse("none")));
        summary.put("person pages read", pages.size());
        return pages.stream()
                .flatMap(page -> page.items().stream())
                .findFirst()
                .map(Person::id)
                .orElseThrow(() -> new IllegalStateException("no persons in this account"));
    }

    private void searchOrganizations() {
        long organizations = client.organizations()
                .search(OrganizationSearch.builder().pageSize(100).build())
                .take(250)
                .count()
                .block();
        out.printf("Read %d organizations (three pages of 100, the third only as far as needed)%n", organizations);
        summary.put("organizations read", organizations);
    }

    /** Walks two years of meetings: the client splits the range into windows of at most one year. */
    private void walkInteractions(long personId, OffsetDateTime end) {
        InteractionQuery twoYears = InteractionQuery.builder()
                .type(InteractionType.MEETING)
                .personId(personId)
                .startTime(end.minusYears(2))
                .endTime(end)
                .build();
        long meetings = client.interactions().list(twoYears).count().block();
        out.printf("Walked %d meetings of person %d over two years%n", meetings, personId);
        summary.put("meetings over two years", meetings);
    }

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("affinity-demo-", ".download");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
