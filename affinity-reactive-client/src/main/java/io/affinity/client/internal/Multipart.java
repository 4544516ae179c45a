package io.affinity.client.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Flux;

/**
 * A {@code multipart/form-data} body (RFC 7578) written part by part as it is sent, so that file contents are
 * never held whole in memory. Its length is known, and sent as {@code Content-Length}, unless a part is a stream.
 */
final class Multipart {

    private static final byte[] CRLF = {'\r', '\n'};

    private final String boundary;
    private final List<ApiRequest.Part> parts;
    private final long length;

    Multipart(List<ApiRequest.Part> parts) {
        this.boundary =
                "affinity-java-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                        + Long.toHexString(ThreadLocalRandom.current().nextLong());
        this.parts = parts;
        this.length = computeLength();
    }

    /** @return the media type with the boundary */
    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** @return the length in bytes, or -1 when a part is a stream of unknown length */
    long length() {
        return length;
    }

    /** @return the body, produced on subscription; file contents are read as they are requested */
    Flux<ByteBuf> content() {
        return Flux.defer(() -> {
            List<Flux<ByteBuf>> pieces = new ArrayList<>();
            for (ApiRequest.Part part : parts) {
                pieces.add(Flux.just(Unpooled.wrappedBuffer(head(part))));
                if (part instanceof ApiRequest.FilePart file) {
                    pieces.add(file.content().open());
                }
                pieces.add(Flux.just(Unpooled.wrappedBuffer(CRLF)));
            }
            pieces.add(Flux.just(Unpooled.wrappedBuffer(closing())));
            return Flux.concat(pieces);
        });
    }

    private long computeLength() {
        long total = closing().length;
        for (ApiRequest.Part part : parts) {
            total += head(part).length + CRLF.length;
            if (part instanceof ApiRequest.FilePart file) {
                if (file.content().length() < 0) {
                    return -1;
                }
                total += file.content().length();
            }
        }
        return total;
    }

    /** The boundary line and headers of a part, and for a field its value. */
    private byte[] head(ApiRequest.Part part) {
        StringBuilder head = new StringBuilder("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(escape(part.name()))
                .append('"');
        if (part instanceof ApiRequest.FilePart file) {
            head.append("; filename=\"")
                    .append(escape(file.filename()))
                    .append("\"\r\n")
                    .append("Content-Type: ")
                    .append(file.contentType())
                    .append("\r\n\r\n");
        } else if (part instanceof ApiRequest.FieldPart field) {
            head.append("\r\n\r\n").append(field.value());
        }
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] closing() {
        return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Escapes a name or file name inside quotes as HTML forms do: {@code "}, CR and LF percent-encoded. */
    static String escape(String text) {
        return text.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
