package io.affinity.client;

import io.affinity.client.error.NotFoundException;
import io.affinity.client.recipes.EntityNames;
import io.affinity.client.recipes.ExportOptions;
import io.affinity.client.recipes.ExportRow;
import io.affinity.model.FieldEntityType;
import io.affinity.model.ListEntry;
import io.affinity.model.ListEntryEntity;
import io.affinity.model.Organization;
import io.affinity.model.Person;
import io.affinity.model.value.FieldValueData;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The names of one export: those of the rows' entities, remembered in a bounded cache (least recently used out),
 * and, up to a budget, one lookup per other person or organization id, each sent once even when several rows in
 * flight need it. A name that cannot be found is remembered as unknown, so it is not looked up again.
 */
final class ExportNames {

    private static final String UNKNOWN = "";

    private final AffinityClient client;
    private final AtomicLong lookupsLeft;
    private final Map<Key, String> known = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > ExportOptions.NAME_CACHE_SIZE;
        }
    };
    private final Map<Key, Mono<String>> lookups = new ConcurrentHashMap<>();

    ExportNames(AffinityClient client, int maxLookups) {
        this.client = client;
        this.lookupsLeft = new AtomicLong(maxLookups);
    }

    /** A person or organization id. */
    private record Key(boolean person, long id) {}

    /** Remembers the name of a row's entity, when it is a person or an organization that has one. */
    void learn(ListEntry entry) {
        Optional<ListEntryEntity> entity = entry.entity();
        Optional<FieldEntityType> type = entry.entityType();
        if (entity.isEmpty() || type.isEmpty()) {
            return;
        }
        if (FieldEntityType.PERSON.equals(type.get())) {
            fullName(entity.get().firstName(), entity.get().lastName())
                    .ifPresent(name -> remember(new Key(true, entry.entityId()), name));
        } else if (FieldEntityType.ORGANIZATION.equals(type.get())) {
            entity.get().name().ifPresent(name -> remember(new Key(false, entry.entityId()), name));
        }
    }

    /** @return the row with the names of the persons and organizations its values refer to, where known */
    Mono<ExportRow> named(ExportRow row) {
        Set<Key> keys = new LinkedHashSet<>();
        row.values().values().forEach(values -> values.forEach(value -> collect(value, keys)));
        if (keys.isEmpty()) {
            return Mono.just(row);
        }
        return Flux.fromIterable(keys)
                .concatMap(key -> name(key).map(name -> Map.entry(key, name)))
                .collectList()
                .map(names -> {
                    Map<Long, String> persons = new HashMap<>();
                    Map<Long, String> organizations = new HashMap<>();
                    names.forEach(entry -> (entry.getKey().person() ? persons : organizations)
                            .put(entry.getKey().id(), entry.getValue()));
                    return new ExportRow(
                            row.entry(),
                            row.fields(),
                            row.values(),
                            row.next(),
                            new EntityNames(persons, organizations));
                });
    }

    private static void collect(FieldValueData value, Set<Key> keys) {
        if (value instanceof FieldValueData.PersonId person) {
            keys.add(new Key(true, person.id()));
        } else if (value instanceof FieldValueData.OrganizationId organization) {
            keys.add(new Key(false, organization.id()));
        } else if (value instanceof FieldValueData.Multiple multiple) {
            multiple.values().forEach(each -> collect(each, keys));
        }
    }

    /** The name, when known or looked up within the budget; empty otherwise. */
    private Mono<String> name(Key key) {
        String name;
        synchronized (known) {
            name = known.get(key);
        }
        if (name != null) {
            return name.equals(UNKNOWN) ? Mono.empty() : Mono.just(name);
        }
        Mono<String> lookup = lookups.computeIfAbsent(key, this::lookUp);
        return lookup == null ? Mono.empty() : lookup;
    }

    /** One lookup, shared by every row that needs it while it runs; null when the budget is spent. */
    private Mono<String> lookUp(Key key) {
        if (lookupsLeft.getAndUpdate(left -> Math.max(0, left - 1)) <= 0) {
            return null;
        }
        Mono<String> found = key.person()
                ? client.persons().get(key.id()).flatMap(person -> Mono.justOrEmpty(fullName(person)))
                : client.organizations().get(key.id()).map(Organization::name);
        return found.onErrorResume(NotFoundException.class, missing -> Mono.empty())
                .defaultIfEmpty(UNKNOWN)
                .doOnNext(name -> remember(key, name))
                .doFinally(signal -> lookups.remove(key))
                .filter(name -> !name.equals(UNKNOWN))
                .cache();
    }

    private void remember(Key key, String name) {
        synchronized (known) {
            known.put(key, name);
        }
    }

    private static Optional<String> fullName(Person person) {
        return fullName(person.firstName(), person.lastName());
    }

    private static Optional<String> fullName(Optional<String> first, Optional<String> last) {
        String full = Stream.of(first, last)
                .flatMap(Optional::stream)
                .filter(part -> !part.isBlank())
                .collect(Collectors.joining(" "));
        return full.isEmpty() ? Optional.empty() : Optional.of(full);
    }
}
