package io.affinity.testkit.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete HTTP answer before it is handed to WireMock.
 *
 * @param status HTTP status
 * @param contentType value of the Content-Type header
 * @param body the body bytes
 * @param headers further headers
 */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json";

    Reply {
        headers = Map.copyOf(headers);
    }

    /** A JSON reply from a Jackson tree or value. */
    static Reply json(int status, Object value) {
        return new Reply(status, JSON, Json.bytes(value), Map.of());
    }

    /** The reply a WireMock stub would have sent. */
    static Reply of(ResponseDefinition definition) {
        Map<String, String> headers = new LinkedHashMap<>();
        String contentType = JSON;
        if (definition.getHeaders() != null) {
            for (HttpHeader header : definition.getHeaders().all()) {
                if (header.keyEquals("Content-Type")) {
                    contentType = header.firstValue();
                } else {
                    headers.put(header.key(), header.firstValue());
                }
            }
        }
        byte[] body = definition.getByteBody() == null ? new byte[0] : definition.getByteBody();
        return new Reply(definition.getStatus(), contentType, body, headers);
    }

    /** This reply with one more header. */
    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more);
    }

    /** This reply with other body bytes. */
    Reply withBody(byte[] newBody) {
        return new Reply(status, contentType, newBody, headers);
    }

    /** A WireMock response builder carrying this reply. */
    ResponseDefinitionBuilder toBuilder() {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", contentType)
                .withBody(body);
        headers.forEach(builder::withHeader);
        return builder;
    }
}
