package io.affinity.testkit.internal;

import static io.affinity.testkit.Dataset.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The write operations of the API applied to a {@link Store}, with the reference's semantics: creates assign ids and
 * timestamps from the server's clock, updates change only what was sent, deletes answer {@code {"success": true}} and
 * take along what depends on the deleted item; field value writes append to the field value changes. A payload that
 * names something that does not exist, or breaks a documented rule, gets 422; a path id that does not exist, 404.
 */
final class StatefulWrites {

    /** The webhook subscriptions an instance may have (reference: "a limit of three"). */
    static final int MAX_WEBHOOKS = 3;

    static final Set<String> WEBHOOK_EVENTS = Set.of(
            "list.created",
            "list.updated",
            "list.deleted",
            "list_entry.created",
            "list_entry.deleted",
            "note.created",
            "note.updated",
            "note.deleted",
            "field.created",
            "field.updated",
            "field.deleted",
            "field_value.created",
            "field_value.updated",
            "field_value.deleted",
            "person.created",
            "person.updated",
            "person.deleted",
            "organization.created",
            "organization.updated",
            "organization.deleted",
            "organization.merged",
            "opportunity.created",
            "opportunity.updated",
            "opportunity.deleted",
            "file.created",
            "file.deleted",
            "reminder.created",
            "reminder.updated",
            "reminder.deleted");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Store store;

    StatefulWrites(Store store) {
        this.store = store;
    }

    /** A payload or reference problem, answered with its status. */
    private static final class Rejected extends RuntimeException {
        private final int status;

        Rejected(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** The answer to a write operation, or empty when the operation is not a write. */
    Optional<Reply> respond(RequestMatch match, IncomingRequest request) {
        String operationId = match.operation().operationId();
        int ok = match.operation().successStatus();
        long id = match.id().map(DatasetResponder::parseLong).orElse(-1L);
        Function<ObjectNode, JsonNode> action = switch (operationId) {
            case "createList" -> this::createList;
            case "createListEntry" ->
                body -> createListEntry(match.longParameter("list_id").orElse(-1L), body);
            case "deleteListEntry" ->
                body -> deleteListEntry(match.longParameter("list_id").orElse(-1L), id);
            case "createField" -> this::createField;
            case "deleteField" -> body -> deleteField(id);
            case "createFieldValue" -> this::createFieldValue;
            case "updateFieldValue" -> body -> updateFieldValue(id, body);
            case "deleteFieldValue" -> body -> deleteFieldValue(id);
            case "createPerson" -> this::createPerson;
            case "updatePerson" -> body -> updatePerson(id, body);
            case "deletePerson" -> body -> deletePerson(id);
            case "createOrganization" -> this::createOrganization;
            case "updateOrganization" -> body -> updateOrganization(id, body);
            case "deleteOrganization" -> body -> deleteOrganization(id);
            case "createOpportunity" -> this::createOpportunity;
            case "updateOpportunity" -> body -> updateOpportunity(id, body);
            case "deleteOpportunity" -> body -> deleteOpportunity(id);
            case "createInteraction" -> this::createInteraction;
            case "updateInteraction" -> body -> updateInteraction(id, body);
            case "deleteInteraction" ->
                body -> deleteInteraction(id, request.param("type").orElse(""));
            case "createNote" -> this::createNote;
            case "updateNote" -> body -> updateNote(id, body);
            case "deleteNote" -> body -> delete(store.notes, id, "Note");
            case "uploadEntityFiles" -> body -> uploadEntityFiles(request);
            case "createReminder" -> this::createReminder;
            case "updateReminder" -> body -> updateReminder(id, body);
            case "deleteReminder" -> body -> delete(store.reminders, id, "Reminder");
            case "createWebhookSubscription" -> this::createWebhook;
            case "updateWebhookSubscription" -> body -> updateWebhook(id, body);
            case "deleteWebhookSubscription" -> body -> delete(store.webhooks, id, "Webhook subscription");
            default -> null;
        };
        if (action == null) {
            return Optional.empty();
        }
        try {
            ObjectNode body = operationId.equals("uploadEntityFiles") ? Json.object() : body(request);
            JsonNode result = store.write(() -> action.apply(body));
            return Optional.of(Reply.json(ok, result));
        } catch (Rejected rejected) {
            return Optional.of(ErrorReplies.of(rejected.status, rejected.getMessage()));
        }
    }

    // ---------------------------------------------------------------------------------------------------- payloads

    /** The payload as a JSON object: JSON, or a form whose {@code name[]} keys become arrays. */
    private static ObjectNode body(IncomingRequest request) {
        String text = request.body();
        if (text.isBlank()) {
            return Json.object();
        }
        String contentType = request.header("Content-Type").orElse("");
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            ObjectNode form = Json.object();
            IncomingRequest.parseQuery(text).forEach((name, values) -> {
                if (name.endsWith("[]")) {
                    ArrayNode array = form.putArray(name.substring(0, name.length() - 2));
                    values.forEach(array::add);
                } else {
                    form.put(name, values.get(0));
                }
            });
            return form;
        }
        try {
            JsonNode json = Json.mapper().readTree(text);
            if (json instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw new Rejected(400, "The body is not JSON: " + e.getMessage());
        }
        throw new Rejected(400, "The body must be a JSON object");
    }

    private static boolean has(ObjectNode body, String name) {
        return body.hasNonNull(name);
    }

    private static void require(ObjectNode body, String... names) {
        for (String name : names) {
            if (!has(body, name)) {
                throw new Rejected(422, name + " is required");
            }
        }
    }

    private static long longOf(ObjectNode body, String name) {
        JsonNode node = body.get(name);
        if (node.isIntegralNumber() || node.isTextual() && node.asText().matches("-?\\d+")) {
            return node.asLong();
        }
        throw new Rejected(422, name + " must be an integer: " + node);
    }

    private static boolean bool(ObjectNode body, String name) {
        JsonNode node = body.get(name);
        return node.isBoolean()
                ? node.booleanValue()
                : node.asText().equals("true") || node.asText().equals("1");
    }

    /** An array of ids (a single id is taken as one). */
    private static List<Long> ids(ObjectNode body, String name) {
        List<Long> ids = new ArrayList<>();
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return ids;
        }
        for (JsonNode element : node.isArray() ? node : Json.array().add(node)) {
            if (!(element.isIntegralNumber()
                    || element.isTextual() && element.asText().matches("\\d+"))) {
                throw new Rejected(422, name + " must hold integers: " + node);
            }
            ids.add(element.asLong());
        }
        return ids;
    }

