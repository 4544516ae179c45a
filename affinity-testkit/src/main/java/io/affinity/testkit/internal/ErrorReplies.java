package io.affinity.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/** Error answers in the API's {@code ErrorResponse} shape: {@code {"errors":[{"code":..,"message":..}]}}. */
public final class ErrorReplies {

    private static final Map<Integer, Text> DOCUMENTED = Map.ofEntries(
            Map.entry(400, new Text("bad_request", "The request is malformed.")),
            Map.entry(401, new Text("unauthorized", "Your API key is invalid.")),
            Map.entry(403, new Text("forbidden", "Insufficient rights to the resource.")),
            Map.entry(404, new Text("not_found", "The requested resource does not exist.")),
            Map.entry(409, new Text("conflict", "The resource was changed by another request.")),
            Map.entry(422, new Text("unprocessable_entity", "Malformed parameters supplied.")),
            Map.entry(429, new Text("rate_limit_exceeded", "You have exceeded the rate limit.")),
            Map.entry(500, new Text("internal_server_error", "We had a problem with our server. Try again later.")),
            Map.entry(502, new Text("bad_gateway", "Bad gateway. Try again later.")),
            Map.entry(503, new Text("service_unavailable", "A deploy is in process or Affinity services are down.")),
            Map.entry(504, new Text("gateway_timeout", "The upstream service timed out. Try again later.")));

    private ErrorReplies() {}

    /** The error statuses the API documents, each with a realistic body. */
    public static Set<Integer> documentedStatuses() {
        return DOCUMENTED.keySet();
    }

    /** An error reply with the usual message for this status. */
    static Reply of(int status) {
        Text text = DOCUMENTED.get(status);
        return of(status, text == null ? "HTTP " + status : text.message());
    }

    /** An error reply with a given message. */
    static Reply of(int status, String message) {
        Text text = DOCUMENTED.get(status);
        ObjectNode body = Json.object();
        ObjectNode error = body.putArray("errors").addObject();
        error.put("code", text == null ? "error" : text.code());
        error.put("message", message);
        return Reply.json(status, body);
    }

    private record Text(String code, String message) {}
}
