package io.affinity.client;

import io.affinity.client.internal.PartContent;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import reactor.core.publisher.Flux;

/**
 * One file to upload with {@link EntityFiles#upload(EntityFileUpload)}: its name, its media type and where its bytes
 * come from (a file, an array or a stream of buffers). Immutable. The factories only record their arguments
 * ({@code null} is reported by the upload, as an {@link IllegalArgumentException}, before anything is sent); nothing
 * is read until the upload is sent.
 *
 * <pre>{@code
 * UploadFile.of(Path.of("deck.pdf"))
 * UploadFile.of("notes.txt", "hello".getBytes(UTF_8)).withContentType("text/plain")
 * UploadFile.of("export.csv", bufferFlux)            // sent once: an upload of a stream is never retried
 * }</pre>
 */
public final class UploadFile {

    /** The media type sent when none is given. */
    public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private final String filename;
    private final String contentType;
    private final Path path;
    private final byte[] bytes;
    private final Flux<ByteBuffer> stream;

    private UploadFile(String filename, String contentType, Path path, byte[] bytes, Flux<ByteBuffer> stream) {
        this.filename = filename;
        this.contentType = contentType;
        this.path = path;
        this.bytes = bytes;
        this.stream = stream;
    }

    /**
     * A file on disk, read (on a bounded elastic thread) while the upload is sent, never held whole in memory.
     * Its name is the file's name; its size is read when the upload starts, and a file that changes size while it
     * is sent fails the upload.
     *
     * @param path the file; must be a readable regular file when the upload starts
     * @return the upload file
     */
    public static UploadFile of(Path path) {
        Path fileName = path == null ? null : path.getFileName();
        return new UploadFile(fileName == null ? null : fileName.toString(), DEFAULT_CONTENT_TYPE, path, null, null);
    }

    /**
     * Bytes in memory, copied.
     *
     * @param filename the file name sent with them; not blank
     * @param bytes    the content
     * @return the upload file
     */
    public static UploadFile of(String filename, byte[] bytes) {
        return new UploadFile(filename, DEFAULT_CONTENT_TYPE, null, bytes == null ? null : bytes.clone(), null);
    }

    /**
     * A stream of buffers, subscribed once when the upload is sent (chunked, since its length is unknown). Each
     * buffer is sent as it is: it must not change once emitted. A stream cannot be read twice, so an upload
     * containing one is not retried once sending has begun (it still is when the connection could not be made).
     *
     * @param filename the file name sent with it; not blank
     * @param content  the content
     * @return the upload file
     */
    public static UploadFile of(String filename, Flux<ByteBuffer> content) {
        return new UploadFile(filename, DEFAULT_CONTENT_TYPE, null, null, content);
    }

    /**
     * @param contentType the media type sent with the file, for example {@code application/pdf}; not blank
     *                    (default {@value #DEFAULT_CONTENT_TYPE})
     * @return a copy with that media type
     */
    public UploadFile withContentType(String contentType) {
        return new UploadFile(filename, contentType, path, bytes, stream);
    }

    /** @return the file name sent with the file */
    public String filename() {
        return filename;
    }

    /** @return the media type sent with the file */
    public String contentType() {
        return contentType;
    }

    /** The file on disk, or {@code null} when the bytes come from memory or a stream. */
    Path path() {
        return path;
    }

    /** @return whether the factory got its content (a path, an array or a stream) */
    boolean hasContent() {
        return path != null || bytes != null || stream != null;
    }

    /**
     * @param size the file's size, for a file on disk
     * @return the content as the engine sends it
     */
    PartContent content(long size) {
        if (path != null) {
            return PartContent.ofFile(path, size);
        }
        return bytes != null ? PartContent.ofBytes(bytes) : PartContent.ofStream(stream);
    }

    @Override
    public String toString() {
        return "UploadFile{" + filename + ", " + contentType + ", "
                + (path != null ? path.toString() : bytes != null ? bytes.length + " bytes" : "stream") + '}';
    }
}
