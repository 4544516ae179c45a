package io.affinity.testkit.internal;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks requests against the spec with the Atlassian swagger-request-validator. Form-encoded bodies are read as
 * OpenAPI describes them ({@link FormBodies}) and checked with the validator's schema validation. Thread-safe.
 */
final class SpecValidator {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final List<String> ENTITY_FILTERS =
            List.of("person_id", "organization_id", "opportunity_id", "list_entry_id");

    private final ApiSpec spec;
    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemas;
    /** The form body schema of each operation that accepts one, by operationId. */
    private final Map<String, Schema<?>> formSchemas = new HashMap<>();

    SpecValidator(ApiSpec spec) {
        this.spec = spec;
        this.schemas = new SchemaValidator(spec.openApi(), new MessageResolver());
        spec.openApi()
                .getPaths()
                .values()
                .forEach(item -> item.readOperations().forEach(op -> {
                    if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                        MediaType form = op.getRequestBody().getContent().get(FORM);
                        if (form != null && form.getSchema() != null) {
                            formSchemas.put(op.getOperationId(), form.getSchema());
                        }
                    }
                }));
        this.validator = OpenApiInteractionValidator.createFor(spec.openApi())
                .withLevelResolver(LevelResolver.create()
                        // authentication is emulated separately (401 before validation); unknown paths answer 404
                        .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** The problems found in a request, empty when it conforms. */
    List<String> validate(IncomingRequest request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), request.path());
        request.query().forEach(builder::withQueryParam);
        for (var header : request.headers().getHeaders().all()) {
            builder.withHeader(header.key(), header.values());
        }
        Optional<Schema<?>> form = formSchema(request);
        if (!request.body().isEmpty() && form.isEmpty()) {
            builder.withBody(request.body());
        }
        ValidationReport report = validator.validateRequest(builder.build());
        List<String> problems = new ArrayList<>(report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> form.isEmpty() || !m.getKey().equals("validation.request.body.missing"))
                .map(SpecValidator::describe)
                .toList());
        problems.addAll(rules(request));
        form.ifPresent(schema -> {
            if (request.body().isEmpty()) {
                problems.add("body: a form body is required");
            } else {
                String json = FormBodies.decode(request.body(), schema, spec.openApi())
                        .toString();
                schemas.validate(json, schema, "request.body").getMessages().stream()
                        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                        .map(SpecValidator::describe)
                        .forEach(problems::add);
            }
        });
        return List.copyOf(problems);
    }

    /**
     * The rules the spec states in words, where the SDK picked one behaviour: field value changes take at most one
     * entity filter (none is allowed, as in the reference's own example).
     */
    private List<String> rules(IncomingRequest request) {
        boolean fieldValueChanges = spec.match(request.method(), request.path())
                .map(match -> match.operation().operationId().equals("getFieldValueChanges"))
                .orElse(false);
        if (fieldValueChanges) {
            List<String> given =
                    ENTITY_FILTERS.stream().filter(request.query()::containsKey).toList();
            if (given.size() > 1) {
                return List.of("query: at most one of " + String.join(", ", ENTITY_FILTERS) + " may be given, got "
                        + String.join(", ", given));
            }
        }
        return List.of();
    }

    /** The form schema when the request is form-encoded and its operation accepts a form. */
    private Optional<Schema<?>> formSchema(IncomingRequest request) {
        boolean isForm = request.header("Content-Type")
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith(FORM))
                .orElse(false);
        if (!isForm) {
            return Optional.empty();
        }
        return spec.match(request.method(), request.path())
                .map(match -> formSchemas.get(match.operation().operationId()));
    }

    /** The message, prefixed with the parameter or body location it is about when the validator knows it. */
    private static String describe(ValidationReport.Message message) {
        Optional<ValidationReport.MessageContext> context = message.getContext();
        Optional<String> where = context.flatMap(ValidationReport.MessageContext::getParameter)
                .map(p -> p.getIn() + " parameter '" + p.getName() + "'")
                .or(() -> context.flatMap(ValidationReport.MessageContext::getPointers)
                        .map(p -> "body" + (p.getInstance().isEmpty() ? "" : " at " + p.getInstance())));
        return where.map(w -> w + ": ").orElse("") + message.getMessage();
    }
}
