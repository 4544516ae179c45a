package io.affinity.client.recipes;

/** A recipe refused to start: its {@link QuotaPlan} needs more requests than the org's monthly quota has left. */
public final class QuotaExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient QuotaPlan plan;

    /** @param plan the plan that does not fit */
    public QuotaExceededException(QuotaPlan plan) {
        super("the monthly quota cannot cover this work: " + plan);
        this.plan = plan;
    }

    /** @return the plan that does not fit */
    public QuotaPlan plan() {
        return plan;
    }
}
