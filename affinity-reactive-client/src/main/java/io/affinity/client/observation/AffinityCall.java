package io.affinity.client.observation;

/**
 * One call of the client, as listeners see it: its HTTP method and its operation, the path template (for
 * example {@code /lists/{list_id}}), never the ids filled into it. Each call is its own instance (identity
 * equality), so a listener may key its per-call state by it.
 */
public final class AffinityCall {

    private final String method;
    private final String operation;

    /**
     * @param method    the HTTP method
     * @param operation the path template of the operation
     */
    public AffinityCall(String method, String operation) {
        this.method = method;
        this.operation = operation;
    }

    /** @return the HTTP method, for example {@code GET} */
    public String method() {
        return method;
    }

    /** @return the path template, for example {@code /lists/{list_id}} */
    public String operation() {
        return operation;
    }

    @Override
    public String toString() {
        return method + " " + operation;
    }
}
