package io.affinity.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** Answers the operations of the collections a dataset seeds, as the API would. */
final class DatasetResponder {

  private static final int MAX_PAGE_SIZE = 500;
  private static final int MAX_INTERACTIONS_PAGE_SIZE = 100;
  private static final Duration MAX_INTERACTION_RANGE = Duration.ofDays(365);

  private final DatasetContent content;
  private final Pager pager;
  private final Map<String, Collection> listings;
  private final Map<String, Collection> lookups;

  DatasetResponder(DatasetContent content) {
    this.content = content;
    this.pager = new Pager(content.dataset.emptyLastPage());
    List<Collection> collections = List.of(
        new Collection("searchPersons", "getPerson", "persons", c -> c.persons,
            List.of(Filter.term("first_name", "last_name", "primary_email"))),
        new Collection("searchOrganizations", "getOrganization", "organizations", c -> c.organizations,
            List.of(Filter.term("name", "domain"))),
        new Collection("searchOpportunities", "getOpportunity", "opportunities", c -> c.opportunities,
            List.of(Filter.term("name"))),
        new Collection("getNotes", "getNote", "notes", c -> c.notes,
            List.of(Filter.id("person_id", "/person_ids"), Filter.id("organization_id", "/organization_ids"),
                Filter.id("opportunity_id", "/opportunity_ids"), Filter.id("creator_id", "/creator_id"))),
        new Collection("getReminders", "getReminder", "reminders", c -> c.reminders,
            List.of(Filter.id("person_id", "/person/id"), Filter.id("organization_id", "/organization/id"),
                Filter.id("opportunity_id", "/opportunity/id"), Filter.id("creator_id", "/creator/id"),
                Filter.id("owner_id", "/owner/id"), Filter.id("completer_id", "/completer/id"),
                Filter.id("type", "/type"), Filter.id("reset_type", "/reset_type"), Filter.id("status", "/status"))),
        new Collection("getEntityFiles", "getEntityFile", "entity_files", c -> c.entityFiles,
            List.of(Filter.id("person_id", "/person_id"), Filter.id("organization_id", "/organization_id"),
                Filter.id("opportunity_id", "/opportunity_id"))));
    this.listings = index(collections, Collection::listOperation);
    this.lookups = index(collections, Collection::getOperation);
  }

  /** The dataset's answer for a request, or empty when the dataset does not seed what it addresses. */
  Optional<Reply> respond(RequestMatch match, IncomingRequest request) {
    String operationId = match.operation().operationId();
    Collection listing = listings.get(operationId);
    if (listing != null) {
      List<ObjectNode> items = listing.items.apply(content);
      return items.isEmpty() ? Optional.empty()
          : Optional.of(pager.page(filter(items, listing.filters, request), listing.key, MAX_PAGE_SIZE, request));
    }
    Collection lookup = lookups.get(operationId);
    if (lookup != null) {
      List<ObjectNode> items = lookup.items.apply(content);
      return items.isEmpty() ? Optional.empty() : Optional.of(byId(items, match.id().orElse("")));
    }
    return switch (operationId) {
      case "getLists" -> content.lists.isEmpty() ? Optional.empty() : Optional.of(Reply.json(200,
          Json.array().addAll(content.lists)));
      case "getList" -> content.lists.isEmpty() ? Optional.empty()
          : Optional.of(find(content.lists, match.id().orElse(""))
              .map(list -> Reply.json(200, DatasetContent.listWithFields(list)))
              .orElseGet(() -> ErrorReplies.of(404, "List not found")));
      case "getListEntries" -> content.lists.isEmpty() ? Optional.empty() : Optional.of(listEntries(match, request));
      case "getListEntry" -> content.lists.isEmpty() ? Optional.empty()
          : Optional.of(byId(entriesOf(match), match.id().orElse("")));
      case "getFieldValues" -> content.fieldValues.isEmpty() ? Optional.empty() : Optional.of(fieldValues(request));
      case "getInteractions" -> content.interactions.isEmpty() ? Optional.empty() : Optional.of(interactions(request));
      case "getInteraction" -> content.interactions.isEmpty() ? Optional.empty()
          : Optional.of(interaction(match, request));
      default -> Optional.empty();
    };
  }

  private List<ObjectNode> entriesOf(RequestMatch match) {
    return match.longParameter("list_id").map(content.listEntries::get).orElse(List.of());
  }

