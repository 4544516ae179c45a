package io.affinity.client.internal;

/**
 * A request ready to be sent as often as retries need: its URI part and its body encoded once.
 *
 * @param request      the request
 * @param pathAndQuery the encoded path and query string
 * @param body         the encoded body, or {@code null} when there is none or it is {@code multipart}
 * @param contentType  the body's media type, or {@code null} when there is no body
 * @param multipart    the multipart body, streamed as it is sent, or {@code null}
 */
record PreparedCall(ApiRequest request, String pathAndQuery, byte[] body, String contentType, Multipart multipart) {

    /** A call without body or with a body encoded whole. */
    PreparedCall(ApiRequest request, String pathAndQuery, byte[] body, String contentType) {
        this(request, pathAndQuery, body, contentType, null);
    }

    /** A call with a multipart body. */
    PreparedCall(ApiRequest request, String pathAndQuery, Multipart multipart) {
        this(request, pathAndQuery, null, multipart.contentType(), multipart);
    }
}
