package io.affinity.testkit;

import java.time.Instant;

/**
 * Generated data the server pages out like the real API. Contents are deterministic: the same counts always give the
 * same ids, names and dates. Ids are numbered from a fixed base per collection, in order:
 *
 * <table>
 *   <caption>Id ranges</caption>
 *   <tr><th>collection</th><th>first id</th><th>served by</th></tr>
 *   <tr><td>persons</td><td>{@value #PERSON_BASE} + 1</td><td>searchPersons, getPerson</td></tr>
 *   <tr><td>organizations</td><td>{@value #ORGANIZATION_BASE} + 1</td>
 *       <td>searchOrganizations, getOrganization</td></tr>
 *   <tr><td>opportunities</td><td>{@value #OPPORTUNITY_BASE} + 1</td><td>searchOpportunities, getOpportunity</td></tr>
 *   <tr><td>lists</td><td>{@value #LIST_BASE} + 1</td><td>getLists, getList</td></tr>
 *   <tr><td>list entries</td><td>{@value #LIST_ENTRY_BASE} + 1</td><td>getListEntries, getListEntry</td></tr>
 *   <tr><td>notes</td><td>{@value #NOTE_BASE} + 1</td><td>getNotes, getNote</td></tr>
 *   <tr><td>reminders</td><td>{@value #REMINDER_BASE} + 1</td><td>getReminders, getReminder</td></tr>
 *   <tr><td>entity files</td><td>{@value #ENTITY_FILE_BASE} + 1</td><td>getEntityFiles, getEntityFile</td></tr>
 *   <tr><td>field values</td><td>{@value #FIELD_VALUE_BASE} + 1</td><td>getFieldValues</td></tr>
 *   <tr><td>interactions (per type)</td><td>{@value #INTERACTION_BASE} + 1</td>
 *       <td>getInteractions, getInteraction</td></tr>
 * </table>
 *
 * <p>The server answers the operations of the collections from the data: listing pages through the items and getting
 * one by id answers it or 404. By default a dataset is {@linkplain Builder#stateful(boolean) stateful}: writes change
 * the data with the API's semantics and every collection, even one left at zero, is served from it. In fixture-only
 * mode ({@code stateful(false)}) writes answer their fixtures and collections left at zero keep their fixtures.
 *
 * <p>The data is self-consistent: global fields (of persons and organizations) and the fields of every list cover
 * every field value type, field values carry values of their field's type, and persons, organizations,
 * opportunities, list entries, notes, reminders, files and interactions name each other (when the named collection is
 * seeded; otherwise they name distinct ids of unseeded items).
 *
 * <pre>{@code
 * Dataset data = Dataset.builder().persons(1_234).lists(2, 300).interactions(150).build();
 * server.seed(data);
 * }</pre>
 */
public final class Dataset {

    /** Ids of persons are this base plus 1, 2, ... */
    public static final long PERSON_BASE = 1_000_000;
    /**
     * The internal person every dataset has: the API key's user ({@code GET /auth/whoami}), creator, owner and uploader
     * of the generated items and of what writes create, and the internal person of every generated interaction.
     */
    public static final long API_USER_ID = PERSON_BASE;
    /** Ids of organizations are this base plus 1, 2, ... */
    public static final long ORGANIZATION_BASE = 2_000_000;
    /** Ids of opportunities are this base plus 1, 2, ... */
    public static final long OPPORTUNITY_BASE = 3_000_000;
    /** Ids of lists are this base plus 1, 2, ... */
    public static final long LIST_BASE = 4_000_000;
    /** Ids of list entries are this base plus 1, 2, ... across all lists. */
    public static final long LIST_ENTRY_BASE = 5_000_000;
    /** Ids of notes are this base plus 1, 2, ... */
    public static final long NOTE_BASE = 6_000_000;
    /** Ids of reminders are this base plus 1, 2, ... */
    public static final long REMINDER_BASE = 7_000_000;
    /** Ids of entity files are this base plus 1, 2, ... */
    public static final long ENTITY_FILE_BASE = 8_000_000;
    /** Ids of field values are this base plus 1, 2, ... */
    public static final long FIELD_VALUE_BASE = 9_000_000;
    /** Ids of interactions of each type are this base plus 1, 2, ... (ids are unique per type, as in the API). */
    public static final long INTERACTION_BASE = 10_000_000;
    /** Ids of fields are this base plus 1, 2, ...: global person fields, global organization fields, list fields. */
    public static final long FIELD_BASE = 11_000_000;
    /** Ids of the options of dropdown and ranked dropdown fields are above this base. */
    public static final long DROPDOWN_OPTION_BASE = 12_000_000;
    /** Ids of field value changes are this base plus 1, 2, ... */
    public static final long FIELD_VALUE_CHANGE_BASE = 13_000_000;
    /** Ids of webhook subscriptions are this base plus 1, 2, ... */
    public static final long WEBHOOK_BASE = 14_000_000;
    /**
     * The instant the generated data goes back from: interactions, notes and other dated items are dated before
     * it, newest first, so a dataset is the same whenever it is generated.
     */
    public static final Instant GENERATED_UNTIL = Instant.parse("2025-01-01T00:00:00Z");

