package io.affinity.client;

import io.affinity.client.internal.ApiEngine;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.FileTransfer;
import io.affinity.client.internal.ResponseType;
import io.affinity.client.internal.check.Args;
import io.affinity.client.paging.Page;
import io.affinity.client.paging.PagedFlux;
import io.affinity.client.query.EntityFileQuery;
import io.affinity.model.EntityFile;
import io.affinity.model.wire.EntityFilesPage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Files attached to persons, organizations and opportunities ({@code /entity-files}): their metadata, their content
 * (streamed, never held whole in memory) and uploads. Reached with {@link AffinityClient#entityFiles()}. Argument
 * errors fail the returned publisher with an {@link IllegalArgumentException} naming the parameter before anything
 * is sent; call failures arrive as {@link io.affinity.client.error.AffinityException}s.
 */
public final class EntityFiles {

    private static final ResponseType<EntityFilesPage> ENTITY_FILES_PAGE = ResponseType.of(EntityFilesPage.class);
    private static final ResponseType<EntityFile> ENTITY_FILE = ResponseType.of(EntityFile.class);

    private final ApiEngine engine;

    EntityFiles(ApiEngine engine) {
        this.engine = engine;
    }

    /**
     * Lists every entity file of your organization ({@code GET /entity-files}), page by page as they are consumed.
     *
     * @return the files' metadata
     */
    public PagedFlux<EntityFile> list() {
        return list(EntityFileQuery.builder().build());
    }

    /**
     * Lists the entity files matching a query ({@code GET /entity-files}), page by page as they are consumed.
     *
     * @param query the filters (ids positive) and the page size (1 to {@value EntityFileQuery#MAX_PAGE_SIZE})
     * @return the files' metadata; fails with {@link IllegalArgumentException} before sending when the query is
     *         invalid
     */
    public PagedFlux<EntityFile> list(EntityFileQuery query) {
        return engine.paged(
                () -> {
                    Args.notNull("query", query);
                    ApiRequest.Builder request = ApiRequest.get("/entity-files")
                            .query("person_id", OptionalArgs.positive("personId", query.personId()))
                            .query("organization_id", OptionalArgs.positive("organizationId", query.organizationId()))
                            .query("opportunity_id", OptionalArgs.positive("opportunityId", query.opportunityId()));
                    SearchParams.pageSize(request, query.pageSize());
                    return request.build();
                },
                ENTITY_FILES_PAGE,
                page -> Page.of(page.entityFiles(), page.nextPageToken().orElse(null)));
    }

    /**
     * Gets the metadata of one entity file ({@code GET /entity-files/{entity_file_id}}).
     *
     * @param entityFileId the file's id, positive
     * @return the file's metadata; fails with {@link io.affinity.client.error.NotFoundException} when there is no
     *         such file
     */
    public Mono<EntityFile> get(long entityFileId) {
        return engine.mono(
                () -> ApiRequest.get("/entity-files/{entity_file_id}")
                        .pathParam("entity_file_id", Args.positive("entityFileId", entityFileId))
                        .build(),
                ENTITY_FILE);
    }

    /**
     * Downloads the content of an entity file ({@code GET /entity-files/download/{entity_file_id}}), following the
     * redirect the API answers with. The API key is sent to the API only, never to the host it redirects to. The
     * content arrives buffer by buffer as you request it and is never held whole in memory; each buffer is yours.
     * The call is retried like other reads until the first buffer arrives; a failure after that ends the stream
     * with a {@link io.affinity.client.error.TransportException} (subscribe again to start over).
     *
     * @param entityFileId the file's id, positive
     * @return the content; fails with {@link io.affinity.client.error.NotFoundException} when there is no such file
     */
    public Flux<ByteBuffer> download(long entityFileId) {
        return engine.download(() -> ApiRequest.get("/entity-files/download/{entity_file_id}")
                .pathParam("entity_file_id", Args.positive("entityFileId", entityFileId))
                .build());
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
    public Mono<Path> downloadTo(long entityFileId, Path target) {
        return Mono.fromCallable(() -> {
                    Args.positive("entityFileId", entityFileId);
                    return Args.notNull("target", target);
                })
                .flatMap(checked -> FileTransfer.write(download(entityFileId), "target", checked));
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
     * @return completes once the server reported success; fails with
     *         {@link io.affinity.client.error.UnsuccessfulOperationException} on {@code {"success": false}}
     */
    public Mono<Void> upload(EntityFileUpload upload) {
        return Mono.fromCallable(() -> checked(upload))
                .flatMap(files -> Flux.range(0, files.size())
                        .concatMap(i -> files.get(i).path() == null
                                ? Mono.just(-1L)
                                : FileTransfer.sizeOf(
                                        "files[" + i + "]", files.get(i).path()))
                        .collectList()
                        .flatMap(sizes -> Deletion.send(engine, () -> request(upload, sizes))));
    }

    private static List<UploadFile> checked(EntityFileUpload upload) {
        Args.notNull("upload", upload);
        List<UploadFile> files = Args.notEmpty("files", new ArrayList<>(upload.files()));
        for (int i = 0; i < files.size(); i++) {
            UploadFile file = files.get(i);
            Args.check(file.hasContent(), "files[" + i + "]", "has no content (its path, bytes or stream is null)");
            Args.notBlank("files[" + i + "].filename", file.filename());
            Args.notBlank("files[" + i + "].contentType", file.contentType());
        }
        int entities = OptionalArgs.countPresent(upload.personId(), upload.organizationId(), upload.opportunityId());
        Args.check(
                entities == 1,
                "personId, organizationId, opportunityId",
                "exactly one must be set, " + entities + " were");
        OptionalArgs.positive("personId", upload.personId());
        OptionalArgs.positive("organizationId", upload.organizationId());
        OptionalArgs.positive("opportunityId", upload.opportunityId());
        return files;
    }

    private static ApiRequest request(EntityFileUpload upload, List<Long> sizes) {
        List<UploadFile> files = upload.files();
        String partName = files.size() == 1 ? "file" : "files[]";
        ApiRequest.Builder request = ApiRequest.post("/entity-files")
                .multipartField("person_id", OptionalArgs.positive("personId", upload.personId()))
                .multipartField("organization_id", OptionalArgs.positive("organizationId", upload.organizationId()))
                .multipartField("opportunity_id", OptionalArgs.positive("opportunityId", upload.opportunityId()));
        for (int i = 0; i < files.size(); i++) {
            UploadFile file = files.get(i);
            request.multipartFile(partName, file.filename(), file.contentType(), file.content(sizes.get(i)));
        }
        return request.build();
    }
}
