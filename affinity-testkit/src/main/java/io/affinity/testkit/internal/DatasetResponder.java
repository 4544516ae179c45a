package io.affinity.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affinity.testkit.Dataset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Answers the read operations from a {@link Store}, as the API would. In stateful mode it serves every collection
 * (an empty one answers empty pages and 404s); in fixture mode only the collections the dataset seeded, leaving the
 * others to their fixtures.
 */
final class DatasetResponder {

    private static final int MAX_PAGE_SIZE = 500;
    private static final int MAX_INTERACTIONS_PAGE_SIZE = 100;
    private static final Duration MAX_INTERACTION_RANGE = Duration.ofDays(365);

    private final Store store;
    private final Dataset dataset;
    private final Pager pager;

    DatasetResponder(Store store) {
        this.store = store;
        this.dataset = store.dataset;
        this.pager = new Pager(dataset.emptyLastPage());
    }

    Store store() {
        return store;
    }

    /** The dataset's answer for a request, or empty when the dataset does not serve what it addresses. */
    Optional<Reply> respond(RequestMatch match, IncomingRequest request) {
        String operationId = match.operation().operationId();
        if (!serves(operationId)) {
            return Optional.empty();
        }
        String id = match.id().orElse("");
        return Optional.ofNullable(store.read(() -> switch (operationId) {
            case "searchPersons" ->
                pager.page(
                        decorateSearch(
                                filter(
                                        List.copyOf(store.persons.values()),
                                        request,
                                        Filter.term("first_name", "last_name", "primary_email", "emails")),
                                request,
                                true),
                        "persons",
                        MAX_PAGE_SIZE,
                        request,
                        p -> searchedPerson(p, request));
            case "getPerson" -> byId(store.anyPerson(parseLong(id)), id, p -> person(p, request));
            case "searchOrganizations" ->
                pager.page(
                        decorateSearch(
                                filter(
                                        List.copyOf(store.organizations.values()),
                                        request,
                                        Filter.term("name", "domain", "domains")),
                                request,
                                false),
                        "organizations",
                        MAX_PAGE_SIZE,
                        request);
            case "getOrganization" -> byId(store.organizations.get(parseLong(id)), id, o -> organization(o, request));
            case "searchOpportunities" ->
                pager.page(
                        filter(List.copyOf(store.opportunities.values()), request, Filter.term("name")),
                        "opportunities",
                        MAX_PAGE_SIZE,
                        request);
            case "getOpportunity" -> byId(store.opportunities.get(parseLong(id)), id, o -> o);
            case "getNotes" ->
                pager.page(
                        filter(
                                List.copyOf(store.notes.values()),
                                request,
                                Filter.id("person_id", "/person_ids"),
                                Filter.id("organization_id", "/organization_ids"),
                                Filter.id("opportunity_id", "/opportunity_ids"),
                                Filter.id("creator_id", "/creator_id")),
                        "notes",
                        MAX_PAGE_SIZE,
                        request);
            case "getNote" -> byId(store.notes.get(parseLong(id)), id, n -> n);
            case "getReminders" ->
                pager.page(
                        filter(
                                store.reminders.values().stream()
                                        .map(this::reminder)
                                        .toList(),
                                request,
                                Filter.id("person_id", "/person/id"),
                                Filter.id("organization_id", "/organization/id"),
                                Filter.id("opportunity_id", "/opportunity/id"),
                                Filter.id("creator_id", "/creator/id"),
                                Filter.id("owner_id", "/owner/id"),
                                Filter.id("completer_id", "/completer/id"),
                                Filter.id("type", "/type"),
                                Filter.id("reset_type", "/reset_type"),
                                Filter.id("status", "/status")),
                        "reminders",
                        MAX_PAGE_SIZE,
                        request);
            case "getReminder" -> byId(store.reminders.get(parseLong(id)), id, this::reminder);
            case "getEntityFiles" ->
                pager.page(
                        filter(
                                List.copyOf(store.entityFiles.values()),
                                request,
                                Filter.id("person_id", "/person_id"),
                                Filter.id("organization_id", "/organization_id"),
                                Filter.id("opportunity_id", "/opportunity_id")),
                        "entity_files",
                        MAX_PAGE_SIZE,
                        request);
            case "getEntityFile" -> byId(store.entityFiles.get(parseLong(id)), id, f -> f);
            case "downloadEntityFile" -> download(match, id);
            case "getLists" ->
                Reply.json(
                        200,
                        Json.array()
                                .addAll(store.lists.values().stream()
                                        .map(this::list)
                                        .toList()));
            case "getList" -> byId(store.lists.get(parseLong(id)), id, l -> listWithFields(l));
            case "getListEntries" -> listEntries(match, request);
            case "getListEntry" -> byId(entriesOf(match).get(parseLong(id)), id, store::presentEntry);
            case "getFields" -> fields(request);
            case "getPersonFields" -> Reply.json(200, globalFields(Store.PERSON_TYPE));
            case "getOrganizationFields" -> Reply.json(200, globalFields(Store.ORGANIZATION_TYPE));
            case "getFieldValues" -> fieldValues(request);
            case "getFieldValueChanges" -> fieldValueChanges(request);
            case "getInteractions" -> interactions(request);
            case "getInteraction" -> interaction(match, request);
            case "getRelationshipStrengths" -> relationshipStrengths(request);
            case "getWebhookSubscriptions" -> Reply.json(200, Json.array().addAll(store.webhooks.values()));
            case "getWebhookSubscription" -> byId(store.webhooks.get(parseLong(id)), id, w -> w);
            case "getWhoami" -> whoami();
            default -> null;
        }));
    }

