package io.affinity.client.recipes;

/** What a recipe does when its quota plan needs more requests than the org's monthly quota has left. */
public enum QuotaPolicy {
    /** Fail with a {@link QuotaExceededException} before sending any request of the work. */
    REFUSE,
    /** Log a warning and go on. */
    WARN
}