    private static ArrayNode array(Collection<Long> ids) {
        ArrayNode array = Json.array();
        ids.forEach(array::add);
        return array;
    }

    private static List<Long> idList(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        if (array != null) {
            array.forEach(id -> ids.add(id.asLong()));
        }
        return ids;
    }

    private static void mustExist(Map<Long, ObjectNode> collection, Collection<Long> ids, String what) {
        for (long id : ids) {
            if (!collection.containsKey(id)) {
                throw new Rejected(422, what + " with id " + id + " does not exist");
            }
        }
    }

    private static ObjectNode found(Map<Long, ObjectNode> collection, long id, String what) {
        ObjectNode item = collection.get(id);
        if (item == null) {
            throw new Rejected(404, what + " with id " + id + " not found");
        }
        return item;
    }

    private static ObjectNode success() {
        return Json.object().put("success", true);
    }

    private ObjectNode delete(Map<Long, ObjectNode> collection, long id, String what) {
        found(collection, id, what);
        collection.remove(id);
        return success();
    }

    /** Adds or removes an id in an array property of an item, storing a changed copy. */
    private static void link(Map<Long, ObjectNode> collection, long itemId, String property, long id, boolean add) {
        ObjectNode item = collection.get(itemId);
        if (item == null) {
            return;
        }
        LinkedHashSet<Long> ids = new LinkedHashSet<>(idList(item.get(property)));
        if (add ? ids.add(id) : ids.remove(id)) {
            ObjectNode copy = item.deepCopy();
            copy.set(property, array(ids));
            collection.put(itemId, copy);
        }
    }

    /** Removes an id from an array property of every item that has it. */
    private static void unlinkEverywhere(Map<Long, ObjectNode> collection, String property, long id) {
        for (long itemId : List.copyOf(collection.keySet())) {
            if (DatasetResponder.contains(collection.get(itemId).get(property), id)) {
                link(collection, itemId, property, id, false);
            }
        }
    }

    private ObjectNode apiUser() {
        ObjectNode user = store.internalPersons.get(Store.API_USER_ID);
        return user == null ? Json.object().put("id", Store.API_USER_ID) : Store.personShape(user);
    }

    private String timestamp(ObjectNode body, String name) {
        Optional<Instant> instant = DatasetResponder.parseTime(body.get(name).asText());
        if (instant.isEmpty()) {
            throw new Rejected(
                    422,
                    name + " must be an ISO 8601 date-time: " + body.get(name).asText());
        }
        return Store.timestamp(instant.get());
    }

    // ---------------------------------------------------------------------------------------------------- persons

    private JsonNode createPerson(ObjectNode body) {
        require(body, "first_name", "last_name", "emails");
        List<String> emails = emails(body, -1);
        List<Long> organizations = ids(body, "organization_ids");
        mustExist(store.organizations, organizations, "Organization");
        long id = store.nextId("person", PERSON_BASE);
        ObjectNode person = Json.object();
        person.put("id", id)
                .put("type", 0)
                .put("first_name", body.get("first_name").asText())
                .put("last_name", body.get("last_name").asText())
                .put("primary_email", emails.isEmpty() ? null : emails.get(0));
        ArrayNode emailArray = person.putArray("emails");
        emails.forEach(emailArray::add);
        person.set("organization_ids", array(organizations));
        store.persons.put(id, person);
        organizations.forEach(o -> link(store.organizations, o, "person_ids", id, true));
        return person;
    }

    /** The emails of a payload; 422 when one belongs to another person. */
    private List<String> emails(ObjectNode body, long personId) {
        List<String> emails = new ArrayList<>();
        body.get("emails").forEach(e -> emails.add(e.asText()));
        for (ObjectNode other : store.persons.values()) {
            if (other.get("id").asLong() == personId) {
                continue;
            }
            for (JsonNode email : other.path("emails")) {
                if (emails.stream().anyMatch(e -> e.equalsIgnoreCase(email.asText()))) {
                    throw new Rejected(
                            422,
                            "The email " + email.asText() + " belongs to person "
                                    + other.get("id").asLong());
                }
            }
        }
        return emails;
    }

    private JsonNode updatePerson(long id, ObjectNode body) {
        ObjectNode person = found(store.persons, id, "Person").deepCopy();
        if (has(body, "first_name")) {
            person.put("first_name", body.get("first_name").asText());
        }
        if (has(body, "last_name")) {
            person.put("last_name", body.get("last_name").asText());
        }
        if (has(body, "emails")) {
            List<String> emails = emails(body, id);
            ArrayNode array = person.putArray("emails");
            emails.forEach(array::add);
            if (!emails.contains(person.path("primary_email").asText())) {
                person.put("primary_email", emails.isEmpty() ? null : emails.get(0));
            }
        }
        if (has(body, "organization_ids")) {
            List<Long> organizations = ids(body, "organization_ids");
            mustExist(store.organizations, organizations, "Organization");
            for (long old : idList(person.get("organization_ids"))) {
                link(store.organizations, old, "person_ids", id, false);
            }
            organizations.forEach(o -> link(store.organizations, o, "person_ids", id, true));
            person.set("organization_ids", array(organizations));
        }
        store.persons.put(id, person);
        return person;
    }

    private JsonNode deletePerson(long id) {
        ObjectNode person = found(store.persons, id, "Person");
        store.persons.remove(id);
        for (long organization : idList(person.get("organization_ids"))) {
            link(store.organizations, organization, "person_ids", id, false);
        }
        unlinkEverywhere(store.opportunities, "person_ids", id);
        unlinkEverywhere(store.notes, "person_ids", id);
        unlinkEverywhere(store.notes, "associated_person_ids", id);
        removeEntriesOf(Store.PERSON_TYPE, id);
        removeFieldValuesOf(Store.PERSON_TYPE, id);
        return success();
    }

    // ---------------------------------------------------------------------------------------------- organizations

