package io.affinity.testkit.internal;

import static io.affinity.testkit.Dataset.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affinity.testkit.Dataset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates the items of a {@link Dataset} into a {@link Store}, deterministically and in the shapes of the
 * reference's examples, so that they refer to each other consistently: fields declared by lists (and the global ones)
 * are the fields of the field values, which carry values of their field's type.
 */
final class DatasetContent {

    /** Interaction type codes: meeting, call, chat message, email. */
    static final int[] INTERACTION_TYPES = {0, 1, 2, 3};
    /** The query parameters that name an entity: person, organization, opportunity. */
    static final List<String> ENTITY_PARAMS = List.of("person_id", "organization_id", "opportunity_id");

    private static final Instant EPOCH = Dataset.GENERATED_UNTIL;
    private static final String[] FIRST = {
        "Alice", "Bob", "Carol", "David", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy", "Mallory", "Niaj",
        "Olivia", "Peggy", "Rupert", "Sybil", "Trent", "Uma", "Victor", "Wendy"
    };
    private static final String[] LAST = {
        "Yen",
        "Doe",
        "Smith",
        "Garcia",
        "Chen",
        "Okafor",
        "Muller",
        "Rossi",
        "Silva",
        "Kim",
        "Novak",
        "Haddad",
        "Larsen",
        "Dubois",
        "Kowalski",
        "Tanaka"
    };
    private static final String[] COMPANY = {
        "Acme",
        "Globex",
        "Initech",
        "Umbrella",
        "Hooli",
        "Vandelay",
        "Stark",
        "Wayne",
        "Tyrell",
        "Cyberdyne",
        "Soylent",
        "Wonka"
    };
    private static final int[] LIST_TYPES = {Store.PERSON_TYPE, Store.ORGANIZATION_TYPE, Store.OPPORTUNITY_TYPE};

    /** A field template: name, value type, whether it allows multiple values, dropdown options. */
    private record FieldSpec(String name, int valueType, boolean multiple, String... options) {}

    /** Global person fields: ids FIELD_BASE + 1 .. 7. Together with the others they cover every value type. */
    static final List<FieldSpec> PERSON_FIELDS = List.of(
            new FieldSpec("Location", 5, false),
            new FieldSpec("Job Title", 2, false, "Engineer", "Investor", "Founder"),
            new FieldSpec("Referrers", 0, true),
            new FieldSpec("Employer", 1, false),
            new FieldSpec("Birthday", 4, false),
            new FieldSpec("Summary", 6, false),
            new FieldSpec("Score", 3, false));
    /** Global organization fields: ids FIELD_BASE + 11 .. 17. */
    static final List<FieldSpec> ORGANIZATION_FIELDS = List.of(
            new FieldSpec("Location", 5, false),
            new FieldSpec("Industry", 2, false, "Software", "Healthcare", "Finance"),
            new FieldSpec("Investors", 1, true),
            new FieldSpec("Employees", 3, false),
            new FieldSpec("Founded", 4, false),
            new FieldSpec("Description", 6, false),
            new FieldSpec("Primary Contact", 0, false));
    /** The fields of every list: ids FIELD_BASE + 100 + 4 k + 1 .. 4 for the k-th list (from 0). */
    static final List<FieldSpec> LIST_FIELDS = List.of(
            new FieldSpec("Status", 7, false, "New", "In Progress", "Won"), new FieldSpec("Owners", 0, true),
            new FieldSpec("Amount", 3, false), new FieldSpec("Priority", 2, false, "Low", "Medium", "High"));

    private final Dataset dataset;
    private final Store store;

    private DatasetContent(Store store) {
        this.store = store;
        this.dataset = store.dataset;
    }

    /** Fills an empty store with the items of its dataset. */
    static void generate(Store store) {
        new DatasetContent(store).generate();
    }