    /** Whether this operation is answered from the store rather than by its fixture. */
    private boolean serves(String operationId) {
        if (store.stateful) {
            return true;
        }
        return switch (operationId) {
            case "searchPersons", "getPerson" -> dataset.persons() > 0;
            case "searchOrganizations", "getOrganization" -> dataset.organizations() > 0;
            case "searchOpportunities", "getOpportunity" -> dataset.opportunities() > 0;
            case "getNotes", "getNote" -> dataset.notes() > 0;
            case "getReminders", "getReminder" -> dataset.reminders() > 0;
            case "getEntityFiles", "getEntityFile", "downloadEntityFile" -> dataset.entityFiles() > 0;
            case "getLists", "getList", "getListEntries", "getListEntry" -> dataset.lists() > 0;
            case "getFieldValues", "getFieldValueChanges" -> dataset.fieldValues() > 0;
            case "getInteractions", "getInteraction" -> dataset.interactions() > 0;
            default -> false;
        };
    }

    /** A person as a search shows it: without organization_ids and list entries. */
    private static ObjectNode searchedPerson(ObjectNode person, IncomingRequest request) {
        ObjectNode copy = person.deepCopy();
        if (flag(request, "with_current_organizations")) {
            copy.set("current_organization_ids", person.path("organization_ids").deepCopy());
        }
        copy.remove("organization_ids");
        return copy;
    }

    private ObjectNode person(ObjectNode person, IncomingRequest request) {
        ObjectNode node = person.deepCopy();
        long id = person.get("id").asLong();
        if (!node.has("organization_ids")) {
            node.putArray("organization_ids");
        }
        node.set("list_entries", store.entriesOf(Store.PERSON_TYPE, id));
        if (flag(request, "with_opportunities")) {
            ArrayNode ids = node.putArray("opportunity_ids");
            store.opportunities.values().stream()
                    .filter(o -> contains(o.get("person_ids"), id))
                    .forEach(o -> ids.add(o.get("id").asLong()));
        }
        if (flag(request, "with_current_organizations")) {
            node.set("current_organization_ids", node.get("organization_ids").deepCopy());
        }
        if (flag(request, "with_interaction_dates")) {
            addInteractionDates(node, Set.of(id), flag(request, "with_interaction_persons"));
        }
        return node;
    }

    private ObjectNode organization(ObjectNode organization, IncomingRequest request) {
        ObjectNode node = organization.deepCopy();
        long id = organization.get("id").asLong();
        node.set("list_entries", store.entriesOf(Store.ORGANIZATION_TYPE, id));
        if (flag(request, "with_opportunities")) {
            ArrayNode ids = node.putArray("opportunity_ids");
            store.opportunities.values().stream()
                    .filter(o -> contains(o.get("organization_ids"), id))
                    .forEach(o -> ids.add(o.get("id").asLong()));
        }
        if (flag(request, "with_interaction_dates")) {
            Set<Long> persons = new HashSet<>();
            node.path("person_ids").forEach(p -> persons.add(p.asLong()));
            addInteractionDates(node, persons, flag(request, "with_interaction_persons"));
        }
        return node;
    }