    private JsonNode createOrganization(ObjectNode body) {
        require(body, "name");
        List<Long> persons = ids(body, "person_ids");
        mustExist(store.persons, persons, "Person");
        long id = store.nextId("organization", ORGANIZATION_BASE);
        ObjectNode organization = Json.object();
        organization.put("id", id).put("name", body.get("name").asText());
        String domain = has(body, "domain") ? body.get("domain").asText() : null;
        organization.put("domain", domain);
        ArrayNode domains = organization.putArray("domains");
        if (domain != null) {
            domains.add(domain);
        }
        organization.put("global", false);
        organization.set("person_ids", array(persons));
        store.organizations.put(id, organization);
        persons.forEach(p -> link(store.persons, p, "organization_ids", id, true));
        return organization;
    }

    private JsonNode updateOrganization(long id, ObjectNode body) {
        ObjectNode organization = found(store.organizations, id, "Organization").deepCopy();
        if (organization.path("global").asBoolean() && (has(body, "name") || has(body, "domain"))) {
            throw new Rejected(422, "The name and domain of a global organization cannot be changed");
        }
        if (has(body, "name")) {
            organization.put("name", body.get("name").asText());
        }
        if (has(body, "domain")) {
            String domain = body.get("domain").asText();
            organization.put("domain", domain);
            LinkedHashSet<String> domains = new LinkedHashSet<>();
            domains.add(domain);
            organization.path("domains").forEach(d -> domains.add(d.asText()));
            ArrayNode array = organization.putArray("domains");
            domains.forEach(array::add);
        }
        if (has(body, "person_ids")) {
            List<Long> persons = ids(body, "person_ids");
            mustExist(store.persons, persons, "Person");
            for (long old : idList(organization.get("person_ids"))) {
                link(store.persons, old, "organization_ids", id, false);
            }
            persons.forEach(p -> link(store.persons, p, "organization_ids", id, true));
            organization.set("person_ids", array(persons));
        }
        store.organizations.put(id, organization);
        return organization;
    }

    private JsonNode deleteOrganization(long id) {
        ObjectNode organization = found(store.organizations, id, "Organization");
        if (organization.path("global").asBoolean()) {
            throw new Rejected(422, "A global organization cannot be deleted");
        }
        store.organizations.remove(id);
        unlinkEverywhere(store.persons, "organization_ids", id);
        unlinkEverywhere(store.opportunities, "organization_ids", id);
        unlinkEverywhere(store.notes, "organization_ids", id);
        removeEntriesOf(Store.ORGANIZATION_TYPE, id);
        removeFieldValuesOf(Store.ORGANIZATION_TYPE, id);
        return success();
    }

    // ---------------------------------------------------------------------------------------------- opportunities

    private JsonNode createOpportunity(ObjectNode body) {
        require(body, "name", "list_id");
        long listId = longOf(body, "list_id");
        ObjectNode list = store.lists.get(listId);
        if (list == null || list.get("type").asInt() != Store.OPPORTUNITY_TYPE) {
            throw new Rejected(422, "list_id " + listId + " is not a list of opportunities");
        }
        List<Long> persons = ids(body, "person_ids");
        List<Long> organizations = ids(body, "organization_ids");
        mustExist(store.persons, persons, "Person");
        mustExist(store.organizations, organizations, "Organization");
        long id = store.nextId("opportunity", OPPORTUNITY_BASE);
        ObjectNode opportunity = Json.object();
        opportunity.put("id", id).put("name", body.get("name").asText());
        opportunity.set("person_ids", array(persons));
        opportunity.set("organization_ids", array(organizations));
        ObjectNode entry =
                newEntry(listId, id, Store.API_USER_ID, Store.entityShape(Store.OPPORTUNITY_TYPE, opportunity));
        ObjectNode listed = entry.deepCopy();
        listed.remove("entity");
        listed.put("entity_type", Store.OPPORTUNITY_TYPE);
        opportunity.putArray("list_entries").add(listed);
        store.opportunities.put(id, opportunity);
        return opportunity;
    }

    private JsonNode updateOpportunity(long id, ObjectNode body) {
        ObjectNode opportunity = found(store.opportunities, id, "Opportunity").deepCopy();
        if (has(body, "name")) {
            opportunity.put("name", body.get("name").asText());
        }
        if (has(body, "person_ids")) {
            List<Long> persons = ids(body, "person_ids");
            mustExist(store.persons, persons, "Person");
            opportunity.set("person_ids", array(persons));
        }
        if (has(body, "organization_ids")) {
            List<Long> organizations = ids(body, "organization_ids");
            mustExist(store.organizations, organizations, "Organization");
            opportunity.set("organization_ids", array(organizations));
        }
        store.opportunities.put(id, opportunity);
        return opportunity;
    }

    private JsonNode deleteOpportunity(long id) {
        found(store.opportunities, id, "Opportunity");
        store.opportunities.remove(id);
        unlinkEverywhere(store.notes, "opportunity_ids", id);
        removeEntriesOf(Store.OPPORTUNITY_TYPE, id);
        removeFieldValuesOf(Store.OPPORTUNITY_TYPE, id);
        return success();
    }

    // ------------------------------------------------------------------------------------------ lists and entries

    private JsonNode createList(ObjectNode body) {
        require(body, "name", "type", "is_public");
        int type = (int) longOf(body, "type");
        if (type != Store.PERSON_TYPE && type != Store.ORGANIZATION_TYPE && type != Store.OPPORTUNITY_TYPE) {
            throw new Rejected(422, "type must be 0 (persons), 1 (organizations) or 8 (opportunities): " + type);
        }
        long owner = has(body, "owner_id") ? longOf(body, "owner_id") : Store.API_USER_ID;
        mustExist(store.internalPersons, List.of(owner), "Internal person");
        long id = store.nextId("list", LIST_BASE);
        ObjectNode list = Json.object();
        list.put("id", id)
                .put("type", type)
                .put("name", body.get("name").asText())
                .put("public", bool(body, "is_public"))
                .put("owner_id", owner)
                .put("creator_id", Store.API_USER_ID)
                .put("list_size", 0);
        list.set(
                "additional_permissions",
                has(body, "additional_permissions")
                        ? body.get("additional_permissions").deepCopy()
                        : Json.array());
        store.lists.put(id, list);
        store.listEntries.put(id, new LinkedHashMap<>());
        return list;
    }