    /** The largest count of any one collection. */
    public static final int MAX_COUNT = 999_999;

    private final int persons;
    private final int organizations;
    private final int opportunities;
    private final int lists;
    private final int entriesPerList;
    private final int notes;
    private final int reminders;
    private final int entityFiles;
    private final int fieldValues;
    private final int interactions;
    private final boolean emptyLastPage;
    private final boolean stateful;

    private Dataset(Builder b) {
        this.persons = b.persons;
        this.organizations = b.organizations;
        this.opportunities = b.opportunities;
        this.lists = b.lists;
        this.entriesPerList = b.entriesPerList;
        this.notes = b.notes;
        this.reminders = b.reminders;
        this.entityFiles = b.entityFiles;
        this.fieldValues = b.fieldValues;
        this.interactions = b.interactions;
        this.emptyLastPage = b.emptyLastPage;
        this.stateful = b.stateful;
    }

    /** A builder with every count at zero. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A dataset with {@code size} items in every collection: persons, organizations, opportunities, one list of each
     * type with {@code size} entries, notes, reminders, entity files, field values and interactions of each type.
     *
     * @param size items per collection, 0 to {@value #MAX_COUNT}
     */
    public static Dataset ofSize(int size) {
        return builder()
                .persons(size)
                .organizations(size)
                .opportunities(size)
                .lists(3, size)
                .notes(size)
                .reminders(size)
                .entityFiles(size)
                .fieldValues(size)
                .interactions(size)
                .build();
    }

    /** Number of persons. */
    public int persons() {
        return persons;
    }

    /** Number of organizations. */
    public int organizations() {
        return organizations;
    }

    /** Number of opportunities. */
    public int opportunities() {
        return opportunities;
    }

    /** Number of lists. */
    public int lists() {
        return lists;
    }

    /** Number of entries in each list. */
    public int entriesPerList() {
        return entriesPerList;
    }

    /** Number of notes. */
    public int notes() {
        return notes;
    }

    /** Number of reminders. */
    public int reminders() {
        return reminders;
    }

    /** Number of entity files. */
    public int entityFiles() {
        return entityFiles;
    }

    /** Number of field values. */
    public int fieldValues() {
        return fieldValues;
    }

    /** Number of interactions of each type (meeting, call, chat message, email). */
    public int interactions() {
        return interactions;
    }

    /** Whether a walk that ends exactly on a page boundary gets one more, empty page (the API may do this). */
    public boolean emptyLastPage() {
        return emptyLastPage;
    }

    /**
     * Whether writes change the data (the default): creates, updates and deletes are applied and every read answers
     * from the changed data. When false, writes answer their fixtures and the data stays as generated.
     */
    public boolean stateful() {
        return stateful;
    }

    @Override
    public String toString() {
        return "Dataset[persons=" + persons + ", organizations=" + organizations + ", opportunities=" + opportunities
                + ", lists=" + lists + "x" + entriesPerList + ", notes=" + notes + ", reminders=" + reminders
                + ", entityFiles=" + entityFiles + ", fieldValues=" + fieldValues + ", interactions=" + interactions
                + ", stateful=" + stateful + "]";
    }