    /** An interaction and its type. */
    private record Typed(int type, ObjectNode interaction) {}

    /** The interactions of these persons (involving any of them). */
    private List<Typed> interactionsOf(Set<Long> persons) {
        List<Typed> result = new ArrayList<>();
        store.interactions.forEach((type, byId) -> byId.values().stream()
                .filter(i -> Store.involvedPersons(i).stream().anyMatch(persons::contains))
                .forEach(i -> result.add(new Typed(type, i))));
        return result;
    }

    /** Every person's interactions, from one pass over them: for searches. */
    private Map<Long, List<Typed>> interactionsByPerson() {
        Map<Long, List<Typed>> index = new HashMap<>();
        store.interactions.forEach((type, byId) -> byId.values()
                .forEach(i -> Store.involvedPersons(i).stream()
                        .distinct()
                        .forEach(p ->
                                index.computeIfAbsent(p, k -> new ArrayList<>()).add(new Typed(type, i)))));
        return index;
    }

    private void addInteractionDates(ObjectNode node, Set<Long> persons, boolean withPersons) {
        addInteractionDates(node, interactionsOf(persons), withPersons);
    }

    /**
     * The dates of the first, latest and next of these interactions, as of the server's clock: emails, events (meetings
     * and calls) and chat messages. Returns whether there was any.
     */
    private boolean addInteractionDates(ObjectNode node, List<Typed> interactions, boolean withPersons) {
        Instant now = store.instant();
        Map<String, JsonNode> found = new HashMap<>();
        for (Typed typed : interactions) {
            ObjectNode interaction = typed.interaction();
            Instant date = store.instantOf(interaction.get("date").asText());
            boolean past = !date.isAfter(now);
            switch (typed.type()) {
                case 3 -> {
                    keep(found, "first_email", interaction, date, true);
                    keep(found, "last_email", interaction, date, false);
                }
                case 2 -> keep(found, "last_chat_message", interaction, date, false);
                default -> {
                    keep(found, "first_event", interaction, date, true);
                    if (past) {
                        keep(found, "last_event", interaction, date, false);
                    } else {
                        keep(found, "next_event", interaction, date, true);
                    }
                }
            }
            if (past) {
                keep(found, "last_interaction", interaction, date, false);
            }
        }
        ObjectNode dates = node.putObject("interaction_dates");
        ObjectNode overview = node.putObject("interactions");
        for (String key : INTERACTION_DATE_KEYS) {
            JsonNode interaction = found.get(key);
            if (interaction == null) {
                dates.putNull(key + "_date");
                overview.putNull(key);
                continue;
            }
            dates.put(key + "_date", interaction.get("date").asText());
            ObjectNode occurrence = overview.putObject(key);
            occurrence.put("date", interaction.get("date").asText());
            ArrayNode ids = occurrence.putArray("person_ids");
            if (withPersons) {
                Store.involvedPersons(interaction).stream()
                        .filter(store.internalPersons::containsKey)
                        .distinct()
                        .forEach(ids::add);
            }
        }
        return !found.isEmpty();
    }

    private static final List<String> INTERACTION_DATE_KEYS = List.of(
            "first_email",
            "last_email",
            "last_event",
            "last_chat_message",
            "last_interaction",
            "first_event",
            "next_event");

