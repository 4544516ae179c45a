package io.affinity.client.internal;

/**
 * A request ready to be sent as often as retries need: its URI part and its body encoded once.
 *
 * @param request      the request
 * @param pathAndQuery the encoded path and query string
 * @param body         the encoded body, or {@code null} when there is none
 * @param contentType  the body's media type, or {@code null} when there is no body
 */
record PreparedCall(ApiRequest request, String pathAndQuery, byte[] body, String contentType) {
}
