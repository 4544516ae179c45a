package io.affinity.client;

import io.affinity.client.internal.check.Args;
import io.affinity.client.ratelimit.Ticker;
import io.affinity.client.recipes.AmbiguousNameException;
import io.affinity.model.Field;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * The fields ({@code GET /fields}, global and list-specific) kept in memory, for lookups by name. Reached with
 * {@link Fields#cache()}. One fetch serves every caller until the time to live
 * ({@link AffinityClientBuilder#fieldCacheTtl}) passes, {@link #refresh()} or {@link #invalidate()} is called, or
 * this client creates or deletes a field; a failed fetch is not kept. Thread-safe; never blocks.
 *
 * <p>Names need not be unique: a lookup that matches several fields fails with an {@link AmbiguousNameException}
 * listing the candidates and their ids. A lookup by a number matches the field with that id.
 */
public final class FieldCache {

    private final Fields fields;
    private final Ticker ticker;
    private final long ttlNanos;
    private final AtomicReference<Entry> current = new AtomicReference<>();

    FieldCache(Fields fields, Ticker ticker, Duration ttl) {
        this.fields = fields;
        this.ticker = ticker;
        this.ttlNanos = ttl.toNanos();
    }

    /** @return every field, from memory while fresh */
    public Mono<List<Field>> all() {
        return Mono.defer(() -> {
            Entry entry = current.get();
            long now = ticker.read();
            if (entry == null || now - entry.fetchedAt >= ttlNanos) {
                Entry fresh = new Entry(
                        now, fields.list().collectList().map(List::copyOf).cache());
                entry = current.compareAndSet(entry, fresh) ? fresh : current.get();
                if (entry == null) {
                    entry = fresh;
                }
            }
            Entry used = entry;
            return used.fields.doOnError(error -> current.compareAndSet(used, null));
        });
    }

    /** @return every field, fetched now and kept */
    public Mono<List<Field>> refresh() {
        return Mono.defer(() -> {
            invalidate();
            return all();
        });
    }

    /** Forgets the fields: the next lookup fetches them. */
    public void invalidate() {
        current.set(null);
    }

    /**
     * The fields of one list: its list-specific fields, in id order.
     *
     * @param listId the list id, positive
     * @return the fields
     */
    public Mono<List<Field>> forList(long listId) {
        return Mono.defer(() -> {
            Args.positive("listId", listId);
            return all().map(all -> all.stream()
                    .filter(field -> field.listId().orElse(0L) == listId)
                    .sorted((a, b) -> Long.compare(a.id(), b.id()))
                    .toList());
        });
    }

    /**
     * The field with this name (case-insensitive) or id among all fields.
     *
     * @param name the field's name or id; not blank
     * @return the field; fails with {@link IllegalArgumentException} when none matches and with
     *         {@link AmbiguousNameException} when several do
     */
    public Mono<Field> byName(String name) {
        return Mono.defer(() -> {
            Args.notBlank("name", name);
            return all().map(all -> pick(all, name, "among all fields"));
        });
    }

    /**
     * The field with this name (case-insensitive) or id among a list's fields: its list-specific fields first, and
     * the global fields when none of them matches.
     *
     * @param listId the list id, positive
     * @param name   the field's name or id; not blank
     * @return the field; fails with {@link IllegalArgumentException} when none matches and with
     *         {@link AmbiguousNameException} when several do
     */
    public Mono<Field> byName(long listId, String name) {
        return Mono.defer(() -> {
            Args.positive("listId", listId);
            Args.notBlank("name", name);
            return all().map(all -> {
                List<Field> own = all.stream()
                        .filter(field -> field.listId().orElse(0L) == listId)
                        .toList();
                if (!matching(own, name).isEmpty()) {
                    return pick(own, name, "on list " + listId);
                }
                return pick(
                        all.stream().filter(field -> field.listId().isEmpty()).toList(),
                        name,
                        "on list " + listId + " or among global fields");
            });
        });
    }

    /**
     * Picks one field by name or id from the given ones.
     *
     * @param candidates the fields to choose from
     * @param name       the name (case-insensitive) or id
     * @param where      where they come from, for the message
     * @return the field
     * @throws IllegalArgumentException when none matches; {@link AmbiguousNameException} when several do
     */
    static Field pick(List<Field> candidates, String name, String where) {
        List<Field> found = matching(candidates, name);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no field named '" + name + "' " + where + "; fields: "
                    + candidates.stream()
                            .map(field -> field.name() + " (" + field.id() + ")")
                            .toList());
        }
        if (found.size() > 1) {
            Map<Long, String> ids = new LinkedHashMap<>();
            found.forEach(field -> ids.put(
                    field.id(),
                    field.name()
                            + field.listId().map(list -> " on list " + list).orElse(" (global)")));
            throw new AmbiguousNameException("field", name, ids);
        }
        return found.get(0);
    }

    private static List<Field> matching(List<Field> candidates, String name) {
        String wanted = name.strip();
        List<Field> byId = candidates.stream()
                .filter(field -> field.id().toString().equals(wanted))
                .toList();
        if (!byId.isEmpty()) {
            return byId;
        }
        return candidates.stream()
                .filter(field -> field.name().strip().equalsIgnoreCase(wanted))
                .toList();
    }

    private record Entry(long fetchedAt, Mono<List<Field>> fields) {}
}