    /**
     * A search's items with what its flags ask for: {@code with_interaction_dates} (then only items with interactions,
     * narrowed by {@code min_/max_<interaction>_date}) and {@code with_opportunities}.
     */
    private List<ObjectNode> decorateSearch(List<ObjectNode> items, IncomingRequest request, boolean persons) {
        boolean dates = flag(request, "with_interaction_dates");
        boolean opportunities = flag(request, "with_opportunities");
        if (!dates && !opportunities) {
            return items;
        }
        Map<Long, List<Typed>> byPerson = dates ? interactionsByPerson() : Map.of();
        Map<Long, List<Long>> opportunityIds = new HashMap<>();
        if (opportunities) {
            String key = persons ? "person_ids" : "organization_ids";
            store.opportunities
                    .values()
                    .forEach(o -> o.path(key)
                            .forEach(id -> opportunityIds
                                    .computeIfAbsent(id.asLong(), k -> new ArrayList<>())
                                    .add(o.get("id").asLong())));
        }
        List<ObjectNode> result = new ArrayList<>();
        for (ObjectNode item : items) {
            ObjectNode node = item.deepCopy();
            long id = item.get("id").asLong();
            if (opportunities) {
                ArrayNode ids = node.putArray("opportunity_ids");
                opportunityIds.getOrDefault(id, List.of()).forEach(ids::add);
            }
            if (dates) {
                List<Typed> interactions = new ArrayList<>();
                if (persons) {
                    interactions.addAll(byPerson.getOrDefault(id, List.of()));
                } else {
                    Set<ObjectNode> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                    item.path("person_ids")
                            .forEach(p -> byPerson.getOrDefault(p.asLong(), List.of()).stream()
                                    .filter(t -> seen.add(t.interaction()))
                                    .forEach(interactions::add));
                }
                if (!addInteractionDates(node, interactions, flag(request, "with_interaction_persons"))
                        || !withinDateFilters(node.get("interaction_dates"), request)) {
                    continue;
                }
            }
            result.add(node);
        }
        return result;
    }

    /** Whether interaction dates pass the {@code min_<interaction>_date} and {@code max_<interaction>_date} filters. */
    private static boolean withinDateFilters(JsonNode dates, IncomingRequest request) {
        for (String key : INTERACTION_DATE_KEYS) {
            Optional<Instant> min = request.param("min_" + key + "_date").flatMap(DatasetResponder::parseTime);
            Optional<Instant> max = request.param("max_" + key + "_date").flatMap(DatasetResponder::parseTime);
            if (min.isEmpty() && max.isEmpty()) {
                continue;
            }
            JsonNode date = dates.get(key + "_date");
            if (date == null || date.isNull()) {
                return false;
            }
            Instant instant = OffsetDateTime.parse(date.asText()).toInstant();
            if (min.isPresent() && instant.isBefore(min.get()) || max.isPresent() && instant.isAfter(max.get())) {
                return false;
            }
        }
        return true;
    }

    private static void keep(
            Map<String, JsonNode> found, String key, ObjectNode interaction, Instant date, boolean earliest) {
        JsonNode current = found.get(key);
        if (current == null) {
            found.put(key, interaction);
            return;
        }
        Instant other = OffsetDateTime.parse(current.get("date").asText()).toInstant();
        if (earliest ? date.isBefore(other) : date.isAfter(other)) {
            found.put(key, interaction);
        }
    }

    /** A reminder with its status as of the server's clock: completed (0), active (1) or overdue (2). */
    ObjectNode reminder(ObjectNode reminder) {
        ObjectNode node = reminder.deepCopy();
        if (reminder.hasNonNull("completed_at") && reminder.path("type").asInt() == 0) {
            node.put("status", 0);
        } else if (reminder.hasNonNull("due_date")) {
            Instant due =
                    OffsetDateTime.parse(reminder.get("due_date").asText()).toInstant();
            node.put("status", due.isBefore(store.instant()) ? 2 : 1);
        }
        return node;
    }

    private ObjectNode list(ObjectNode list) {
        ObjectNode node = list.deepCopy();
        Map<Long, ObjectNode> entries = store.listEntries.get(list.get("id").asLong());
        node.put("list_size", entries == null ? 0 : entries.size());
        return node;
    }

    /** The list with its fields, as {@code GET /lists/{list_id}} answers it. */
    private ObjectNode listWithFields(ObjectNode list) {
        ObjectNode node = list(list);
        ArrayNode fields = node.putArray("fields");
        long id = list.get("id").asLong();
        store.fields.values().stream()
                .filter(f -> f.path("list_id").asLong(-1) == id)
                .forEach(fields::add);
        return node;
    }

