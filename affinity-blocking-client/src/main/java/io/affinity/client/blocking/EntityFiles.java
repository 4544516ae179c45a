package io.affinity.client.blocking;

import io.affinity.client.EntityFileUpload;
import io.affinity.client.query.EntityFileQuery;
import io.affinity.model.EntityFile;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Files attached to persons, organizations and opportunities ({@code /entity-files}): their metadata, their content (streamed, never held whole in memory) and uploads.
 *
 * <p>Blocking twin of {@link io.affinity.client.EntityFiles}: the same methods and arguments, returning values.
 * Arguments are checked before anything is sent ({@link IllegalArgumentException} naming the
 * parameter); call failures are thrown as the reactive client's
 * {@link io.affinity.client.error.AffinityException} types.
 */
public final class EntityFiles {

    private final io.affinity.client.EntityFiles reactive;

    EntityFiles(io.affinity.client.EntityFiles reactive) {
        this.reactive = reactive;
    }

    /**
     * Lists every entity file of your organization ({@code GET /entity-files}), page by page as they are consumed.
     *
     * @return the files' metadata
     */
    public PagedIterable<EntityFile> list() {
        return new PagedIterable<>(reactive.list());
    }

    /**
     * Lists the entity files matching a query ({@code GET /entity-files}), page by page as they are consumed.
     *
     * @param query the filters (ids positive) and the page size (1 to {@value EntityFileQuery#MAX_PAGE_SIZE})
     * @return the files' metadata; throws {@link IllegalArgumentException} before sending when the query is
     *         invalid
     */
    public PagedIterable<EntityFile> list(EntityFileQuery query) {
        return new PagedIterable<>(reactive.list(query));
    }

    /**
     * Gets the metadata of one entity file ({@code GET /entity-files/{entity_file_id}}).
     *
     * @param entityFileId the file's id, positive
     * @return the file's metadata; throws {@link io.affinity.client.error.NotFoundException} when there is no
     *         such file
     */
    public EntityFile get(long entityFileId) {
        return Blocking.call(reactive.get(entityFileId));
    }

    /**
     * Downloads the content of an entity file ({@code GET /entity-files/download/{entity_file_id}}), following the
     * redirect the API answers with. The API key is sent to the API only, never to the host it redirects to. The
     * content arrives buffer by buffer as you read it and is never held whole in memory; each buffer is yours.
     * The call is retried like other reads until the first buffer arrives; a failure after that ends the stream
     * with a {@link io.affinity.client.error.TransportException}.
     *
     * @param entityFileId the file's id, positive
     * @return the content as a stream, read buffer by buffer as you read it; close it to stop the download.
     *         A failure later in the transfer is thrown by {@code read} as an {@link java.io.IOException} whose
     *         cause is the client's exception. Throws {@link io.affinity.client.error.NotFoundException} when
     *         there is no such file.
     */
    public InputStream download(long entityFileId) {
        return new ByteBufferInputStream(reactive.download(entityFileId));
    }

    /**
     * Downloads the content of an entity file into a file, as {@link #download(long)} does, writing each buffer
     * without blocking as it arrives. The content goes to a temporary file next to {@code target}, moved over
     * {@code target} (replacing it) once complete, so {@code target} is never left half written; on failure or
     * cancellation the temporary file is deleted.
     *
     * @param entityFileId the file's id, positive
     * @param target       the file to write, in an existing directory
     * @return {@code target}, once written
     */
    public Path downloadTo(long entityFileId, Path target) {
        return Blocking.call(reactive.downloadTo(entityFileId, target));
    }

    /**
     * Uploads files and attaches them to one person, organization or opportunity ({@code POST /entity-files},
     * {@code multipart/form-data}). Files on disk and arrays are sent with a {@code Content-Length}; a stream of
     * buffers is sent chunked. The files are streamed, never held whole in memory.
     *
     * <p>Retries: like every POST, the upload is retried when the connection could not be made (nothing was sent);
     * after a {@code 429} it is retried only when every file can be sent again (files on disk and arrays can, a
     * stream of buffers that was already sent cannot: then the {@link io.affinity.client.ratelimit.RateLimitException}
     * is reported). It is never retried after a {@code 5xx} or a connection lost after sending.
     *
     * @param upload at least one file and exactly one of person, organization or opportunity id (positive); files
     *               on disk must be readable regular files
     * @throws io.affinity.client.error.UnsuccessfulOperationException on {@code {"success": false}}
     */
    public void upload(EntityFileUpload upload) {
        Blocking.run(reactive.upload(upload));
    }
}