    private void generate() {
        put(store.internalPersons, internalPerson(), "person");
        for (int i = 0; i < dataset.persons(); i++) {
            put(store.persons, person(i), "person");
        }
        for (int i = 0; i < dataset.organizations(); i++) {
            put(store.organizations, organization(i), "organization");
        }
        for (int i = 0; i < dataset.opportunities(); i++) {
            put(store.opportunities, opportunity(i), "opportunity");
        }
        globalFields(PERSON_FIELDS, 1, Store.PERSON_TYPE);
        globalFields(ORGANIZATION_FIELDS, 11, Store.ORGANIZATION_TYPE);
        int opportunityLists = 0;
        for (int k = 0; k < dataset.lists(); k++) {
            ObjectNode list = list(k);
            put(store.lists, list, "list");
            for (int f = 0; f < LIST_FIELDS.size(); f++) {
                ObjectNode field = field(
                        listFieldId(k, f), LIST_FIELDS.get(f), list.get("id").asLong());
                put(store.fields, field, "field");
            }
            java.util.LinkedHashMap<Long, ObjectNode> entries = new java.util.LinkedHashMap<>();
            int type = list.get("type").asInt();
            for (int j = 0; j < dataset.entriesPerList(); j++) {
                ObjectNode entry = listEntry(k, j, type, opportunityLists);
                entries.put(entry.get("id").asLong(), entry);
                store.taken("list_entry", entry.get("id").asLong());
            }
            if (type == Store.OPPORTUNITY_TYPE) {
                opportunityLists++;
            }
            store.listEntries.put(list.get("id").asLong(), entries);
        }
        for (int i = 0; i < dataset.notes(); i++) {
            put(store.notes, note(i), "note");
        }
        for (int i = 0; i < dataset.reminders(); i++) {
            put(store.reminders, reminder(i), "reminder");
        }
        for (int i = 0; i < dataset.entityFiles(); i++) {
            put(store.entityFiles, entityFile(i), "entity_file");
        }
        fieldValues();
        for (int type : INTERACTION_TYPES) {
            for (int i = 0; i < dataset.interactions(); i++) {
                ObjectNode interaction = interaction(type, i);
                store.interactions.get(type).put(interaction.get("id").asLong(), interaction);
                store.taken("interaction" + type, interaction.get("id").asLong());
            }
        }
    }

    private void put(Map<Long, ObjectNode> collection, ObjectNode item, String kind) {
        long id = item.get("id").asLong();
        collection.put(id, item);
        store.taken(kind, id);
    }

    /** The date of the i-th interaction of each type: 6 hours apart, newest first. */
    static Instant interactionDate(int i) {
        return EPOCH.minus(Duration.ofHours(6L * (i + 1)));
    }

    private static String createdAt(int i) {
        return Store.timestamp(EPOCH.minus(Duration.ofMinutes(i + 1L)));
    }

    /** Index i wrapped into a collection of {@code count} items, so references point at seeded items. */
    private static int cycle(int i, int count) {
        return count == 0 ? i : i % count;
    }

    private long personId(int i) {
        return PERSON_BASE + 1 + cycle(i, dataset.persons());
    }

    private long organizationId(int i) {
        return ORGANIZATION_BASE + 1 + cycle(i, dataset.organizations());
    }

    private long opportunityId(int i) {
        return OPPORTUNITY_BASE + 1 + cycle(i, dataset.opportunities());
    }

    static long listFieldId(int listIndex, int f) {
        return FIELD_BASE + 100 + 4L * listIndex + f + 1;
    }

    private ObjectNode person(int i) {
        ObjectNode node = personShape(
                PERSON_BASE + 1 + i, 0, FIRST[i % FIRST.length], LAST[(i / FIRST.length) % LAST.length], i + 1);
        node.putArray("organization_ids").add(organizationId(i));
        return node;
    }

    private static ObjectNode internalPerson() {
        return personShape(Store.API_USER_ID, 1, "Ada", "Admin", 0);
    }

    private static ObjectNode personShape(long id, int type, String first, String last, int serial) {
        String email = (first + "." + last + (serial == 0 ? "" : Integer.toString(serial))).toLowerCase(Locale.ROOT)
                + "@example.com";
        ObjectNode node = Json.object();
        node.put("id", id)
                .put("type", type)
                .put("first_name", first)
                .put("last_name", last)
                .put("primary_email", email);
        node.putArray("emails").add(email);
        return node;
    }

