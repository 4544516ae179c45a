package io.affinity.testkit.internal;

import static io.affinity.testkit.Dataset.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affinity.testkit.Dataset;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** The JSON items of a {@link Dataset}, generated deterministically in the shapes of the reference's examples. */
final class DatasetContent {

  /** Interaction type codes: meeting, call, chat message, email. */
  static final int[] INTERACTION_TYPES = {0, 1, 2, 3};

  private static final Instant EPOCH = Dataset.GENERATED_UNTIL;
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ROOT).withZone(ZoneOffset.ofHours(-8));
  private static final String[] FIRST = {"Alice", "Bob", "Carol", "David", "Erin", "Frank", "Grace", "Heidi", "Ivan",
      "Judy", "Mallory", "Niaj", "Olivia", "Peggy", "Rupert", "Sybil", "Trent", "Uma", "Victor", "Wendy"};
  private static final String[] LAST = {"Yen", "Doe", "Smith", "Garcia", "Chen", "Okafor", "Muller", "Rossi",
      "Silva", "Kim", "Novak", "Haddad", "Larsen", "Dubois", "Kowalski", "Tanaka"};
  private static final String[] COMPANY = {"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark",
      "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Wonka"};
  private static final int[] LIST_TYPES = {0, 1, 8};
  private static final long INTERNAL_PERSON_ID = PERSON_BASE;

  /** The query parameters that name an entity: person, organization, opportunity. */
  static final List<String> ENTITY_PARAMS = List.of("person_id", "organization_id", "opportunity_id");

  final Dataset dataset;
  final List<ObjectNode> persons;
  final List<ObjectNode> organizations;
  final List<ObjectNode> opportunities;
  final List<ObjectNode> lists;
  final Map<Long, List<ObjectNode>> listEntries = new TreeMap<>();
  final List<ObjectNode> notes;
  final List<ObjectNode> reminders;
  final List<ObjectNode> entityFiles;
  final List<ObjectNode> fieldValues;
  final Map<Integer, List<ObjectNode>> interactions = new TreeMap<>();
  /** The entity parameters field values attach to, in turn: those of the seeded entity collections. */
  private final List<String> fieldValueEntities;

  DatasetContent(Dataset dataset) {
    this.dataset = dataset;
    this.persons = generate(dataset.persons(), this::person);
    this.organizations = generate(dataset.organizations(), this::organization);
    this.opportunities = generate(dataset.opportunities(), this::opportunity);
    this.lists = generate(dataset.lists(), this::list);
    for (int k = 0; k < dataset.lists(); k++) {
      int listIndex = k;
      listEntries.put(LIST_BASE + k + 1, generate(dataset.entriesPerList(), j -> listEntry(listIndex, j)));
    }
    this.notes = generate(dataset.notes(), this::note);
    this.reminders = generate(dataset.reminders(), this::reminder);
    this.entityFiles = generate(dataset.entityFiles(), this::entityFile);
    this.fieldValueEntities = fieldValueEntities(dataset);
    this.fieldValues = generate(dataset.fieldValues(), this::fieldValue);
    if (dataset.interactions() > 0) {
      for (int type : INTERACTION_TYPES) {
        interactions.put(type, generate(dataset.interactions(), i -> interaction(type, i)));
      }
    }
  }

  /** The seeded entity collections, as their query parameters; persons when none is seeded. */
  private static List<String> fieldValueEntities(Dataset dataset) {
    List<String> seeded = new ArrayList<>();
    if (dataset.persons() > 0) {
      seeded.add("person_id");
    }
    if (dataset.organizations() > 0) {
      seeded.add("organization_id");
    }
    if (dataset.opportunities() > 0) {
      seeded.add("opportunity_id");
    }
    return seeded.isEmpty() ? List.of("person_id") : List.copyOf(seeded);
  }

  /** The date of the i-th interaction of each type: 6 hours apart, newest first. */
  static Instant interactionDate(int i) {
    return EPOCH.minus(Duration.ofHours(6L * (i + 1)));
  }

  private static List<ObjectNode> generate(int count, IntFunction<ObjectNode> item) {
    return IntStream.range(0, count).mapToObj(item).toList();
  }

  private static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  private static String createdAt(int i) {
    return timestamp(EPOCH.minus(Duration.ofMinutes(i + 1L)));
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

  /** The organization a person (by index) belongs to. */
  private long organizationOfPerson(int personIndex) {
    return organizationId(personIndex);
  }

  /** Index of an item from its id and its collection's base (ids are base + 1, 2, ...). */
  private static long index(ObjectNode item, long base) {
    return item.path("id").asLong() - base - 1;
  }

  /**
   * Whether the i-th interaction (of any type) involves the entity a parameter names: {@code person_id} its external
   * person ({@code personId(i)}) or the internal person; {@code organization_id} that person's organization;
   * {@code opportunity_id} an opportunity whose person is that person.
   */
  boolean interactionInvolves(ObjectNode interaction, String param, String value) {
    long id;
    try {
      id = Long.parseLong(value);
    } catch (NumberFormatException e) {
      return false;
    }
    int personIndex = cycle((int) index(interaction, INTERACTION_BASE), dataset.persons());
    long personId = PERSON_BASE + 1 + personIndex;
    return switch (param) {
      case "person_id" -> id == personId || id == INTERNAL_PERSON_ID;
      case "organization_id" -> id == organizationOfPerson(personIndex);
      case "opportunity_id" -> {
        long opportunity = id - OPPORTUNITY_BASE - 1;
        boolean known = opportunity >= 0 && (dataset.opportunities() == 0 ? opportunity < MAX_COUNT
            : opportunity < dataset.opportunities());
        yield known && personId((int) opportunity) == personId;
      }
      default -> false;
    };
  }

  /** The entity parameter ({@code person_id}, ...) whose entity a generated field value belongs to. */
  String fieldValueEntity(ObjectNode fieldValue) {
    return fieldValueEntities.get((int) (index(fieldValue, FIELD_VALUE_BASE) % fieldValueEntities.size()));
  }

  private ObjectNode person(int i) {
    return personShape(PERSON_BASE + 1 + i, 0, FIRST[i % FIRST.length], LAST[(i / FIRST.length) % LAST.length],
        i + 1);
  }

  private static ObjectNode internalPerson() {
    return personShape(INTERNAL_PERSON_ID, 1, "Ada", "Admin", 0);
  }

  private static ObjectNode personShape(long id, int type, String first, String last, int serial) {
    String email = (first + "." + last + (serial == 0 ? "" : Integer.toString(serial))).toLowerCase(Locale.ROOT)
        + "@example.com";
    ObjectNode node = Json.object();
    node.put("id", id).put("type", type).put("first_name", first).put("last_name", last).put("primary_email", email);
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
    return node;
  }

  private ObjectNode opportunity(int i) {
    long id = OPPORTUNITY_BASE + 1 + i;
    ObjectNode node = Json.object();
    node.put("id", id).put("name", "Opportunity " + (i + 1));
    node.putArray("person_ids").add(personId(i));
    node.putArray("organization_ids").add(organizationId(i));
    node.putArray("list_entries");
    return node;
  }

  private ObjectNode list(int k) {
    int type = LIST_TYPES[k % LIST_TYPES.length];
    ObjectNode node = Json.object();
    node.put("id", LIST_BASE + 1 + k).put("type", type).put("name", "Generated list " + (k + 1))
        .put("public", true).put("owner_id", INTERNAL_PERSON_ID).put("creator_id", INTERNAL_PERSON_ID)
        .put("list_size", dataset.entriesPerList());
    return node;
  }

  /** The list with its fields, as {@code GET /lists/{list_id}} answers it. */
  static ObjectNode listWithFields(ObjectNode list) {
    ObjectNode node = list.deepCopy();
    ObjectNode status = node.putArray("fields").addObject();
    status.put("id", list.get("id").asLong() - LIST_BASE).put("name", "Status").put("value_type", 7)
        .put("allows_multiple", false);
    ArrayNode options = status.putArray("dropdown_options");
    String[] texts = {"New", "In Progress", "Won"};
    for (int r = 0; r < texts.length; r++) {
      options.addObject().put("id", r + 1).put("text", texts[r]).put("rank", r).put("color", r);
    }
    return node;
  }

  private ObjectNode listEntry(int listIndex, int j) {
    int type = LIST_TYPES[listIndex % LIST_TYPES.length];
    ObjectNode entity = switch (type) {
      case 0 -> person(cycle(j, dataset.persons()));
      case 1 -> organization(cycle(j, dataset.organizations()));
      default -> opportunity(cycle(j, dataset.opportunities()));
    };
    ObjectNode node = Json.object();
    node.put("id", LIST_ENTRY_BASE + 1 + (long) listIndex * dataset.entriesPerList() + j)
        .put("list_id", LIST_BASE + 1 + listIndex)
        .put("creator_id", INTERNAL_PERSON_ID)
        .put("entity_id", entity.get("id").asLong())
        .put("created_at", createdAt(j));
    node.set("entity", entity);
    return node;
  }

  private ObjectNode note(int i) {
    ObjectNode node = Json.object();
    node.put("id", NOTE_BASE + 1 + i).put("creator_id", INTERNAL_PERSON_ID);
    node.putArray("person_ids").add(personId(i));
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
    node.put("id", REMINDER_BASE + 1 + i).put("type", 1).put("created_at", timestamp(created));
    node.putNull("completed_at");
    node.put("content", "Follow up " + (i + 1)).put("due_date", timestamp(created.plus(Duration.ofDays(30))))
        .put("reset_type", 1).put("reminder_days", 30).put("status", 1);
    node.set("creator", internalPerson());
    node.set("owner", internalPerson());
    node.putNull("completer");
    node.set("person", person(cycle(i, dataset.persons())));
    node.putNull("organization");
    node.putNull("opportunity");
    return node;
  }

  private ObjectNode entityFile(int i) {
    ObjectNode node = Json.object();
    node.put("id", ENTITY_FILE_BASE + 1 + i).put("name", "file-" + (i + 1) + ".csv").put("size", 1_000 + i)
        .put("person_id", personId(i));
    node.putNull("organization_id");
    node.putNull("opportunity_id");
    node.put("created_at", createdAt(i)).put("uploader_id", INTERNAL_PERSON_ID);
    return node;
  }

  private ObjectNode fieldValue(int i) {
    ObjectNode node = Json.object();
    node.put("id", FIELD_VALUE_BASE + 1 + i);
    node.putNull("list_entry_id");
    int turn = i / fieldValueEntities.size();
    long entityId = switch (fieldValueEntities.get(i % fieldValueEntities.size())) {
      case "organization_id" -> organizationId(turn);
      case "opportunity_id" -> opportunityId(turn);
      default -> personId(turn);
    };
    node.put("entity_id", entityId).put("created_at", createdAt(i));
    node.putNull("updated_at");
    switch (i % 4) {
      case 0 -> node.put("field_id", 1).put("value", "Title " + (i + 1));
      case 1 -> node.put("field_id", 2).put("value", 100L * (i + 1));
      case 2 -> {
        node.put("field_id", 3);
        ObjectNode location = node.putObject("value");
        location.put("city", "San Francisco").put("state", "California").put("country", "United States");
        location.putNull("continent");
        location.putNull("street_address");
      }
      default -> node.put("field_id", 4).put("value", 1_000_000L + i);
    }
    return node;
  }

  private ObjectNode interaction(int type, int i) {
    String date = timestamp(interactionDate(i));
    ObjectNode external = person(cycle(i, dataset.persons()));
    ObjectNode node = Json.object();
    node.put("id", INTERACTION_BASE + 1 + i).put("date", date).put("type", type);
    if (type == 3) {
      node.put("subject", "Generated email " + (i + 1));
      node.set("from", internalPerson());
      node.putArray("to").add(external);
      node.putArray("cc");
      node.put("direction", 0);
    } else if (type == 2) {
      node.put("direction", 1).put("manual_creator_id", INTERNAL_PERSON_ID);
      node.putArray("persons").add(internalPerson()).add(external);
      node.putArray("notes");
    } else {
      node.putArray("attendees").add(internalPerson().get("primary_email").asText())
          .add(external.get("primary_email").asText());
      node.put("start_time", date);
      node.putNull("end_time");
      node.putNull("updated_at");
      node.put("manual_creator_id", INTERNAL_PERSON_ID).put("title", (type == 0 ? "Meeting " : "Call ") + (i + 1));
      node.putArray("notes");
      node.putArray("persons").add(internalPerson()).add(external);
    }
    return node;
  }
}