    private Reply fields(IncomingRequest request) {
        Optional<String> listId = request.param("list_id");
        Optional<String> valueType = request.param("value_type");
        Optional<String> entityType = request.param("entity_type");
        boolean modifiedNames = flag(request, "with_modified_names");
        boolean noOptions = flag(request, "exclude_dropdown_options");
        ArrayNode result = Json.array();
        for (ObjectNode field : store.fields.values()) {
            long id = field.get("id").asLong();
            if (listId.isPresent() && !listId.get().equals(field.path("list_id").asText())) {
                continue;
            }
            if (valueType.isPresent()
                    && !valueType.get().equals(field.get("value_type").asText())) {
                continue;
            }
            if (entityType.isPresent() && !entityType.get().equals(Integer.toString(store.entityTypeOfField(id)))) {
                continue;
            }
            ObjectNode node = field.deepCopy();
            if (modifiedNames && field.hasNonNull("list_id")) {
                ObjectNode list = store.lists.get(field.get("list_id").asLong());
                if (list != null) {
                    node.put(
                            "name",
                            "[" + list.get("name").asText() + "] "
                                    + field.get("name").asText());
                }
            }
            if (noOptions) {
                node.remove("dropdown_options");
            }
            result.add(node);
        }
        return Reply.json(200, result);
    }

    private ArrayNode globalFields(int entityType) {
        ArrayNode result = Json.array();
        store.fields.values().stream()
                .filter(f -> !f.hasNonNull("list_id")
                        && store.entityTypeOfField(f.get("id").asLong()) == entityType)
                .forEach(result::add);
        return result;
    }

    private Map<Long, ObjectNode> entriesOf(RequestMatch match) {
        return match.longParameter("list_id").map(store.listEntries::get).orElse(Map.of());
    }

    private Reply listEntries(RequestMatch match, IncomingRequest request) {
        Optional<Long> listId = match.longParameter("list_id");
        if (listId.isEmpty() || !store.listEntries.containsKey(listId.get())) {
            return ErrorReplies.of(404, "List not found");
        }
        List<ObjectNode> entries = store.listEntries.get(listId.get()).values().stream()
                .map(store::presentEntry)
                .toList();
        if (request.param(PageToken.PAGE_SIZE).isEmpty()
                && request.param(PageToken.PAGE_TOKEN).isEmpty()) {
            return Reply.json(200, Json.array().addAll(entries));
        }
        return pager.page(entries, "list_entries", MAX_PAGE_SIZE, request);
    }

    /** Which of person_id, organization_id, opportunity_id and list_entry_id a request gives. */
    private static List<String> entityParams(IncomingRequest request) {
        return Stream.concat(DatasetContent.ENTITY_PARAMS.stream(), Stream.of("list_entry_id"))
                .filter(p -> request.param(p).isPresent())
                .toList();
    }

    /** Whether a field value (or change) belongs to the entity a parameter names. */
    private boolean belongsTo(JsonNode value, String param, String id) {
        if (param.equals("list_entry_id")) {
            return id.equals(value.path("list_entry_id").asText());
        }
        int type = switch (param) {
            case "organization_id" -> Store.ORGANIZATION_TYPE;
            case "opportunity_id" -> Store.OPPORTUNITY_TYPE;
            default -> Store.PERSON_TYPE;
        };
        return id.equals(value.path("entity_id").asText())
                && store.entityTypeOfField(value.path("field_id").asLong()) == type;
    }

    private Reply fieldValues(IncomingRequest request) {
        List<String> given = entityParams(request);
        if (given.size() != 1) {
            return ErrorReplies.of(
                    422, "Exactly one of person_id, organization_id, opportunity_id or list_entry_id must be given");
        }
        String param = given.get(0);
        String value = request.param(param).orElseThrow();
        List<ObjectNode> values = store.fieldValues.values().stream()
                .filter(v -> belongsTo(v, param, value))
                .toList();
        return Reply.json(200, Json.array().addAll(values));
    }

    private Reply fieldValueChanges(IncomingRequest request) {
        Optional<Long> fieldId = request.param("field_id").map(DatasetResponder::parseLong);
        if (fieldId.isEmpty() || fieldId.get() < 0) {
            return ErrorReplies.of(422, "field_id is required");
        }
        ObjectNode field = store.fields.get(fieldId.get());
        if (field == null) {
            return ErrorReplies.of(404, "Field with id " + fieldId.get() + " not found");
        }
        if (!field.path("track_changes").asBoolean()) {
            return ErrorReplies.of(422, "Field " + fieldId.get() + " does not track changes");
        }
        List<String> given = entityParams(request);
        if (given.size() > 1) {
            return ErrorReplies.of(
                    422, "At most one of person_id, organization_id, opportunity_id or list_entry_id may be given");
        }
        Optional<String> action = request.param("action_type");
        List<ObjectNode> changes = new ArrayList<>();
        for (ObjectNode change : store.fieldValueChanges) {
            if (change.get("field_id").asLong() != fieldId.get()
                    || action.isPresent()
                            && !action.get().equals(change.get("action_type").asText())) {
                continue;
            }
            if (!given.isEmpty()) {
                String param = given.get(0);
                String id = request.param(param).orElseThrow();
                if (param.equals("list_entry_id")) {
                    ObjectNode entry = store.listEntry(parseLong(id));
                    if (entry == null
                            || !entry.get("entity_id")
                                    .asText()
                                    .equals(change.path("entity_id").asText())) {
                        continue;
                    }
                } else if (!belongsTo(change, param, id)) {
                    continue;
                }
            }
            changes.add(change);
        }
        return Reply.json(200, Json.array().addAll(changes));
    }