    private ObjectNode organization(int i) {
        String name = COMPANY[i % COMPANY.length] + " " + (i + 1);
        String domain = COMPANY[i % COMPANY.length].toLowerCase(Locale.ROOT) + "-" + (i + 1) + ".example.com";
        ObjectNode node = Json.object();
        node.put("id", ORGANIZATION_BASE + 1 + i).put("name", name).put("domain", domain);
        node.putArray("domains").add(domain);
        node.put("global", false);
        ArrayNode persons = node.putArray("person_ids");
        int count = dataset.organizations();
        if (count == 0) {
            // an unseeded organization (named by a list entry): the person of the same index names it
            if (i < dataset.persons() || dataset.persons() == 0) {
                persons.add(PERSON_BASE + 1 + i);
            }
            return node;
        }
        for (int p = i; p < dataset.persons(); p += count) {
            persons.add(PERSON_BASE + 1 + p);
        }
        return node;
    }

    private ObjectNode opportunity(int i) {
        ObjectNode node = Json.object();
        node.put("id", OPPORTUNITY_BASE + 1 + i).put("name", "Opportunity " + (i + 1));
        node.putArray("person_ids").add(personId(i));
        node.putArray("organization_ids").add(organizationId(i));
        node.putArray("list_entries");
        return node;
    }

    private ObjectNode list(int k) {
        int type = LIST_TYPES[k % LIST_TYPES.length];
        ObjectNode node = Json.object();
        node.put("id", LIST_BASE + 1 + k)
                .put("type", type)
                .put("name", "Generated list " + (k + 1))
                .put("public", true)
                .put("owner_id", Store.API_USER_ID)
                .put("creator_id", Store.API_USER_ID)
                .put("list_size", dataset.entriesPerList());
        node.putArray("additional_permissions");
        return node;
    }

    private void globalFields(List<FieldSpec> specs, int offset, int entityType) {
        for (int f = 0; f < specs.size(); f++) {
            ObjectNode field = field(FIELD_BASE + offset + f, specs.get(f), null);
            put(store.fields, field, "field");
            store.fieldEntityTypes.put(field.get("id").asLong(), entityType);
        }
    }

    private static ObjectNode field(long id, FieldSpec spec, Long listId) {
        ObjectNode node = Json.object();
        node.put("id", id).put("name", spec.name());
        if (listId == null) {
            node.putNull("list_id");
        } else {
            node.put("list_id", listId);
        }
        node.put("enrichment_source", "none")
                .put("value_type", spec.valueType())
                .put("allows_multiple", spec.multiple())
                .put("track_changes", Store.tracksChanges(spec.valueType()));
        ArrayNode options = node.putArray("dropdown_options");
        for (int r = 0; r < spec.options().length; r++) {
            options.addObject()
                    .put("id", DROPDOWN_OPTION_BASE + (id - FIELD_BASE) * 10 + r + 1)
                    .put("text", spec.options()[r])
                    .put("rank", r)
                    .put("color", r);
        }
        return node;
    }

    private ObjectNode listEntry(int listIndex, int j, int type, int opportunityListIndex) {
        ObjectNode entity = switch (type) {
            case Store.PERSON_TYPE -> store.persons.getOrDefault(personId(j), person(cycle(j, dataset.persons())));
            case Store.ORGANIZATION_TYPE ->
                store.organizations.getOrDefault(organizationId(j), organization(cycle(j, dataset.organizations())));
            default -> {
                long id = opportunityId(opportunityListIndex * dataset.entriesPerList() + j);
                yield store.opportunities.getOrDefault(id, opportunity((int) (id - OPPORTUNITY_BASE - 1)));
            }
        };
        long entityId = entity.get("id").asLong();
        ObjectNode node = Json.object();
        node.put("id", LIST_ENTRY_BASE + 1 + (long) listIndex * dataset.entriesPerList() + j)
                .put("list_id", LIST_BASE + 1 + listIndex)
                .put("creator_id", Store.API_USER_ID)
                .put("entity_id", entityId)
                .put("created_at", createdAt(j));
        node.set("entity", Store.entityShape(type, entity));
        if (type == Store.OPPORTUNITY_TYPE && store.opportunities.containsKey(entityId)) {
            ObjectNode listed = node.deepCopy();
            listed.remove("entity");
            listed.put("entity_type", Store.OPPORTUNITY_TYPE);
            ArrayNode entries = Json.array().add(listed);
            store.opportunities.get(entityId).set("list_entries", entries);
        }
        return node;
    }