    private ObjectNode newEntry(long listId, long entityId, long creatorId, ObjectNode entity) {
        long id = store.nextId("list_entry", LIST_ENTRY_BASE);
        ObjectNode entry = Json.object();
        entry.put("id", id)
                .put("list_id", listId)
                .put("creator_id", creatorId)
                .put("entity_id", entityId)
                .put("created_at", store.now());
        entry.set("entity", entity);
        store.listEntries.computeIfAbsent(listId, k -> new LinkedHashMap<>()).put(id, entry);
        return entry;
    }

    private JsonNode createListEntry(long listId, ObjectNode body) {
        ObjectNode list = found(store.lists, listId, "List");
        int type = list.get("type").asInt();
        if (type == Store.OPPORTUNITY_TYPE) {
            throw new Rejected(422, "Opportunities cannot be added with this endpoint; use POST /opportunities");
        }
        require(body, "entity_id");
        long entityId = longOf(body, "entity_id");
        ObjectNode entity = store.entity(type, entityId);
        if (entity == null) {
            throw new Rejected(
                    422, (type == 0 ? "Person" : "Organization") + " with id " + entityId + " does not exist");
        }
        long creator = has(body, "creator_id") ? longOf(body, "creator_id") : Store.API_USER_ID;
        mustExist(store.internalPersons, List.of(creator), "Internal person");
        return newEntry(listId, entityId, creator, Store.entityShape(type, entity));
    }

    private JsonNode deleteListEntry(long listId, long entryId) {
        found(store.lists, listId, "List");
        Map<Long, ObjectNode> entries = store.listEntries.getOrDefault(listId, Map.of());
        ObjectNode entry = found(entries, entryId, "List entry");
        removeEntry(entry);
        return success();
    }

    /** Removes an entry, its field values and, on a list of opportunities, its opportunity. */
    private void removeEntry(ObjectNode entry) {
        long listId = entry.get("list_id").asLong();
        long entryId = entry.get("id").asLong();
        store.listEntries.get(listId).remove(entryId);
        store.fieldValues.values().removeIf(v -> v.path("list_entry_id").asLong(-1) == entryId);
        ObjectNode list = store.lists.get(listId);
        long entityId = entry.get("entity_id").asLong();
        if (list != null
                && list.get("type").asInt() == Store.OPPORTUNITY_TYPE
                && store.opportunities.remove(entityId) != null) {
            unlinkEverywhere(store.notes, "opportunity_ids", entityId);
            removeFieldValuesOf(Store.OPPORTUNITY_TYPE, entityId);
        }
    }

    private void removeEntriesOf(int type, long entityId) {
        for (ObjectNode entry : store.allListEntries()) {
            ObjectNode list = store.lists.get(entry.get("list_id").asLong());
            if (list != null
                    && list.get("type").asInt() == type
                    && entry.get("entity_id").asLong() == entityId) {
                store.listEntries
                        .get(list.get("id").asLong())
                        .remove(entry.get("id").asLong());
                long entryId = entry.get("id").asLong();
                store.fieldValues.values().removeIf(v -> v.path("list_entry_id").asLong(-1) == entryId);
            }
        }
    }

    private void removeFieldValuesOf(int type, long entityId) {
        store.fieldValues
                .values()
                .removeIf(v -> v.get("entity_id").asLong() == entityId
                        && store.entityTypeOfField(v.get("field_id").asLong()) == type);
    }

    // ----------------------------------------------------------------------------------------- fields and values

    private JsonNode createField(ObjectNode body) {
        require(body, "name", "entity_type", "value_type");
        int entityType = (int) longOf(body, "entity_type");
        int valueType = (int) longOf(body, "value_type");
        if (valueType < 0 || valueType > 7) {
            throw new Rejected(422, "value_type must be from 0 to 7: " + valueType);
        }
        Long listId = has(body, "list_id") ? longOf(body, "list_id") : null;
        if (has(body, "is_list_specific") && bool(body, "is_list_specific") && listId == null) {
            throw new Rejected(422, "A list-specific field needs a list_id");
        }
        if (listId != null) {
            ObjectNode list = store.lists.get(listId);
            if (list == null) {
                throw new Rejected(422, "List with id " + listId + " does not exist");
            }
            if (list.get("type").asInt() != entityType) {
                throw new Rejected(422, "entity_type " + entityType + " does not match the list's type");
            }
        } else if (entityType == Store.OPPORTUNITY_TYPE) {
            throw new Rejected(422, "Opportunities cannot have global fields");
        }
        long id = store.nextId("field", FIELD_BASE);
        ObjectNode field = Json.object();
        field.put("id", id).put("name", body.get("name").asText());
        if (listId == null) {
            field.putNull("list_id");
        } else {
            field.put("list_id", listId);
        }
        field.put("enrichment_source", "none")
                .put("value_type", valueType)
                .put("allows_multiple", has(body, "allows_multiple") && bool(body, "allows_multiple"))
                .put("track_changes", Store.tracksChanges(valueType));
        field.putArray("dropdown_options");
        store.fields.put(id, field);
        store.fieldEntityTypes.put(id, entityType);
        return field;
    }

    private JsonNode deleteField(long id) {
        found(store.fields, id, "Field");
        store.fieldValues.values().removeIf(v -> v.get("field_id").asLong() == id);
        store.fields.remove(id);
        return success();
    }

