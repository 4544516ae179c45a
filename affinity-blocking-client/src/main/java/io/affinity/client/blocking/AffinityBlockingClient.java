package io.affinity.client.blocking;

import io.affinity.client.AffinityClient;
import io.affinity.client.ratelimit.RateLimitSnapshot;
import io.affinity.model.RateLimit;
import io.affinity.model.Whoami;
import java.util.Objects;

/**
 * Blocking client of the Affinity API v1, for applications that cannot go reactive. It mirrors
 * {@link AffinityClient} one to one: the same resources, method names and arguments, returning values
 * instead of publishers. Thread-safe; build one per API key and share it.
 *
 * <ul>
 *   <li>Paged calls return a {@link PagedIterable} that fetches the next page only when iteration needs it.
 *   <li>Failures are thrown as the reactive client's exception types
 *       ({@link io.affinity.client.error.AffinityException} and its subtypes, {@link IllegalArgumentException}
 *       for bad arguments), unwrapped, with the caller's stack attached as a suppressed exception.
 *   <li>Every call is bounded by the call timeout
 *       ({@link AffinityBlockingClientBuilder#DEFAULT_CALL_TIMEOUT} by default).
 *   <li>Interrupting a waiting thread cancels the request and throws a
 *       {@link java.util.concurrent.CancellationException}, keeping the interrupt status.
 *   <li>Called on a non-blocking thread (a Reactor Netty event loop, a Reactor parallel worker), a method fails
 *       at once with an {@link IllegalStateException} instead of deadlocking.
 * </ul>
 *
 * <pre>{@code
 * try (AffinityBlockingClient affinity = AffinityBlockingClient.builder()
 *         .apiKey(System.getenv("AFFINITY_API_KEY"))
 *         .build()) {
 *     Whoami me = affinity.whoami();
 * }
 * }</pre>
 */
public final class AffinityBlockingClient implements AutoCloseable {

    private final AffinityClient reactive;
    private final Lists lists;
    private final ListEntries listEntries;
    private final Persons persons;
    private final Organizations organizations;
    private final Opportunities opportunities;
    private final Fields fields;
    private final FieldValues fieldValues;
    private final FieldValueChanges fieldValueChanges;
    private final Interactions interactions;
    private final RelationshipStrengths relationshipStrengths;
    private final Notes notes;
    private final Reminders reminders;
    private final EntityFiles entityFiles;
    private final Webhooks webhooks;

    private AffinityBlockingClient(AffinityClient reactive) {
        this.reactive = reactive;
        this.lists = new Lists(reactive.lists());
        this.listEntries = new ListEntries(reactive.listEntries());
        this.persons = new Persons(reactive.persons());
        this.organizations = new Organizations(reactive.organizations());
        this.opportunities = new Opportunities(reactive.opportunities());
        this.fields = new Fields(reactive.fields());
        this.fieldValues = new FieldValues(reactive.fieldValues());
        this.fieldValueChanges = new FieldValueChanges(reactive.fieldValueChanges());
        this.interactions = new Interactions(reactive.interactions());
        this.relationshipStrengths = new RelationshipStrengths(reactive.relationshipStrengths());
        this.notes = new Notes(reactive.notes());
        this.reminders = new Reminders(reactive.reminders());
        this.entityFiles = new EntityFiles(reactive.entityFiles());
        this.webhooks = new Webhooks(reactive.webhooks());
    }

    /** @return a new builder, with the options of the reactive client's builder */
    public static AffinityBlockingClientBuilder builder() {
        return new AffinityBlockingClientBuilder();
    }

    /**
     * Wraps an existing reactive client; both then share one connection pool and one rate limiter. Calls
     * are bounded by that client's call timeout (see
     * {@link io.affinity.client.AffinityClientBuilder#callTimeout(java.time.Duration)}), or else by its response
     * timeout for each attempt.
     *
     * @param reactive the reactive client; closing the blocking client closes it
     * @return the blocking client
     */
    public static AffinityBlockingClient wrap(AffinityClient reactive) {
        return new AffinityBlockingClient(Objects.requireNonNull(reactive, "reactive"));
    }

    /** @return the lists of persons, organizations or opportunities ({@code /lists}) */
    public Lists lists() {
        return lists;
    }

    /** @return the entries of lists ({@code /lists/{list_id}/list-entries}) */
    public ListEntries listEntries() {
        return listEntries;
    }

    /** @return the persons ({@code /persons}) */
    public Persons persons() {
        return persons;
    }

    /** @return the organizations ({@code /organizations}) */
    public Organizations organizations() {
        return organizations;
    }

    /** @return the opportunities ({@code /opportunities}) */
    public Opportunities opportunities() {
        return opportunities;
    }

    /** @return the fields, global and list-specific ({@code /fields}) */
    public Fields fields() {
        return fields;
    }

    /** @return the values of fields, the cells of Affinity's spreadsheets ({@code /field-values}) */
    public FieldValues fieldValues() {
        return fieldValues;
    }

    /** @return the history of the values of fields that track changes ({@code /field-value-changes}) */
    public FieldValueChanges fieldValueChanges() {
        return fieldValueChanges;
    }

    /** @return the meetings, calls, chat messages and emails ({@code /interactions}) */
    public Interactions interactions() {
        return interactions;
    }

    /** @return how strong relationships between people are ({@code /relationships-strengths}) */
    public RelationshipStrengths relationshipStrengths() {
        return relationshipStrengths;
    }

    /** @return the notes ({@code /notes}) */
    public Notes notes() {
        return notes;
    }

    /** @return the reminders ({@code /reminders}) */
    public Reminders reminders() {
        return reminders;
    }

    /** @return the files attached to persons, organizations and opportunities ({@code /entity-files}) */
    public EntityFiles entityFiles() {
        return entityFiles;
    }

    /** @return the webhook subscriptions ({@code /webhook}) */
    public Webhooks webhooks() {
        return webhooks;
    }

    /**
     * The user of the API key, its Affinity instance and the authentication method: {@code GET /auth/whoami}.
     *
     * @return who the API key belongs to
     */
    public Whoami whoami() {
        return Blocking.call(reactive.whoami());
    }

    /**
     * The account's monthly and the API key's per-minute limits with their usage, as the server counts them:
     * {@code GET /rate-limit}. For the limits of the latest response headers, without a call, see
     * {@link #rateLimitSnapshot()}.
     *
     * @return the limits and their usage
     */
    public RateLimit fetchRateLimits() {
        return Blocking.call(reactive.fetchRateLimits());
    }

    /**
     * The latest rate limits the server reported in its {@code X-Ratelimit-*} headers. Empty until a response
     * carried them.
     *
     * @return the snapshot
     */
    public RateLimitSnapshot rateLimitSnapshot() {
        return reactive.rateLimitSnapshot();
    }

    /** @return the reactive client behind this one, for code that can go reactive */
    public AffinityClient reactive() {
        return reactive;
    }

    /** Releases the connection pool of the client behind this one. */
    @Override
    public void close() {
        reactive.close();
    }

    @Override
    public String toString() {
        return "AffinityBlockingClient{" + reactive + '}';
    }
}
