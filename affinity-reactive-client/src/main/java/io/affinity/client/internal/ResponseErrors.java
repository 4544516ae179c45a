package io.affinity.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affinity.client.error.AffinityException;
import io.affinity.client.error.AuthenticationException;
import io.affinity.client.error.ConflictException;
import io.affinity.client.error.DecodeException;
import io.affinity.client.error.ErrorResponseException;
import io.affinity.client.error.NotFoundException;
import io.affinity.client.error.PermissionDeniedException;
import io.affinity.client.error.ServerException;
import io.affinity.client.error.ValidationException;
import io.affinity.client.ratelimit.RateLimitException;
import io.affinity.client.ratelimit.RateLimitFeedback;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns error responses and undecodable bodies into typed exceptions with the server's words, redacted. */
final class ResponseErrors {

    private static final int MAX_MESSAGE = 500;
    private static final int MAX_SNIPPET = 200;
    // redact over more than is shown, so that a key cut by the limit is never half shown
    private static final int SNIPPET_SOURCE_BYTES = 4096;

    private final ObjectMapper mapper;
    private final Credentials credentials;

    ResponseErrors(ObjectMapper mapper, Credentials credentials) {
        this.mapper = mapper;
        this.credentials = credentials;
    }

    AffinityException forStatus(ApiRequest request, RawResponse response, RateLimitFeedback feedback) {
        String method = request.method().name();
        String path = request.path();
        int status = response.status();
        String message = serverMessage(response.body());
        return switch (status) {
            case 400, 422 -> new ValidationException(method, path, status, message);
            case 401 -> new AuthenticationException(method, path, status, message);
            case 403 -> new PermissionDeniedException(method, path, status, message);
            case 404 -> new NotFoundException(method, path, status, message);
            case 409 -> new ConflictException(method, path, status, message);
            case 429 ->
                new RateLimitException(
                        method, path, status, message, feedback.requiredWait().orElse(null), feedback.limits());
            default ->
                status >= 500 && status < 600
                        ? new ServerException(method, path, status, message)
                        : new ErrorResponseException(method, path, status, message);
        };
    }

    DecodeException undecodable(ApiRequest request, RawResponse response, Throwable cause) {
        return new DecodeException(
                request.method().name(), request.path(), response.status(), snippet(response.body()), cause);
    }

    /**
     * The server's message, from any of the shapes Affinity uses: {@code {"errors":[{"message":..}]}},
     * {@code {"errors":["..."]}}, {@code {"error":..}}, {@code {"message":..}}, or plain text.
     */
    String serverMessage(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            return null;
        }
        List<String> messages = new ArrayList<>();
        try {
            collect(mapper.readTree(text), messages);
        } catch (IOException notJson) {
            return clean(text, MAX_MESSAGE);
        }
        return messages.isEmpty() ? clean(text, MAX_MESSAGE) : clean(String.join("; ", messages), MAX_MESSAGE);
    }

    private static void collect(JsonNode node, List<String> messages) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isValueNode()) {
            messages.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, messages));
        } else if (node.has("errors")) {
            collect(node.get("errors"), messages);
        } else if (node.has("error")) {
            collect(node.get("error"), messages);
        } else if (node.has("message")) {
            collect(node.get("message"), messages);
        }
    }

    private String snippet(byte[] body) {
        int length = Math.min(body.length, SNIPPET_SOURCE_BYTES);
        return clean(new String(body, 0, length, StandardCharsets.UTF_8), MAX_SNIPPET);
    }

    private String clean(String text, int max) {
        String redacted = credentials.redact(text).replaceAll("\\s+", " ").trim();
        return redacted.length() <= max ? redacted : redacted.substring(0, max) + "...";
    }
}