  private Reply listEntries(RequestMatch match, IncomingRequest request) {
    Optional<Long> listId = match.longParameter("list_id");
    if (listId.isEmpty() || !content.listEntries.containsKey(listId.get())) {
      return ErrorReplies.of(404, "List not found");
    }
    List<ObjectNode> entries = content.listEntries.get(listId.get());
    if (request.param(PageToken.PAGE_SIZE).isEmpty() && request.param(PageToken.PAGE_TOKEN).isEmpty()) {
      return Reply.json(200, Json.array().addAll(entries));
    }
    return pager.page(entries, "list_entries", MAX_PAGE_SIZE, request);
  }

  private Reply fieldValues(IncomingRequest request) {
    List<String> given = Stream.concat(DatasetContent.ENTITY_PARAMS.stream(), Stream.of("list_entry_id"))
        .filter(p -> request.param(p).isPresent()).toList();
    if (given.size() != 1) {
      return ErrorReplies.of(422,
          "Exactly one of person_id, organization_id, opportunity_id or list_entry_id must be given");
    }
    String param = given.get(0);
    String value = request.param(param).orElseThrow();
    List<ObjectNode> values = content.fieldValues.stream()
        .filter(v -> param.equals("list_entry_id") ? value.equals(v.path("list_entry_id").asText())
            : param.equals(content.fieldValueEntity(v)) && value.equals(v.path("entity_id").asText()))
        .toList();
    return Reply.json(200, Json.array().addAll(values));
  }

  private Reply interactions(IncomingRequest request) {
    Optional<Integer> type = request.param("type").flatMap(DatasetResponder::parseInt);
    if (type.isEmpty() || !content.interactions.containsKey(type.get())) {
      return ErrorReplies.of(422, "type must be one of 0 (meeting), 1 (call), 2 (chat message), 3 (email)");
    }
    if (DatasetContent.ENTITY_PARAMS.stream().noneMatch(p -> request.param(p).isPresent())) {
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
    List<String> entities = DatasetContent.ENTITY_PARAMS.stream().filter(p -> request.param(p).isPresent()).toList();
    List<ObjectNode> inRange = content.interactions.get(type.get()).stream()
        .filter(i -> {
          Instant date = OffsetDateTime.parse(i.get("date").asText()).toInstant();
          return !date.isBefore(start.get()) && date.isBefore(end.get());
        })
        .filter(i -> entities.stream().allMatch(p -> content.interactionInvolves(i, p, request.param(p).get())))
        .toList();
    return pager.page(inRange, interactionsKey(type.get()), MAX_INTERACTIONS_PAGE_SIZE, request);
  }

  private Reply interaction(RequestMatch match, IncomingRequest request) {
    Optional<Integer> type = request.param("type").flatMap(DatasetResponder::parseInt);
    if (type.isEmpty() || !content.interactions.containsKey(type.get())) {
      return ErrorReplies.of(422, "type must be one of 0 (meeting), 1 (call), 2 (chat message), 3 (email)");
    }
    return byId(content.interactions.get(type.get()), match.id().orElse(""));
  }

  /** The envelope property the API puts interactions of a type under. */
  static String interactionsKey(int type) {
    return switch (type) {
      case 2 -> "chat_messages";
      case 3 -> "emails";
      default -> "events";
    };
  }

  private static Reply byId(List<ObjectNode> items, String id) {
    return find(items, id).map(item -> Reply.json(200, item))
        .orElseGet(() -> ErrorReplies.of(404, "Resource with id " + id + " not found"));
  }

  private static Optional<ObjectNode> find(List<ObjectNode> items, String id) {
    return items.stream().filter(item -> item.path("id").asText().equals(id)).findFirst();
  }

  private static List<ObjectNode> filter(List<ObjectNode> items, List<Filter> filters, IncomingRequest request) {
    List<ObjectNode> result = items;
    for (Filter f : filters) {
      Optional<String> value = request.param(f.param);
      if (value.isPresent() && !value.get().isEmpty()) {
        result = result.stream().filter(item -> f.matches(item, value.get())).toList();
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
  private static Optional<Instant> parseTime(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException withoutOffset) {
      try {
        return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException dateOnly) {
        try {
          return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
          return Optional.empty();
        }
      }
    }
  }

  private static Map<String, Collection> index(List<Collection> collections, Function<Collection, String> key) {
    return collections.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(key, c -> c));
  }

  /** A paged collection: its list and get operations, envelope key, items and filters. */
  private record Collection(String listOperation, String getOperation, String key,
      Function<DatasetContent, List<ObjectNode>> items, List<Filter> filters) {
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
      for (String pointer : pointers) {
        JsonNode node = item.at(pointer);
        if (term && node.asText().toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT))) {
          return true;
        }
        if (!term && (node.isArray() ? contains(node, value) : node.asText().equals(value))) {
          return true;
        }
      }
      return false;
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