    private JsonNode createFieldValue(ObjectNode body) {
        require(body, "field_id", "entity_id", "value");
        long fieldId = longOf(body, "field_id");
        ObjectNode field = store.fields.get(fieldId);
        if (field == null) {
            throw new Rejected(422, "Field with id " + fieldId + " does not exist");
        }
        int type = store.entityTypeOfField(fieldId);
        long entityId = longOf(body, "entity_id");
        if (store.entity(type, entityId) == null) {
            throw new Rejected(
                    422,
                    "The field's " + (type == 0 ? "person" : type == 1 ? "organization" : "opportunity") + " with id "
                            + entityId + " does not exist");
        }
        Long entryId = has(body, "list_entry_id") ? longOf(body, "list_entry_id") : null;
        if (field.hasNonNull("list_id")) {
            ObjectNode entry = entryId == null
                    ? null
                    : store.listEntries
                            .getOrDefault(field.get("list_id").asLong(), Map.of())
                            .get(entryId);
            if (entry == null || entry.get("entity_id").asLong() != entityId) {
                throw new Rejected(
                        422,
                        "A value of the list-specific field " + fieldId
                                + " needs the list_entry_id of the entity's entry in list "
                                + field.get("list_id").asLong());
            }
        } else if (entryId != null) {
            throw new Rejected(422, "list_entry_id is only for list-specific fields; field " + fieldId + " is global");
        }
        long id = store.nextId("field_value", FIELD_VALUE_BASE);
        ObjectNode value = Json.object();
        value.put("id", id).put("field_id", fieldId);
        if (entryId == null) {
            value.putNull("list_entry_id");
        } else {
            value.put("list_entry_id", entryId);
        }
        value.put("entity_id", entityId).put("created_at", store.now());
        value.putNull("updated_at");
        value.set("value", valueFor(field, body.get("value")));
        store.fieldValues.put(id, value);
        recordChange(field, value, 0, value.get("value"));
        return value;
    }

    private JsonNode updateFieldValue(long id, ObjectNode body) {
        ObjectNode value = found(store.fieldValues, id, "Field value").deepCopy();
        require(body, "value");
        ObjectNode field = store.fields.get(value.get("field_id").asLong());
        value.set("value", field == null ? body.get("value").deepCopy() : valueFor(field, body.get("value")));
        value.put("updated_at", store.now());
        store.fieldValues.put(id, value);
        recordChange(field, value, 2, value.get("value"));
        return value;
    }

    private JsonNode deleteFieldValue(long id) {
        ObjectNode value = found(store.fieldValues, id, "Field value");
        store.fieldValues.remove(id);
        recordChange(store.fields.get(value.get("field_id").asLong()), value, 1, value.get("value"));
        return success();
    }

    private void recordChange(ObjectNode field, ObjectNode value, int action, JsonNode changed) {
        if (field == null || !field.path("track_changes").asBoolean()) {
            return;
        }
        ObjectNode change = DatasetContent.change(
                store.nextId("field_value_change", FIELD_VALUE_CHANGE_BASE), value, action, store.now(), changed);
        change.set("changer", apiUser());
        store.fieldValueChanges.add(change);
    }

    /** A sent value checked against the field's value type and stored in the shape the API answers. */
    private JsonNode valueFor(ObjectNode field, JsonNode sent) {
        int valueType = field.get("value_type").asInt();
        JsonNode options = field.path("dropdown_options");
        String name = "value of field " + field.get("id").asLong();
        switch (valueType) {
            case 0, 1 -> {
                if (!isInteger(sent)) {
                    throw new Rejected(
                            422, name + " must be the id of " + (valueType == 0 ? "a person" : "an organization"));
                }
                long id = sent.asLong();
                boolean exists = valueType == 0 ? store.anyPerson(id) != null : store.organizations.containsKey(id);
                if (!exists) {
                    throw new Rejected(
                            422, name + ": " + (valueType == 0 ? "person " : "organization ") + id + " does not exist");
                }
                return NODES.numberNode(id);
            }
            case 2, 6 -> {
                if (!sent.isTextual()) {
                    throw new Rejected(422, name + " must be a string");
                }
                if (valueType == 2 && !options.isEmpty()) {
                    for (JsonNode option : options) {
                        if (option.get("text").asText().equals(sent.asText())) {
                            return NODES.textNode(sent.asText());
                        }
                    }
                    throw new Rejected(422, name + " must be one of the field's dropdown options: " + sent.asText());
                }
                return NODES.textNode(sent.asText());
            }
            case 3 -> {
                if (sent.isNumber()) {
                    return sent.deepCopy();
                }
                try {
                    return NODES.numberNode(new BigDecimal(sent.asText()));
                } catch (NumberFormatException e) {
                    throw new Rejected(422, name + " must be a number");
                }
            }
            case 4 -> {
                Optional<Instant> date =
                        sent.isTextual() ? DatasetResponder.parseTime(sent.asText()) : Optional.empty();
                if (date.isEmpty()) {
                    throw new Rejected(422, name + " must be an ISO 8601 date");
                }
                return NODES.textNode(Store.timestamp(date.get()));
            }
            case 5 -> {
                if (!sent.isObject()) {
                    throw new Rejected(422, name + " must be a location object");
                }
                ObjectNode location = Json.object();
                for (String key : List.of("street_address", "city", "state", "country", "continent")) {
                    location.set(
                            key,
                            sent.hasNonNull(key) ? NODES.textNode(sent.get(key).asText()) : NODES.nullNode());
                }
                return location;
            }
            case 7 -> {
                JsonNode optionId = sent.isObject() ? sent.get("id") : sent;
                if (optionId != null && isInteger(optionId)) {
                    for (JsonNode option : options) {
                        if (option.get("id").asLong() == optionId.asLong()) {
                            return option.deepCopy();
                        }
                    }
                }
                throw new Rejected(422, name + " must be the id of one of the field's dropdown options");
            }
            default -> {
                return sent.deepCopy();
            }
        }
    }

    private static boolean isInteger(JsonNode node) {
        return node.isIntegralNumber() || node.isTextual() && node.asText().matches("\\d+");
    }

    // ------------------------------------------------------------------------------------------------- interactions

