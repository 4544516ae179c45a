package io.affinity.testkit.internal;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.List;
import java.util.Optional;

/** Checks requests against the spec with the Atlassian swagger-request-validator. Thread-safe. */
final class SpecValidator {

  private final OpenApiInteractionValidator validator;

  SpecValidator(ApiSpec spec) {
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
    if (!request.body().isEmpty()) {
      builder.withBody(request.body());
    }
    ValidationReport report = validator.validateRequest(builder.build());
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(SpecValidator::describe)
        .toList();
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