    private Reply interactions(IncomingRequest request) {
        Optional<Integer> type = request.param("type").flatMap(DatasetResponder::parseInt);
        if (type.isEmpty() || !store.interactions.containsKey(type.get())) {
            return ErrorReplies.of(422, "type must be one of 0 (meeting), 1 (call), 2 (chat message), 3 (email)");
        }
        if (DatasetContent.ENTITY_PARAMS.stream()
                .noneMatch(p -> request.param(p).isPresent())) {
            return ErrorReplies.of(422, "One of person_id, organization_id or opportunity_id must be given");
        }
        Optional<Instant> start = request.param("start_time").flatMap(DatasetResponder::parseTime);
        Optional<Instant> end = request.param("end_time").flatMap(DatasetResponder::parseTime);
        if (start.isEmpty() || end.isEmpty()) {
            return ErrorReplies.of(422, "start_time and end_time must be ISO 8601 date-times");
        }
        if (!start.get().isBefore(end.get())) {
            return ErrorReplies.of(422, "start_time must be before end_time");
        }
        if (Duration.between(start.get(), end.get()).compareTo(MAX_INTERACTION_RANGE) > 0) {
            return ErrorReplies.of(422, "The range from start_time to end_time must not exceed one year");
        }
        List<String> entities = DatasetContent.ENTITY_PARAMS.stream()
                .filter(p -> request.param(p).isPresent())
                .toList();
        List<Predicate<Long>> wanted =
                entities.stream().map(p -> personsOf(p, request.param(p).get())).toList();
        record Dated(ObjectNode interaction, Instant date) {}
        // internal_person_id narrows to interactions the internal person took part in; direction applies to chat
        // messages and emails; logging_type 1 keeps the manually logged ones
        Optional<Long> internal = request.param("internal_person_id").map(DatasetResponder::parseLong);
        Optional<String> direction = request.param("direction").filter(v -> type.get() >= 2);
        boolean manualOnly = request.param("logging_type").map("1"::equals).orElse(false);
        List<ObjectNode> inRange = store.interactions.get(type.get()).values().stream()
                .map(i -> new Dated(i, store.instantOf(i.get("date").asText())))
                .filter(d -> !d.date().isBefore(start.get()) && d.date().isBefore(end.get()))
                .filter(d -> {
                    List<Long> involved = Store.involvedPersons(d.interaction());
                    return wanted.stream().allMatch(persons -> involved.stream().anyMatch(persons))
                            && internal.map(involved::contains).orElse(true)
                            && direction
                                    .map(v -> v.equals(
                                            d.interaction().path("direction").asText()))
                                    .orElse(true)
                            && (!manualOnly || d.interaction().hasNonNull("manual_creator_id"));
                })
                .sorted(Comparator.comparing(Dated::date).reversed())
                .map(Dated::interaction)
                .toList();
        return pager.page(inRange, interactionsKey(type.get()), MAX_INTERACTIONS_PAGE_SIZE, request);
    }