    private ObjectNode note(int i) {
        ObjectNode node = Json.object();
        node.put("id", NOTE_BASE + 1 + i).put("creator_id", Store.API_USER_ID);
        node.putArray("person_ids").add(personId(i));
        node.putArray("associated_person_ids").add(personId(i));
        node.putArray("interaction_person_ids");
        node.putNull("interaction_id");
        node.putNull("interaction_type");
        node.put("is_meeting", false);
        node.putArray("mentioned_person_ids");
        node.putArray("organization_ids").add(organizationId(i));
        node.putArray("opportunity_ids").add(opportunityId(i));
        node.putNull("parent_id");
        node.putNull("interaction_id").putNull("interaction_type");
        node.put("content", "Generated note " + (i + 1) + ".").put("type", 0).put("created_at", createdAt(i));
        node.putNull("updated_at");
        return node;
    }

    private ObjectNode reminder(int i) {
        Instant created = EPOCH.minus(Duration.ofMinutes(i + 1L));
        ObjectNode node = Json.object();
        node.put("id", REMINDER_BASE + 1 + i).put("type", 1).put("created_at", Store.timestamp(created));
        node.putNull("completed_at");
        node.put("content", "Follow up " + (i + 1))
                .put("due_date", Store.timestamp(created.plus(Duration.ofDays(30))))
                .put("reset_type", 1)
                .put("reminder_days", 30)
                .put("status", 1);
        node.set("creator", internalPerson());
        node.set("owner", internalPerson());
        node.putNull("completer");
        node.set(
                "person",
                Store.personShape(store.persons.getOrDefault(personId(i), person(cycle(i, dataset.persons())))));
        node.putNull("organization");
        node.putNull("opportunity");
        return node;
    }

    private ObjectNode entityFile(int i) {
        ObjectNode node = Json.object();
        node.put("id", ENTITY_FILE_BASE + 1 + i)
                .put("name", "file-" + (i + 1) + ".csv")
                .put("size", 1_000 + i)
                .put("person_id", personId(i));
        node.putNull("organization_id");
        node.putNull("opportunity_id");
        node.put("created_at", createdAt(i)).put("uploader_id", Store.API_USER_ID);
        return node;
    }

    /**
     * Field values attach in turn to persons (global person fields), organizations (global organization fields) and
     * list entries (the fields of their list), skipping those not seeded (persons when none is). Within each, the
     * turn-th value goes to item {@code turn % count} and field {@code turn % fields}, so the first values cover every
     * field (and so every value type) and a pair of item and field repeats only after their counts' least common
     * multiple.
     */
    private void fieldValues() {
        List<ObjectNode> entries = store.allListEntries();
        List<String> targets = new ArrayList<>();
        if (dataset.persons() > 0) {
            targets.add("person");
        }
        if (dataset.organizations() > 0) {
            targets.add("organization");
        }
        if (!entries.isEmpty()) {
            targets.add("list_entry");
        }
        if (targets.isEmpty()) {
            targets.add("person");
        }
        for (int i = 0; i < dataset.fieldValues(); i++) {
            int turn = i / targets.size();
            long entityId;
            Long listEntryId = null;
            long fieldId;
            switch (targets.get(i % targets.size())) {
                case "organization" -> {
                    entityId = organizationId(turn);
                    fieldId = FIELD_BASE + 11 + fieldIndex(turn, dataset.organizations(), ORGANIZATION_FIELDS.size());
                }
                case "list_entry" -> {
                    ObjectNode entry = entries.get(turn % entries.size());
                    entityId = entry.get("entity_id").asLong();
                    listEntryId = entry.get("id").asLong();
                    int listIndex = (int) (entry.get("list_id").asLong() - LIST_BASE - 1);
                    fieldId = listFieldId(listIndex, fieldIndex(turn, entries.size(), LIST_FIELDS.size()));
                }
                default -> {
                    entityId = personId(turn);
                    fieldId = FIELD_BASE + 1 + fieldIndex(turn, dataset.persons(), PERSON_FIELDS.size());
                }
            }
            ObjectNode field = store.fields.get(fieldId);
            ObjectNode node = Json.object();
            node.put("id", FIELD_VALUE_BASE + 1 + i).put("field_id", fieldId);
            if (listEntryId == null) {
                node.putNull("list_entry_id");
            } else {
                node.put("list_entry_id", listEntryId);
            }
            node.put("entity_id", entityId).put("created_at", createdAt(i));
            node.putNull("updated_at");
            node.set("value", value(field, i));
            put(store.fieldValues, node, "field_value");
            if (field.get("track_changes").asBoolean()) {
                store.fieldValueChanges.add(change(
                        store.nextId("field_value_change", FIELD_VALUE_CHANGE_BASE),
                        node,
                        0,
                        node.get("created_at").asText(),
                        node.get("value")));
            }
        }
    }