    /** Builds a {@link Dataset}. Every count defaults to zero. */
    public static final class Builder {
        private int persons;
        private int organizations;
        private int opportunities;
        private int lists;
        private int entriesPerList;
        private int notes;
        private int reminders;
        private int entityFiles;
        private int fieldValues;
        private int interactions;
        private boolean emptyLastPage;
        private boolean stateful = true;

        private Builder() {}

        /** Seeds {@code count} persons. */
        public Builder persons(int count) {
            this.persons = check("persons", count);
            return this;
        }

        /** Seeds {@code count} organizations. */
        public Builder organizations(int count) {
            this.organizations = check("organizations", count);
            return this;
        }

        /**
         * Seeds {@code count} opportunities. The j-th (from 0) has the person {@code PERSON_BASE + 1 + j % persons} and
         * the organization {@code ORGANIZATION_BASE + 1 + j % organizations} (or {@code + j} where that count is zero).
         */
        public Builder opportunities(int count) {
            this.opportunities = check("opportunities", count);
            return this;
        }

        /**
         * Seeds lists with entries. List types cycle through person (0), organization (1) and opportunity (8).
         *
         * @param count number of lists
         * @param entriesEach number of entries in each list
         */
        public Builder lists(int count, int entriesEach) {
            this.lists = check("count", count);
            this.entriesPerList = check("entriesEach", entriesEach);
            return this;
        }

        /** Seeds {@code count} notes. */
        public Builder notes(int count) {
            this.notes = check("notes", count);
            return this;
        }

        /** Seeds {@code count} reminders. */
        public Builder reminders(int count) {
            this.reminders = check("reminders", count);
            return this;
        }

        /** Seeds {@code count} entity files. */
        public Builder entityFiles(int count) {
            this.entityFiles = check("entityFiles", count);
            return this;
        }

        /**
         * Seeds {@code count} field values. They attach in turn to persons (global person fields), organizations (global
         * organization fields) and list entries (their list's fields, with {@code list_entry_id}), skipping collections
         * not seeded (persons when none is): with persons and organizations seeded and no lists, value 1 belongs to the
         * first person, value 2 to the first organization, value 3 to the second person, ... The t-th value of a kind
         * goes to item t (wrapped) and field {@code t % fields}, with a value of that field's type. {@code getFieldValues}
         * answers {@code person_id}, {@code organization_id}, {@code opportunity_id} and {@code list_entry_id}.
         */
        public Builder fieldValues(int count) {
            this.fieldValues = check("fieldValues", count);
            return this;
        }

        /**
         * Seeds {@code countPerType} interactions of each type (meeting, call, chat message, email), dated 6 hours apart
         * going back from 2025-01-01T00:00:00Z. The i-th of each type (from 0) involves the internal person (id
         * {@link #PERSON_BASE}) and the person {@code PERSON_BASE + 1 + i % persons} (or {@code + i} without persons);
         * {@code getInteractions} answers {@code person_id} for either, {@code organization_id} for that person's
         * organization ({@code ORGANIZATION_BASE + 1 + p % organizations} for the person of index p, or {@code + p}
         * without organizations) and {@code opportunity_id} for an opportunity whose person is that person.
         */
        public Builder interactions(int countPerType) {
            this.interactions = check("countPerType", countPerType);
            return this;
        }

        /**
         * When true, a walk whose items end exactly on a page boundary is answered with one more, empty page whose
         * {@code next_page_token} is null, as the API may do. Default false.
         */
        public Builder emptyLastPage(boolean emptyLastPage) {
            this.emptyLastPage = emptyLastPage;
            return this;
        }

        /**
         * Whether writes change the data (default true): a created note is then listed by {@code getNotes}, a deleted
         * person answers 404, and collections left at zero start empty instead of answering their fixtures. With false
         * (fixture-only mode) writes answer their fixtures, the generated data never changes, and collections left at
         * zero keep their fixtures.
         */
        public Builder stateful(boolean stateful) {
            this.stateful = stateful;
            return this;
        }

        /** The dataset. */
        public Dataset build() {
            return new Dataset(this);
        }

        private static int check(String name, int count) {
            if (count < 0 || count > MAX_COUNT) {
                throw new IllegalArgumentException(name + " must be between 0 and " + MAX_COUNT + ": " + count);
            }
            return count;
        }
    }
}
