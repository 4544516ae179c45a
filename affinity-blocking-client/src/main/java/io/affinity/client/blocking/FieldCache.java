package io.affinity.client.blocking;

import io.affinity.model.Field;
import java.util.List;

/**
 * The fields kept in memory for lookups by name.
 *
 * <p>Blocking twin of {@link io.affinity.client.FieldCache}: the same methods and arguments, returning values.
 * An ambiguous name throws {@link io.affinity.client.recipes.AmbiguousNameException} listing the candidates.
 */
public final class FieldCache {

    private final io.affinity.client.FieldCache reactive;

    FieldCache(io.affinity.client.FieldCache reactive) {
        this.reactive = reactive;
    }

    /** @return every field, from memory while fresh */
    public List<Field> all() {
        return Blocking.call(reactive.all());
    }

    /** @return every field, fetched now and kept */
    public List<Field> refresh() {
        return Blocking.call(reactive.refresh());
    }

    /** Forgets the fields: the next lookup fetches them. */
    public void invalidate() {
        reactive.invalidate();
    }

    /**
     * @param listId the list id, positive
     * @return the list-specific fields of that list, in id order
     */
    public List<Field> forList(long listId) {
        return Blocking.call(reactive.forList(listId));
    }

    /**
     * @param name the field's name (case-insensitive) or id
     * @return the field among all fields
     */
    public Field byName(String name) {
        return Blocking.call(reactive.byName(name));
    }

    /**
     * @param listId the list id, positive
     * @param name   the field's name (case-insensitive) or id
     * @return the field among the list's fields, else among the global fields
     */
    public Field byName(long listId, String name) {
        return Blocking.call(reactive.byName(listId, name));
    }
}