    /**
     * The persons whose interactions an entity parameter selects: the person itself; an organization's persons; an
     * opportunity's persons.
     */
    private Predicate<Long> personsOf(String param, String value) {
        long id = parseLong(value);
        Set<Long> persons = new LinkedHashSet<>();
        switch (param) {
            case "person_id" -> persons.add(id);
            case "organization_id" -> {
                ObjectNode organization = store.organizations.get(id);
                if (organization != null) {
                    organization.path("person_ids").forEach(p -> persons.add(p.asLong()));
                    int organizations = dataset.organizations();
                    long index = id - Dataset.ORGANIZATION_BASE - 1;
                    if (dataset.persons() == 0 && index >= 0 && index < organizations) {
                        // without seeded persons, generated person p (unseeded) belongs to generated organization p
                        // wrapped
                        return person -> persons.contains(person)
                                || person > Dataset.PERSON_BASE
                                        && person <= Dataset.PERSON_BASE + Dataset.MAX_COUNT
                                        && (person - Dataset.PERSON_BASE - 1) % organizations == index;
                    }
                } else {
                    // persons of unseeded organizations still name them
                    store.persons.values().stream()
                            .filter(p -> contains(p.get("organization_ids"), id))
                            .forEach(p -> persons.add(p.get("id").asLong()));
                    if (dataset.persons() == 0 && id > Dataset.ORGANIZATION_BASE) {
                        persons.add(Dataset.PERSON_BASE + (id - Dataset.ORGANIZATION_BASE));
                    }
                }
            }
            case "opportunity_id" -> {
                ObjectNode opportunity = store.opportunities.get(id);
                if (opportunity != null) {
                    opportunity.path("person_ids").forEach(p -> persons.add(p.asLong()));
                } else if (dataset.opportunities() == 0
                        && id > Dataset.OPPORTUNITY_BASE
                        && id <= Dataset.OPPORTUNITY_BASE + Dataset.MAX_COUNT) {
                    // an unseeded opportunity j names the person j (wrapped), as seeded ones do
                    long j = id - Dataset.OPPORTUNITY_BASE - 1;
                    persons.add(Dataset.PERSON_BASE + 1 + (dataset.persons() == 0 ? j : j % dataset.persons()));
                }
            }
            default -> {}
        }
        return persons::contains;
    }

    private Reply interaction(RequestMatch match, IncomingRequest request) {
        Optional<Integer> type = request.param("type").flatMap(DatasetResponder::parseInt);
        if (type.isEmpty() || !store.interactions.containsKey(type.get())) {
            return ErrorReplies.of(422, "type must be one of 0 (meeting), 1 (call), 2 (chat message), 3 (email)");
        }
        String id = match.id().orElse("");
        return byId(store.interactions.get(type.get()).get(parseLong(id)), id, i -> i);
    }

    /** Strengths between internal persons and an external person, from how often they interacted. */
    private Reply relationshipStrengths(IncomingRequest request) {
        Optional<Long> external = request.param("external_id").map(DatasetResponder::parseLong);
        if (external.isEmpty() || external.get() < 0) {
            return ErrorReplies.of(422, "external_id is required");
        }
        Optional<Long> internal = request.param("internal_id").map(DatasetResponder::parseLong);
        Map<Long, Integer> counts = new TreeMap<>();
        for (Map<Long, ObjectNode> byType : store.interactions.values()) {
            for (ObjectNode interaction : byType.values()) {
                List<Long> involved = Store.involvedPersons(interaction);
                if (!involved.contains(external.get())) {
                    continue;
                }
                involved.stream()
                        .filter(store.internalPersons::containsKey)
                        .distinct()
                        .forEach(id -> counts.merge(id, 1, Integer::sum));
            }
        }
        ArrayNode result = Json.array();
        counts.forEach((id, count) -> {
            if (internal.isEmpty() || internal.get().equals(id)) {
                result.addObject()
                        .put("internal_id", id)
                        .put("external_id", external.get())
                        .put("strength", Math.min(1.0, count / 10.0));
            }
        });
        return Reply.json(200, result);
    }