    private JsonNode createInteraction(ObjectNode body) {
        require(body, "type", "person_ids", "content", "date");
        int type = (int) longOf(body, "type");
        if (type < 0 || type > 2) {
            throw new Rejected(422, "Only meetings (0), calls (1) and chat messages (2) can be created: " + type);
        }
        List<Long> personIds = ids(body, "person_ids");
        List<ObjectNode> persons = persons(personIds);
        String date = timestamp(body, "date");
        long id = store.nextId("interaction" + type, INTERACTION_BASE);
        ObjectNode note =
                interactionNote(id, type, personIds, body.get("content").asText());
        ObjectNode interaction = Json.object();
        interaction.put("id", id).put("date", date).put("type", type);
        if (type == 2) {
            interaction.put("direction", has(body, "direction") ? longOf(body, "direction") : 0);
        } else {
            ArrayNode attendees = interaction.putArray("attendees");
            persons.forEach(p -> attendees.add(p.path("primary_email").asText()));
            interaction.put("start_time", date).putNull("end_time");
            interaction.putNull("updated_at");
            interaction.put("title", "Manually logged event");
        }
        interaction.put("manual_creator_id", Store.API_USER_ID);
        interaction.putArray("notes").add(note.get("id").asLong());
        ArrayNode shapes = interaction.putArray("persons");
        persons.forEach(p -> shapes.add(Store.personShape(p)));
        store.interactions.get(type).put(id, interaction);
        resetReminders(type, personIds, date);
        return interaction;
    }

    /**
     * Resets the recurring reminders this interaction resets: those tagging one of its persons whose reset type is
     * interaction (0) or meeting (2) (meetings and calls reset both; emails, which the API cannot create, would reset
     * interaction and email reminders). The reminder is due again its reminder_days after the interaction.
     */
    private void resetReminders(int interactionType, List<Long> personIds, String date) {
        Instant when = DatasetResponder.parseTime(date).orElseThrow();
        for (ObjectNode reminder : List.copyOf(store.reminders.values())) {
            if (reminder.path("type").asInt() != 1
                    || !reminder.hasNonNull("person")
                    || !personIds.contains(reminder.get("person").path("id").asLong())) {
                continue;
            }
            int resetType = reminder.path("reset_type").asInt(-1);
            boolean resets = interactionType == 3 ? resetType == 0 || resetType == 1 : resetType == 0 || resetType == 2;
            if (!resets) {
                continue;
            }
            Instant due =
                    when.plus(Duration.ofDays(reminder.path("reminder_days").asLong()));
            Instant current = DatasetResponder.parseTime(
                            reminder.path("due_date").asText())
                    .orElse(Instant.MIN);
            if (due.isAfter(current)) {
                ObjectNode reset = reminder.deepCopy();
                reset.put("due_date", Store.timestamp(due));
                store.reminders.put(reset.get("id").asLong(), reset);
            }
        }
    }

    /** The persons of an interaction; 422 unless they exist and include an internal person. */
    private List<ObjectNode> persons(List<Long> ids) {
        List<ObjectNode> persons = new ArrayList<>();
        for (long id : ids) {
            ObjectNode person = store.anyPerson(id);
            if (person == null) {
                throw new Rejected(422, "Person with id " + id + " does not exist");
            }
            persons.add(person);
        }
        if (persons.stream()
                .noneMatch(p -> store.internalPersons.containsKey(p.get("id").asLong()))) {
            throw new Rejected(422, "person_ids must include at least one internal person");
        }
        return persons;
    }

    /** The note holding an interaction's content, attached to it. */
    private ObjectNode interactionNote(long interactionId, int type, List<Long> personIds, String content) {
        long id = store.nextId("note", NOTE_BASE);
        ObjectNode note = Json.object();
        note.put("id", id).put("creator_id", Store.API_USER_ID);
        note.set("person_ids", array(personIds));
        note.putArray("associated_person_ids");
        note.set("interaction_person_ids", array(personIds));
        note.put("interaction_id", interactionId).put("interaction_type", type).put("is_meeting", type <= 1);
        note.putArray("mentioned_person_ids");
        note.putArray("organization_ids");
        note.putArray("opportunity_ids");
        note.putNull("parent_id");
        note.put("content", content).put("type", 0).put("created_at", store.now());
        note.putNull("updated_at");
        store.notes.put(id, note);
        return note;
    }

    private JsonNode updateInteraction(long id, ObjectNode body) {
        require(body, "type");
        int type = (int) longOf(body, "type");
        Map<Long, ObjectNode> ofType = store.interactions.get(type);
        if (ofType == null) {
            throw new Rejected(422, "type must be one of 0, 1, 2, 3: " + type);
        }
        ObjectNode interaction = found(ofType, id, "Interaction").deepCopy();
        if (has(body, "person_ids") && !ids(body, "person_ids").isEmpty()) {
            List<Long> personIds = ids(body, "person_ids");
            List<ObjectNode> persons = persons(personIds);
            ArrayNode shapes = interaction.putArray("persons");
            persons.forEach(p -> shapes.add(Store.personShape(p)));
            if (interaction.has("attendees")) {
                ArrayNode attendees = interaction.putArray("attendees");
                persons.forEach(p -> attendees.add(p.path("primary_email").asText()));
            }
        }
        if (has(body, "date")) {
            String date = timestamp(body, "date");
            interaction.put("date", date);
            if (interaction.has("start_time")) {
                interaction.put("start_time", date);
            }
        }
        if (has(body, "content")) {
            for (long noteId : idList(interaction.get("notes"))) {
                ObjectNode note = store.notes.get(noteId);
                if (note != null) {
                    ObjectNode changed = note.deepCopy();
                    changed.put("content", body.get("content").asText()).put("updated_at", store.now());
                    store.notes.put(noteId, changed);
                }
            }
        }
        if (interaction.has("updated_at")) {
            interaction.put("updated_at", store.now());
        }
        ofType.put(id, interaction);
        return interaction;
    }

    private JsonNode deleteInteraction(long id, String typeText) {
        long type = DatasetResponder.parseLong(typeText);
        Map<Long, ObjectNode> ofType = store.interactions.get((int) type);
        if (ofType == null) {
            throw new Rejected(422, "type must be one of 0, 1, 2, 3: " + typeText);
        }
        ObjectNode interaction = found(ofType, id, "Interaction");
        ofType.remove(id);
        for (long noteId : idList(interaction.get("notes"))) {
            ObjectNode note = store.notes.get(noteId);
            if (note != null) {
                ObjectNode detached = note.deepCopy();
                detached.putNull("interaction_id").putNull("interaction_type").put("is_meeting", false);
                detached.set("interaction_person_ids", Json.array());
                detached.set("person_ids", detached.get("associated_person_ids").deepCopy());
                store.notes.put(noteId, detached);
            }
        }
        return success();
    }

    // -------------------------------------------------------------------------------------------------------- notes

