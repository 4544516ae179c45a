package io.affinity.testkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.affinity.testkit.internal.ApiSpec;
import io.affinity.testkit.internal.FormBodies;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The spec file of the repository, checked with the Atlassian validator's own schema validation, independently of the
 * testkit's server (its stubs, its validator set-up) and of the Jackson model: requests, responses and example files.
 */
final class SpecCheck {

    /** The spec in the repository, beside the testkit module. */
    static final Path SPEC_FILE =
            Path.of("..", "spec", "affinity-v1.yaml").toAbsolutePath().normalize();

    private static final SpecCheck INSTANCE = new SpecCheck();

    private final OpenAPI openApi;
    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemas;

    private SpecCheck() {
        try {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            this.openApi = new OpenAPIV3Parser()
                    .readContents(Files.readString(SPEC_FILE), null, options)
                    .getOpenAPI();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.validator = OpenApiInteractionValidator.createFor(openApi)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        this.schemas = new SchemaValidator(openApi, new MessageResolver());
    }

    static SpecCheck get() {
        return INSTANCE;
    }

    OpenAPI openApi() {
        return openApi;
    }

    /** The errors of a request against the spec. */
    List<String> request(String method, String pathAndQuery, String contentType, String body) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        SimpleRequest.Builder builder = new SimpleRequest.Builder(Request.Method.valueOf(method), path);
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                builder.withQueryParam(
                        java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        if (contentType != null) {
            builder.withContentType(contentType);
        }
        Schema<?> form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
                ? formSchema(method, path)
                : null;
        if (body != null && form == null) {
            builder.withBody(body);
        }
        List<String> errors = new java.util.ArrayList<>(errors(validator.validateRequest(builder.build())));
        if (form != null) {
            errors.removeIf(e -> e.startsWith("validation.request.body.missing"));
            errors.addAll(errors(
                    schemas.validate(FormBodies.decode(body, form, openApi).toString(), form, "request.body")));
        }
        return errors;
    }

    /** The form schema of the operation a request addresses, or null when it takes no form. */
    private Schema<?> formSchema(String method, String path) {
        String operationId =
                ApiSpec.bundled().match(method, path).orElseThrow().operation().operationId();
        for (var item : openApi.getPaths().values()) {
            for (var op : item.readOperations()) {
                if (operationId.equals(op.getOperationId()) && op.getRequestBody() != null) {
                    var media = op.getRequestBody().getContent().get("application/x-www-form-urlencoded");
                    return media == null ? null : media.getSchema();
                }
            }
        }
        return null;
    }

    /** The errors of a response of the testkit against the spec, for the request that got it. */
    List<String> response(String method, String pathAndQuery, HttpResponse<String> response) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.statusCode());
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            builder.withHeader(header.getKey(), header.getValue());
        }
        builder.withBody(response.body());
        return errors(validator.validateResponse(path, Request.Method.valueOf(method), builder.build()));
    }

    /** The errors of a JSON document against a schema of the spec. */
    List<String> document(String json, Schema<?> schema) {
        return errors(schemas.validate(json, schema, "example"));
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }
}
