package io.affinity.client;

import io.affinity.client.error.UnsuccessfulOperationException;
import io.affinity.client.internal.ApiEngine;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.ResponseType;
import io.affinity.model.SuccessResponse;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Calls answered with {@code {"success": true}} (the deletes): complete on success, fail with an
 * {@link UnsuccessfulOperationException} on {@code {"success": false}} or an empty body.
 */
final class Deletion {

    private static final ResponseType<SuccessResponse> SUCCESS = ResponseType.of(SuccessResponse.class);

    private Deletion() {}

    /**
     * @param engine  the engine that sends the call
     * @param request builds the request; evaluated on subscription, so argument checks inside it fail the result
     * @return completes when the server reported success
     */
    static Mono<Void> send(ApiEngine engine, Supplier<ApiRequest> request) {
        return Mono.fromSupplier(request)
                .flatMap(built -> engine.mono(() -> built, SUCCESS)
                        .switchIfEmpty(Mono.error(() -> failure(built, "the response has no body")))
                        .flatMap(response -> Boolean.TRUE.equals(response.success())
                                ? Mono.<Void>empty()
                                : Mono.error(failure(built, "the response says {\"success\": false}"))));
    }

    private static UnsuccessfulOperationException failure(ApiRequest request, String detail) {
        return new UnsuccessfulOperationException(request.method().name(), request.path(), 200, detail);
    }
}
