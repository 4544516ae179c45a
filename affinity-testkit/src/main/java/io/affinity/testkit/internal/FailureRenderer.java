package io.affinity.testkit.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.affinity.testkit.Failure;
import java.util.Arrays;

/** Turns a planned {@link Failure} into what WireMock sends instead of (or on top of) the normal reply. */
final class FailureRenderer {

    private static final int SLOW_BODY_CHUNKS = 8;

    private FailureRenderer() {}

    /**
     * The response to send.
     *
     * @param failure the planned failure
     * @param normal the reply the request would have had, rate-limit headers included
     * @param limits the rate-limit state to report on an error status
     */
    static ResponseDefinition render(Failure failure, Reply normal, RateLimitState limits) {
        return switch (failure.kind()) {
            case STATUS ->
                limits.addHeadersTo(statusReply(failure, limits)).toBuilder().build();
            case CONNECTION_RESET -> fault(Fault.CONNECTION_RESET_BY_PEER);
            case EMPTY_RESPONSE -> fault(Fault.EMPTY_RESPONSE);
            case MALFORMED_CHUNK -> fault(Fault.MALFORMED_RESPONSE_CHUNK);
            case RANDOM_DATA_THEN_CLOSE -> fault(Fault.RANDOM_DATA_THEN_CLOSE);
            case TRUNCATED_JSON ->
                normal.withBody(Arrays.copyOf(normal.body(), normal.body().length / 2)).toBuilder()
                        .build();
            case DELAYED_HEADERS ->
                normal.toBuilder()
                        .withFixedDelay((int) failure.delay().toMillis())
                        .build();
            case SLOW_BODY ->
                normal.toBuilder()
                        .withChunkedDribbleDelay(
                                SLOW_BODY_CHUNKS, (int) failure.delay().toMillis())
                        .build();
        };
    }

    private static Reply statusReply(Failure failure, RateLimitState limits) {
        Reply reply = failure.message()
                .map(message -> ErrorReplies.of(failure.httpStatus(), message))
                .orElseGet(() -> ErrorReplies.of(failure.httpStatus()));
        return failure.httpStatus() == 429
                ? reply.withHeader("Retry-After", Long.toString(Math.max(1, limits.userReset())))
                : reply;
    }

    private static ResponseDefinition fault(Fault fault) {
        return ResponseDefinitionBuilder.responseDefinition().withFault(fault).build();
    }
}