    /** A field value change of a field value, by the API's user. */
    static ObjectNode change(long id, ObjectNode fieldValue, int action, String at, JsonNode value) {
        ObjectNode change = Json.object();
        change.put("id", id)
                .put("field_id", fieldValue.get("field_id").asLong())
                .put("entity_id", fieldValue.get("entity_id").asLong());
        change.set("list_entry_id", fieldValue.get("list_entry_id"));
        change.put("action_type", action);
        change.set("changer", internalPerson());
        change.put("changed_at", at);
        change.set("value", value.deepCopy());
        return change;
    }

    private static int fieldIndex(int turn, int count, int fields) {
        return turn % fields;
    }

    /** A value of the field's type for the i-th field value. */
    private JsonNode value(ObjectNode field, int i) {
        JsonNode options = field.get("dropdown_options");
        return switch (field.get("value_type").asInt()) {
            case 0 -> Json.mapper().getNodeFactory().numberNode(personId(i + 1));
            case 1 -> Json.mapper().getNodeFactory().numberNode(organizationId(i + 1));
            case 2 ->
                Json.mapper()
                        .getNodeFactory()
                        .textNode(options.get(i % options.size()).get("text").asText());
            case 3 -> Json.mapper().getNodeFactory().numberNode(100L * (i + 1));
            case 4 -> Json.mapper().getNodeFactory().textNode(Store.timestamp(EPOCH.minus(Duration.ofDays(i + 1L))));
            case 5 -> {
                ObjectNode location = Json.object();
                location.put("street_address", (i + 1) + " Market Street")
                        .put("city", "San Francisco")
                        .put("state", "California")
                        .put("country", "United States")
                        .put("continent", "North America");
                yield location;
            }
            case 7 -> options.get(i % options.size()).deepCopy();
            default -> Json.mapper().getNodeFactory().textNode("Generated text " + (i + 1));
        };
    }

    private ObjectNode interaction(int type, int i) {
        String date = Store.timestamp(interactionDate(i));
        ObjectNode external =
                Store.personShape(store.persons.getOrDefault(personId(i), person(cycle(i, dataset.persons()))));
        ObjectNode internal = internalPerson();
        ObjectNode node = Json.object();
        node.put("id", INTERACTION_BASE + 1 + i).put("date", date).put("type", type);
        if (type == 3) {
            node.put("subject", "Generated email " + (i + 1));
            node.set("from", internal);
            node.putArray("to").add(external);
            node.putArray("cc");
            node.put("direction", 0);
        } else if (type == 2) {
            node.put("direction", 1).put("manual_creator_id", Store.API_USER_ID);
            node.putArray("persons").add(internal).add(external);
            node.putArray("notes");
        } else {
            node.putArray("attendees")
                    .add(internal.get("primary_email").asText())
                    .add(external.get("primary_email").asText());
            node.put("start_time", date);
            node.putNull("end_time");
            node.putNull("updated_at");
            node.put("manual_creator_id", Store.API_USER_ID).put("title", (type == 0 ? "Meeting " : "Call ") + (i + 1));
            node.putArray("notes");
            node.putArray("persons").add(internal).add(external);
        }
        return node;
    }
}
