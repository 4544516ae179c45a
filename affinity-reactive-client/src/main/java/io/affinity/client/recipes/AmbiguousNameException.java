package io.affinity.client.recipes;

import java.util.Map;

/**
 * A name that several fields (or lists) carry: the reference warns that names need not be unique. The message
 * lists the candidates and their ids; choose one by id.
 */
public final class AmbiguousNameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Map<Long, String> candidates;

    /**
     * @param what       what was looked up, for example {@code field}
     * @param name       the name
     * @param candidates the ids and descriptions of everything that carries it
     */
    public AmbiguousNameException(String what, String name, Map<Long, String> candidates) {
        super(what + " name '" + name + "' is ambiguous: " + candidates.size() + " candidates " + candidates
                + "; use the id");
        this.candidates = Map.copyOf(candidates);
    }

    /** @return the ids of the candidates with their descriptions */
    public Map<Long, String> candidates() {
        return candidates;
    }
}