    private Reply whoami() {
        ObjectNode whoami;
        try {
            whoami = (ObjectNode)
                    Json.mapper().readTree(Resources.readBytes(ApiSpec.RESOURCE_ROOT + "examples/getWhoami.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ObjectNode user = store.internalPersons.get(Store.API_USER_ID);
        if (user != null) {
            whoami.putObject("user")
                    .put("id", user.get("id").asLong())
                    .put("firstName", user.get("first_name").asText())
                    .put("lastName", user.get("last_name").asText())
                    .put("email", user.get("primary_email").asText());
        }
        return Reply.json(200, whoami);
    }

    private Reply download(RequestMatch match, String id) {
        ObjectNode file = store.entityFiles.get(parseLong(id));
        if (file == null) {
            return ErrorReplies.of(404, "Entity file with id " + id + " not found");
        }
        byte[] bytes = store.fileContents.get(file.get("id").asLong());
        if (bytes == null) {
            bytes = generatedContent(file);
        }
        return new Reply(
                200,
                match.operation().contentType(),
                bytes,
                Map.of(
                        "Content-Disposition",
                        "attachment; filename=\"" + file.get("name").asText() + "\""));
    }

    /** The content of a generated file: CSV lines, exactly {@code size} bytes. */
    static byte[] generatedContent(ObjectNode file) {
        int size = file.path("size").asInt();
        StringBuilder text = new StringBuilder("id,name\n");
        for (int line = 1; text.length() < size; line++) {
            text.append(line).append(",row ").append(line).append('\n');
        }
        return text.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    /** The envelope property the API puts interactions of a type under. */
    static String interactionsKey(int type) {
        return switch (type) {
            case 2 -> "chat_messages";
            case 3 -> "emails";
            default -> "events";
        };
    }

    private static Reply byId(ObjectNode item, String id, Function<ObjectNode, ObjectNode> shape) {
        return item == null
                ? ErrorReplies.of(404, "Resource with id " + id + " not found")
                : Reply.json(200, shape.apply(item));
    }

    private static boolean flag(IncomingRequest request, String name) {
        return request.param(name).map(v -> v.equalsIgnoreCase("true")).orElse(false);
    }

    static boolean contains(JsonNode array, long id) {
        if (array == null) {
            return false;
        }
        for (JsonNode element : array) {
            if (element.asLong() == id) {
                return true;
            }
        }
        return false;
    }

    /** A number, or -1 when the text is not one. */
    static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The items that pass every filter whose parameter the request gives. */
    private static List<ObjectNode> filter(List<ObjectNode> items, IncomingRequest request, Filter... filters) {
        List<ObjectNode> result = items;
        for (Filter f : filters) {
            Optional<String> value = request.param(f.param);
            if (value.isPresent() && !value.get().isEmpty()) {
                result = result.stream()
                        .filter(item -> f.matches(item, value.get()))
                        .toList();
            }
        }
        return result;
    }

    private static Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** ISO 8601 with offset, without offset (UTC), or a plain date (midnight UTC). */
    static Optional<Instant> parseTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException dateOnly) {
                try {
                    return Optional.of(
                            LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
                } catch (DateTimeParseException e) {
                    return Optional.empty();
                }
            }
        }
    }

    /** A query parameter that narrows a listing. */
    private static final class Filter {
        private final String param;
        private final List<String> pointers;
        private final boolean term;

        private Filter(String param, List<String> pointers, boolean term) {
            this.param = param;
            this.pointers = pointers;
            this.term = term;
        }

        /** {@code term}: case-insensitive substring of any of these properties. */
        static Filter term(String... properties) {
            return new Filter("term", Stream.of(properties).map(p -> "/" + p).toList(), true);
        }

        /** An id parameter: equal to the value at the pointer, or contained in the array there. */
        static Filter id(String param, String pointer) {
            return new Filter(param, List.of(pointer), false);
        }

        boolean matches(ObjectNode item, String value) {
            if (term && item.has("first_name")) {
                String fullName = item.path("first_name").asText() + " "
                        + item.path("last_name").asText();
                if (fullName.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            for (String pointer : pointers) {
                JsonNode node = item.at(pointer);
                if (term && containsText(node, value)) {
                    return true;
                }
                if (!term
                        && (node.isArray()
                                ? contains(node, value)
                                : node.asText().equals(value))) {
                    return true;
                }
            }
            return false;
        }

        /** Case-insensitive substring of a text or of any text in an array; a full name for persons. */
        private boolean containsText(JsonNode node, String value) {
            String wanted = value.toLowerCase(Locale.ROOT);
            if (node.isArray()) {
                for (JsonNode element : node) {
                    if (element.asText().toLowerCase(Locale.ROOT).contains(wanted)) {
                        return true;
                    }
                }
                return false;
            }
            return node.asText().toLowerCase(Locale.ROOT).contains(wanted);
        }

        private static boolean contains(JsonNode array, String value) {
            for (JsonNode element : array) {
                if (element.asText().equals(value)) {
                    return true;
                }
            }
            return false;
        }
    }
}
