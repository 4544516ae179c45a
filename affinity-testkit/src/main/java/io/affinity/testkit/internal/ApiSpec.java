package io.affinity.testkit.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Affinity OpenAPI document shipped inside the testkit jar, parsed once per JVM: its operations, a matcher from
 * concrete requests to operations, and the parsed model for request validation.
 */
public final class ApiSpec {

    /** Where the spec and its examples live on the classpath. */
    public static final String RESOURCE_ROOT = "io/affinity/testkit/spec/";

    private static final String SPEC_RESOURCE = RESOURCE_ROOT + "affinity-v1.yaml";
    private static volatile ApiSpec shared;

    private final OpenAPI openApi;
    private final Map<String, Operation> operationsById;
    private final List<Route> routes;

    private ApiSpec(OpenAPI openApi) {
        this.openApi = openApi;
        this.operationsById = collectOperations(openApi);
        this.routes = operationsById.values().stream()
                .sorted(Comparator.comparingInt(Operation::literalSegments).reversed())
                .map(op -> new Route(op, op.pathPattern()))
                .toList();
    }

    /** The spec bundled in the jar, parsed on first use. */
    public static ApiSpec bundled() {
        ApiSpec spec = shared;
        if (spec == null) {
            synchronized (ApiSpec.class) {
                spec = shared;
                if (spec == null) {
                    spec = parse(Resources.readString(SPEC_RESOURCE));
                    shared = spec;
                }
            }
        }
        return spec;
    }

    /** Parses an OpenAPI document given as YAML or JSON text; examples are looked up next to the bundled spec. */
    private static ApiSpec parse(String specText) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(specText, null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException("The Affinity spec cannot be parsed: " + result.getMessages());
        }
        return new ApiSpec(result.getOpenAPI());
    }

    /** The parsed OpenAPI model. */
    public OpenAPI openApi() {
        return openApi;
    }

    /** Every operation, in spec order. */
    public List<Operation> operations() {
        return List.copyOf(operationsById.values());
    }

    /** The operation with this id. */
    public Optional<Operation> operation(String operationId) {
        return Optional.ofNullable(operationsById.get(operationId));
    }

    /** The operation with this id, or an IllegalArgumentException naming the parameter. */
    public Operation requireOperation(String operationId) {
        return operation(operationId)
                .orElseThrow(() -> new IllegalArgumentException(
                        "operationId: unknown operation '" + operationId + "'; known: " + operationsById.keySet()));
    }

    /** The operation a request for this method and path addresses, with the path parameters' values. */
    public Optional<RequestMatch> match(String method, String path) {
        for (Route route : routes) {
            Matcher matcher = route.pattern.matcher(path);
            if (route.operation.method().equalsIgnoreCase(method) && matcher.matches()) {
                List<String> names = route.operation.pathParameters();
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    values.put(names.get(i), matcher.group(i + 1));
                }
                return Optional.of(new RequestMatch(route.operation, values));
            }
        }
        return Optional.empty();
    }

    private static Map<String, Operation> collectOperations(OpenAPI openApi) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                    Operation operation = toOperation(path, method, op);
                    if (operations.put(operation.operationId(), operation) != null) {
                        throw new IllegalStateException("Duplicate operationId in spec: " + operation.operationId());
                    }
                }));
        return operations;
    }

    private static Operation toOperation(
            String path, PathItem.HttpMethod method, io.swagger.v3.oas.models.Operation op) {
        if (op.getOperationId() == null) {
            throw new IllegalStateException("Operation without operationId in spec: " + method + " " + path);
        }
        Map.Entry<String, ApiResponse> success = op.getResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2"))
                .min(Map.Entry.comparingByKey())
                .orElseThrow(() -> new IllegalStateException("No 2xx response for " + op.getOperationId()));
        String contentType = "application/json";
        List<String> examples = new ArrayList<>();
        if (success.getValue().getContent() != null
                && !success.getValue().getContent().isEmpty()) {
            Map.Entry<String, MediaType> media =
                    success.getValue().getContent().entrySet().iterator().next();
            contentType = media.getKey();
            if (media.getValue().getExamples() != null) {
                for (Example example : media.getValue().getExamples().values()) {
                    if (example.getExternalValue() != null) {
                        examples.add(RESOURCE_ROOT + example.getExternalValue().replaceFirst("^\\./", ""));
                    }
                }
            }
        }
        return new Operation(
                op.getOperationId(), method.name(), path, Integer.parseInt(success.getKey()), contentType, examples);
    }

    private record Route(Operation operation, Pattern pattern) {}
}
