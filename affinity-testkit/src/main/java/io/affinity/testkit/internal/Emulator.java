package io.affinity.testkit.internal;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.affinity.testkit.Failure;
import io.affinity.testkit.RecordedRequest;
import io.affinity.testkit.SpecViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The emulation of the API, applied by WireMock to every response. In order: journal, authentication (401), rate
 * limits (429), spec validation (400, or 404 for unknown paths), then the answer (a user override, the seeded
 * dataset, or the matched fixture stub), possibly replaced by a planned failure; every reply carries the rate-limit
 * headers.
 */
final class Emulator implements ResponseDefinitionTransformerV2 {

    static final String NAME = "affinity-emulator";

    private static final Set<String> MONTHLY_EXEMPT = Set.of("getRateLimit", "getWhoami");

    private final ApiSpec spec;
    private final String apiKey;
    private final Authenticator authenticator;
    private final RateLimitEmulator rateLimiter;
    private final SpecValidator validator;
    private final InMemoryJournal journal = new InMemoryJournal();
    private final List<SpecViolation> violations = new ArrayList<>();
    private final FailurePlan failures = new FailurePlan();
    private final Overrides overrides = new Overrides();
    private final java.time.Clock clock;
    /** The data served, with its reads and (stateful) writes, swapped as one by a seed. */
    private volatile Served served;

    private record Served(DatasetResponder reads, StatefulWrites writes) {}

    Emulator(ApiSpec spec, ServerSettings settings) {
        this.spec = spec;
        this.apiKey = settings.apiKey();
        this.authenticator = new Authenticator(settings.apiKey());
        this.rateLimiter = new RateLimitEmulator(settings.clock(), settings.perMinuteLimit(), settings.monthlyLimit());
        this.validator = settings.validateRequests() ? new SpecValidator(spec) : null;
        this.clock = settings.clock();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        IncomingRequest request = IncomingRequest.of(serveEvent.getRequest());
        Optional<RequestMatch> match = spec.match(request.method(), request.path());
        RecordedRequest recorded = new RecordedRequest(
                match.map(m -> m.operation().operationId()).orElse(null),
                request.method(),
                request.path(),
                request.query(),
                request.body());
        journal.record(recorded);

        Optional<String> key = authenticator.authenticate(request);
        if (key.isEmpty()) {
            return rateLimiter.peek(apiKey).addHeadersTo(ErrorReplies.of(401)).toBuilder()
                    .build();
        }
        boolean exempt = match.map(m -> MONTHLY_EXEMPT.contains(m.operation().operationId()))
                .orElse(false);
        RateLimitState limits = rateLimiter.acquire(key.get(), exempt);
        if (!limits.allowed()) {
            return limits.addHeadersTo(ErrorReplies.of(429)).toBuilder().build();
        }
        if (match.isEmpty()) {
            violation(recorded, "No operation of the spec matches " + request.method() + " " + request.path());
            return limits.addHeadersTo(ErrorReplies.of(404)).toBuilder().build();
        }
        if (validator != null) {
            List<String> problems = validator.validate(request);
            if (!problems.isEmpty()) {
                violation(recorded, problems);
                return limits.addHeadersTo(ErrorReplies.of(400, String.join("; ", problems))).toBuilder()
                        .build();
            }
        }
        Optional<Failure> failure = failures.take(match.get().operation().operationId());
        if (failure.isPresent() && failure.get().kind() == Failure.Kind.STATUS) {
            // an error status means the server refused: a write is not applied
            return FailureRenderer.render(failure.get(), null, limits);
        }
        // a fault (reset, empty or broken response, delays) comes after the server did the work, as when a
        // connection breaks after the request was processed: a write is applied
        Reply normal = limits.addHeadersTo(answer(match.get(), request, serveEvent.getResponseDefinition(), limits));
        return failure.map(f -> FailureRenderer.render(f, normal, limits))
                .orElseGet(() -> normal.toBuilder().build());
    }

    private Reply answer(
            RequestMatch match, IncomingRequest request, ResponseDefinition stubbed, RateLimitState limits) {
        Optional<Reply> override = overrides.find(match);
        if (override.isPresent()) {
            return override.get();
        }
        if (match.operation().operationId().equals("getRateLimit")) {
            return Reply.json(200, limits.toRateLimitBody());
        }
        Served data = served;
        Optional<Reply> seeded = data == null ? Optional.empty() : data.reads().respond(match, request);
        if (seeded.isEmpty() && data != null && data.writes() != null) {
            seeded = data.writes().respond(match, request);
        }
        return seeded.orElseGet(() -> Reply.of(stubbed));
    }

    private void violation(RecordedRequest request, String problem) {
        violation(request, List.of(problem));
    }

    private synchronized void violation(RecordedRequest request, List<String> problems) {
        violations.add(new SpecViolation(request, problems));
    }

    synchronized List<SpecViolation> violations() {
        return List.copyOf(violations);
    }

    InMemoryJournal journal() {
        return journal;
    }

    void seed(io.affinity.testkit.Dataset data) {
        if (data == null) {
            served = null;
            return;
        }
        Store store = new Store(data, data.stateful(), clock);
        DatasetContent.generate(store);
        served = new Served(new DatasetResponder(store), data.stateful() ? new StatefulWrites(store) : null);
    }

    /** The store being served, or null without a dataset. */
    Store store() {
        Served data = served;
        return data == null ? null : data.reads().store();
    }

    void override(String operationId, String id, Reply reply) {
        overrides.put(operationId, id, reply);
    }

    void failNext(String operationId, int times, Failure failure) {
        failures.add(operationId, times, failure);
    }

    /** Forgets counters, journal, violations, planned failures and overrides. */
    synchronized void reset() {
        journal.clear();
        violations.clear();
        failures.clear();
        overrides.clear();
        rateLimiter.reset();
    }
}
