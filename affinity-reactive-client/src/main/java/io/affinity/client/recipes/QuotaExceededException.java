package io.affinity.client.recipes;

import io.affinity.client.error.AffinityException;

/**
 * A recipe refused to start: its {@link QuotaPlan} needs more requests than the org's monthly quota has left.
 * Nothing of the work was sent; {@link #method()} and {@link #path()} name the first request it would have sent.
 * An {@link AffinityException} without a status, like every other failure of the client.
 */
public final class QuotaExceededException extends AffinityException {

    private static final long serialVersionUID = 1L;

    private final transient QuotaPlan plan;

    /**
     * Creates the exception.
     *
     * @param method the HTTP method of the first request the work would have sent
     * @param path   its path, for example {@code /lists/42/list-entries}
     * @param plan   the plan that does not fit
     */
    public QuotaExceededException(String method, String path, QuotaPlan plan) {
        super(method, path, null, "refused before sending: the monthly quota cannot cover this work: " + plan, null);
        this.plan = plan;
    }

    /** @return the plan that does not fit */
    public QuotaPlan plan() {
        return plan;
    }
}