    private JsonNode createNote(ObjectNode body) {
        require(body, "content");
        long id;
        ObjectNode note = Json.object();
        List<Long> persons = ids(body, "person_ids");
        List<Long> organizations = ids(body, "organization_ids");
        List<Long> opportunities = ids(body, "opportunity_ids");
        Long parent = has(body, "parent_id") ? longOf(body, "parent_id") : null;
        if (parent != null) {
            ObjectNode parentNote = store.notes.get(parent);
            if (parentNote == null || parentNote.hasNonNull("parent_id")) {
                throw new Rejected(422, "parent_id " + parent + " is not a note that can be replied to");
            }
            persons = List.of();
            organizations = List.of();
            opportunities = List.of();
        } else if (persons.isEmpty() && organizations.isEmpty() && opportunities.isEmpty()) {
            throw new Rejected(
                    422, "At least one of person_ids, organization_ids, opportunity_ids or parent_id is needed");
        }
        for (long person : persons) {
            if (store.anyPerson(person) == null) {
                throw new Rejected(422, "Person with id " + person + " does not exist");
            }
        }
        mustExist(store.organizations, organizations, "Organization");
        mustExist(store.opportunities, opportunities, "Opportunity");
        int type = has(body, "type") ? (int) longOf(body, "type") : 0;
        if (type != 0 && type != 2) {
            throw new Rejected(422, "type must be 0 (plain text) or 2 (HTML): " + type);
        }
        long creator = has(body, "creator_id") ? longOf(body, "creator_id") : Store.API_USER_ID;
        mustExist(store.internalPersons, List.of(creator), "Internal person");
        String createdAt = store.now();
        if (has(body, "created_at")) {
            createdAt = timestamp(body, "created_at");
            if (DatasetResponder.parseTime(body.get("created_at").asText())
                    .orElseThrow()
                    .isAfter(store.instant())) {
                throw new Rejected(422, "created_at must not be in the future");
            }
        }
        id = store.nextId("note", NOTE_BASE);
        note.put("id", id).put("creator_id", creator);
        note.set("person_ids", array(persons));
        note.set("associated_person_ids", array(persons));
        note.putArray("interaction_person_ids");
        note.putNull("interaction_id");
        note.putNull("interaction_type");
        note.put("is_meeting", false);
        note.putArray("mentioned_person_ids");
        note.set("organization_ids", array(organizations));
        note.set("opportunity_ids", array(opportunities));
        if (parent == null) {
            note.putNull("parent_id");
        } else {
            note.put("parent_id", parent);
        }
        note.put("content", body.get("content").asText()).put("type", type).put("created_at", createdAt);
        note.putNull("updated_at");
        store.notes.put(id, note);
        return note;
    }

    private JsonNode updateNote(long id, ObjectNode body) {
        ObjectNode note = found(store.notes, id, "Note").deepCopy();
        require(body, "content");
        note.put("content", body.get("content").asText()).put("updated_at", store.now());
        store.notes.put(id, note);
        return note;
    }

    // ------------------------------------------------------------------------------------------------------- files

    private JsonNode uploadEntityFiles(IncomingRequest incoming) {
        Request request = incoming.headers();
        Map<String, Long> entities = new LinkedHashMap<>();
        List<Request.Part> files = new ArrayList<>();
        if (request.isMultipart() && request.getParts() != null) {
            for (Request.Part part : request.getParts()) {
                String name = part.getName();
                if (name.equals("file") || name.equals("files") || name.equals("files[]")) {
                    files.add(part);
                } else if (DatasetContent.ENTITY_PARAMS.contains(name)) {
                    entities.put(
                            name,
                            DatasetResponder.parseLong(part.getBody().asString().trim()));
                }
            }
        }
        DatasetContent.ENTITY_PARAMS.forEach(
                p -> incoming.param(p).ifPresent(v -> entities.putIfAbsent(p, DatasetResponder.parseLong(v))));
        if (entities.size() != 1) {
            throw new Rejected(422, "Exactly one of person_id, organization_id or opportunity_id must be given");
        }
        if (files.isEmpty()) {
            throw new Rejected(422, "At least one file must be uploaded as file or files[]");
        }
        String param = entities.keySet().iterator().next();
        long entityId = entities.get(param);
        int type = param.equals("person_id") ? 0 : param.equals("organization_id") ? 1 : 8;
        if (store.entity(type, entityId) == null) {
            throw new Rejected(422, param + " " + entityId + " does not exist");
        }
        for (Request.Part part : files) {
            byte[] bytes = part.getBody().asBytes();
            long id = store.nextId("entity_file", ENTITY_FILE_BASE);
            ObjectNode file = Json.object();
            file.put("id", id)
                    .put("name", part.getFileName() == null ? "file" : part.getFileName())
                    .put("size", bytes.length);
            for (String p : DatasetContent.ENTITY_PARAMS) {
                if (p.equals(param)) {
                    file.put(p, entityId);
                } else {
                    file.putNull(p);
                }
            }
            file.put("created_at", store.now()).put("uploader_id", Store.API_USER_ID);
            store.entityFiles.put(id, file);
            store.fileContents.put(id, bytes);
        }
        return success();
    }

    // --------------------------------------------------------------------------------------------------- reminders

