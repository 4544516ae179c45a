package io.affinity.client;

import io.affinity.client.internal.ApiEngine;
import io.affinity.client.observation.ClientGauges;
import io.affinity.client.ratelimit.RateLimitSnapshot;
import io.affinity.model.RateLimit;
import io.affinity.model.Whoami;
import reactor.core.publisher.Mono;

/**
 * Non-blocking client of the Affinity API v1. Immutable and thread-safe: build one per API key with
 * {@link #builder()}, share it, and {@link #close()} it when done.
 *
 * <p>Every method that returns a {@code Mono} or {@code Flux} does nothing until subscribed and never throws:
 * invalid arguments fail the publisher with an {@link IllegalArgumentException} naming the parameter before
 * anything is sent, and failures of the call arrive as {@link io.affinity.client.error.AffinityException}s.
 * All calls share one rate limiter and one connection pool; safe calls are retried as
 * {@link io.affinity.client.retry.RetryOptions} describes.
 *
 * <pre>{@code
 * try (AffinityClient affinity = AffinityClient.builder().apiKey(System.getenv("AFFINITY_API_KEY")).build()) {
 *     ...
 * }
 * }</pre>
 */
public final class AffinityClient implements AutoCloseable, ClientGauges {

    private final ApiEngine engine;
    private final EntityFiles entityFiles;
    private final Webhooks webhooks;
    private final String description;
    private final Lists lists;
    private final ListEntries listEntries;
    private final Persons persons;
    private final Organizations organizations;
    private final Opportunities opportunities;
    private final Fields fields;
    private final Account account;
    private final FieldValues fieldValues;
    private final FieldValueChanges fieldValueChanges;
    private final Interactions interactions;
    private final RelationshipStrengths relationshipStrengths;
    private final Notes notes;
    private final Reminders reminders;

    AffinityClient(ApiEngine engine, String description, RecipeContext recipes) {
        this.engine = engine;
        QuotaGate quota = new QuotaGate(this::fetchRateLimits);
        this.entityFiles = new EntityFiles(engine);
        this.webhooks = new Webhooks(engine);
        this.description = description;
        this.listEntries = new ListEntries(engine);
        this.persons = new Persons(engine);
        this.organizations = new Organizations(engine, new RelationshipStrengths(engine), quota);
        this.opportunities = new Opportunities(engine);
        this.fields = new Fields(engine, recipes);
        this.account = new Account(engine);
        this.fieldValues = new FieldValues(engine);
        this.fieldValueChanges = new FieldValueChanges(engine, fields, quota);
        this.lists = new Lists(engine, new ListExporter(this, recipes, quota));
        this.interactions = new Interactions(engine);
        this.relationshipStrengths = new RelationshipStrengths(engine);
        this.notes = new Notes(engine);
        this.reminders = new Reminders(engine);
    }

    /** @return a new builder */
    public static AffinityClientBuilder builder() {
        return new AffinityClientBuilder();
    }

    /** @return the files attached to persons, organizations and opportunities ({@code /entity-files}) */
    public EntityFiles entityFiles() {
        return entityFiles;
    }

    /** @return the webhook subscriptions ({@code /webhook}) */
    public Webhooks webhooks() {
        return webhooks;
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

    /**
     * The user of the API key, its Affinity instance and the authentication method: {@code GET /auth/whoami}.
     *
     * @return who the API key belongs to
     */
    public Mono<Whoami> whoami() {
        return account.whoami();
    }

    /**
     * The account's monthly and the API key's per-minute limits with their usage, as the server counts them:
     * {@code GET /rate-limit}. For the limits of the latest response headers, without a call, see
     * {@link #rateLimitSnapshot()}.
     *
     * @return the limits and their usage
     */
    public Mono<RateLimit> fetchRateLimits() {
        return account.fetchRateLimits();
    }

    /**
     * The latest rate limits the server reported in its {@code X-Ratelimit-*} headers, for monitoring. Empty
     * until a response carried them.
     *
     * @return the snapshot
     */
    @Override
    public RateLimitSnapshot rateLimitSnapshot() {
        return engine.rateLimitSnapshot();
    }

    /** @return the calls of this client started and not yet ended (a gauge for metrics) */
    @Override
    public int callsInFlight() {
        return engine.callsInFlight();
    }

    /** @return the attempts of this client waiting for a rate-limit permit (a gauge for metrics) */
    @Override
    public int callsQueued() {
        return engine.callsQueued();
    }

    /**
     * Releases what this client created (its connection pool) without blocking. A Reactor Netty
     * {@code HttpClient} you supplied is left as it is. Calls made afterwards fail.
     */
    @Override
    public void close() {
        engine.close();
    }

    ApiEngine engine() {
        return engine;
    }

    @Override
    public String toString() {
        return description;
    }
}
