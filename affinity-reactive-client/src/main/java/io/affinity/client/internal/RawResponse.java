package io.affinity.client.internal;

import io.netty.handler.codec.http.HttpHeaders;

/** A response read whole: status, headers and body bytes (the body buffers are already released). */
record RawResponse(int status, HttpHeaders headers, byte[] body) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