    private JsonNode createReminder(ObjectNode body) {
        require(body, "owner_id", "type");
        int type = (int) longOf(body, "type");
        if (type == 0) {
            require(body, "due_date");
        } else if (type == 1) {
            require(body, "reset_type", "reminder_days");
        } else {
            throw new Rejected(422, "type must be 0 (one-time) or 1 (recurring): " + type);
        }
        long tagged =
                DatasetContent.ENTITY_PARAMS.stream().filter(p -> has(body, p)).count();
        if (tagged > 1) {
            throw new Rejected(422, "At most one of person_id, organization_id or opportunity_id can be given");
        }
        long id = store.nextId("reminder", REMINDER_BASE);
        ObjectNode reminder = Json.object();
        reminder.put("id", id).put("type", type).put("created_at", store.now());
        reminder.putNull("completed_at");
        reminder.put("content", has(body, "content") ? body.get("content").asText() : null);
        reminder.put("due_date", type == 0 ? timestamp(body, "due_date") : null);
        reminder.set("reset_type", type == 1 ? NODES.numberNode(longOf(body, "reset_type")) : NODES.nullNode());
        reminder.set("reminder_days", type == 1 ? NODES.numberNode(longOf(body, "reminder_days")) : NODES.nullNode());
        if (type == 1) {
            reminder.put("due_date", dueIn(reminder));
        }
        reminder.put("status", 1);
        reminder.set("creator", apiUser());
        reminder.set("owner", owner(longOf(body, "owner_id")));
        reminder.putNull("completer");
        reminder.set(
                "person",
                has(body, "person_id") ? tag(store.persons, longOf(body, "person_id"), "Person") : NODES.nullNode());
        reminder.set(
                "organization",
                has(body, "organization_id")
                        ? tag(store.organizations, longOf(body, "organization_id"), "Organization")
                        : NODES.nullNode());
        reminder.set(
                "opportunity",
                has(body, "opportunity_id")
                        ? tag(store.opportunities, longOf(body, "opportunity_id"), "Opportunity")
                        : NODES.nullNode());
        if (has(body, "is_completed") && bool(body, "is_completed")) {
            complete(reminder);
        }
        store.reminders.put(id, reminder);
        return present(reminder);
    }

    private ObjectNode present(ObjectNode reminder) {
        return new DatasetResponder(store).reminder(reminder);
    }

    /** The due date of a recurring reminder: its reminder_days from now. */
    private String dueIn(ObjectNode reminder) {
        return Store.timestamp(store.instant()
                .plus(Duration.ofDays(reminder.path("reminder_days").asLong())));
    }

    private ObjectNode owner(long id) {
        ObjectNode owner = store.internalPersons.get(id);
        if (owner == null) {
            throw new Rejected(422, "owner_id " + id + " is not an internal person");
        }
        return Store.personShape(owner);
    }

    private static JsonNode tag(Map<Long, ObjectNode> collection, long id, String what) {
        ObjectNode item = collection.get(id);
        if (item == null) {
            throw new Rejected(422, what + " with id " + id + " does not exist");
        }
        return what.equals("Person")
                ? Store.personShape(item)
                : Store.entityShape(what.equals("Organization") ? 1 : 8, item);
    }

    /**
     * Completes a reminder: it records when and by whom; a recurring reminder is reset at once, due again its
     * reminder_days from now.
     */
    private void complete(ObjectNode reminder) {
        reminder.put("completed_at", store.now());
        reminder.set("completer", apiUser());
        if (reminder.path("type").asInt() == 1) {
            reminder.put("due_date", dueIn(reminder));
        }
    }

    private JsonNode updateReminder(long id, ObjectNode body) {
        ObjectNode reminder = found(store.reminders, id, "Reminder").deepCopy();
        if (has(body, "owner_id")) {
            reminder.set("owner", owner(longOf(body, "owner_id")));
        }
        if (has(body, "content")) {
            reminder.put("content", body.get("content").asText());
        }
        if (has(body, "type")) {
            int type = (int) longOf(body, "type");
            if (type != 0 && type != 1) {
                throw new Rejected(422, "type must be 0 (one-time) or 1 (recurring): " + type);
            }
            if (type == 1 && (!has(body, "reset_type") || !has(body, "reminder_days"))) {
                throw new Rejected(422, "reset_type and reminder_days are required when type == 1");
            }
            if (type == 0 && !has(body, "due_date") && !reminder.hasNonNull("due_date")) {
                throw new Rejected(422, "due_date is required when type == 0");
            }
            reminder.put("type", type);
            if (type == 0) {
                reminder.putNull("reset_type");
                reminder.putNull("reminder_days");
            }
        }
        if (has(body, "reset_type")) {
            reminder.put("reset_type", longOf(body, "reset_type"));
        }
        if (has(body, "reminder_days")) {
            reminder.put("reminder_days", longOf(body, "reminder_days"));
            if (!has(body, "due_date")) {
                reminder.put("due_date", dueIn(reminder));
            }
        }
        if (has(body, "due_date")) {
            reminder.put("due_date", timestamp(body, "due_date"));
        }
        if (has(body, "is_completed")) {
            if (bool(body, "is_completed")) {
                complete(reminder);
            } else {
                reminder.putNull("completed_at");
                reminder.putNull("completer");
            }
        }
        store.reminders.put(id, reminder);
        return present(reminder);
    }

    // ---------------------------------------------------------------------------------------------------- webhooks

    private JsonNode createWebhook(ObjectNode body) {
        require(body, "webhook_url");
        if (store.webhooks.size() >= MAX_WEBHOOKS) {
            throw new Rejected(422, "There is a limit of three webhook subscriptions per Affinity instance");
        }
        long id = store.nextId("webhook", WEBHOOK_BASE);
        ObjectNode webhook = Json.object();
        webhook.put("id", id).put("webhook_url", url(body));
        webhook.set("subscriptions", subscriptions(body));
        webhook.put("disabled", false).put("created_by", Store.API_USER_ID);
        store.webhooks.put(id, webhook);
        return webhook;
    }

    private static String url(ObjectNode body) {
        String url = body.get("webhook_url").asText();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new Rejected(422, "webhook_url must be an http(s) URL: " + url);
        }
        return url;
    }

    private static ArrayNode subscriptions(ObjectNode body) {
        ArrayNode events = Json.array();
        if (has(body, "subscriptions")) {
            JsonNode sent = body.get("subscriptions");
            for (JsonNode event : sent.isArray() ? sent : Json.array().add(sent)) {
                if (!WEBHOOK_EVENTS.contains(event.asText())) {
                    throw new Rejected(422, "Unknown webhook event: " + event.asText());
                }
                events.add(event.asText());
            }
        }
        return events;
    }

    private JsonNode updateWebhook(long id, ObjectNode body) {
        ObjectNode webhook = found(store.webhooks, id, "Webhook subscription").deepCopy();
        if (has(body, "webhook_url")) {
            webhook.put("webhook_url", url(body));
        }
        if (body.has("subscriptions")) {
            webhook.set("subscriptions", subscriptions(body));
        }
        if (has(body, "disabled")) {
            webhook.put("disabled", bool(body, "disabled"));
        }
        store.webhooks.put(id, webhook);
        return webhook;
    }
}
