package io.affinity.client;

import static io.affinity.client.RequestAssertions.assertOnlyRequest;
import static io.affinity.client.RequestAssertions.assertPagesRepeatTheFirstQuery;
import static io.affinity.client.RequestAssertions.assertRejectedBeforeSending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.RequestAssertions.Call;
import io.affinity.client.error.NotFoundException;
import io.affinity.client.error.TransportException;
import io.affinity.client.error.UnsuccessfulOperationException;
import io.affinity.client.query.EntityFileQuery;
import io.affinity.model.EntityFile;
import io.affinity.testkit.Dataset;
import io.affinity.testkit.Failure;
import io.affinity.testkit.RecordedRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class EntityFilesTest extends ResourceTest {

    /** What the testkit serves for every download. */
    private static final String TESTKIT_FILE = "Affinity testkit file for downloadEntityFile\n";

    private static final Pattern PART = Pattern.compile(
            "Content-Disposition: form-data; name=\"([^\"]+)\"(?:; filename=\"([^\"]*)\")?\r\n"
                    + "(?:Content-Type: ([^\r]+)\r\n)?\r\n(.*?)\r\n--",
            Pattern.DOTALL);

    @TempDir
    Path temp;

    @Test
    void listsEveryFilePageByPage() {
        server.seed(Dataset.builder().entityFiles(1_001).build());

        List<EntityFile> files = client.entityFiles().list().collectList().block(TIMEOUT);

        assertEquals(
                seededIds(Dataset.ENTITY_FILE_BASE, 1, 1_001),
                files.stream().map(EntityFile::id).toList());
        List<RecordedRequest> pages = server.journal().requests("getEntityFiles");
        assertEquals(3, pages.size(), "the server's default page size of 500");
        assertEquals(Map.of(), pages.get(0).query());
        assertPagesRepeatTheFirstQuery(pages);
    }

    @Test
    void sendsTheFiltersAndPageSizeOnEveryPage() {
        server.seed(Dataset.builder().entityFiles(30).build());

        client.entityFiles()
                .list(EntityFileQuery.builder().pageSize(10).build())
                .take(11)
                .collectList()
                .block(TIMEOUT);

        List<RecordedRequest> pages = server.journal().requests("getEntityFiles");
        assertEquals(2, pages.size(), "take(11) of pages of 10");
        assertEquals(Map.of("page_size", List.of("10")), pages.get(0).query());
        assertPagesRepeatTheFirstQuery(pages);

        server.reset();
        client.entityFiles()
                .list(EntityFileQuery.builder()
                        .personId(142)
                        .organizationId(7)
                        .opportunityId(9)
                        .pageSize(5)
                        .build())
                .take(1)
                .blockLast(TIMEOUT);
        assertOnlyRequest(
                server,
                "getEntityFiles",
                Map.of("person_id", "142", "organization_id", "7", "opportunity_id", "9", "page_size", "5"));
    }

    @Test
    void getsOneFile() {
        EntityFile file = client.entityFiles().get(43212).block(TIMEOUT);

        assertEquals(43212, file.id());
        assertEquals("GoogleFriends.csv", file.name());
        assertEquals(993, file.size());
        assertEquals(10L, file.organizationId().orElseThrow());
        assertEquals(
                "/entity-files/43212",
                assertOnlyRequest(server, "getEntityFile", Map.of()).path());
    }

    @Test
    void aMissingFileIsNotFound() {
        server.override("getEntityFile", 5, 404, "{\"errors\":[\"Entity file not found\"]}");

        StepVerifier.create(client.entityFiles().get(5))
                .expectError(NotFoundException.class)
                .verify(TIMEOUT);
    }

    @Test
    void downloadsTheContentAsBuffers() {
        String content = client.entityFiles()
                .download(12345)
                .map(buffer -> StandardCharsets.UTF_8.decode(buffer).toString())
                .collectList()
                .map(parts -> String.join("", parts))
                .block(TIMEOUT);

        assertEquals(TESTKIT_FILE, content);
        assertEquals(
                "/entity-files/download/12345",
                assertOnlyRequest(server, "downloadEntityFile", Map.of()).path());
    }

    @Test
    void downloadsIntoAFileReplacingIt() throws IOException {
        Path target = temp.resolve("file.png");
        Files.writeString(target, "an older, longer content that must disappear entirely");

        Path written = client.entityFiles().downloadTo(12345, target).block(TIMEOUT);

        assertEquals(target, written);
        assertEquals(TESTKIT_FILE, Files.readString(target));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(target), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void aFailedDownloadLeavesTheTargetUntouchedAndNoTemporaryFile() throws IOException {
        Path target = temp.resolve("file.png");
        Files.writeString(target, "before");
        server.failNext("downloadEntityFile", 1, Failure.status(404));

        StepVerifier.create(client.entityFiles().downloadTo(12345, target))
                .expectError(NotFoundException.class)
                .verify(TIMEOUT);

        assertEquals("before", Files.readString(target));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void aDownloadIsRetriedBeforeItsFirstByte() {
        server.failNext("downloadEntityFile", 1, Failure.status(503));

        assertEquals(
                TESTKIT_FILE.length(),
                client.entityFiles()
                        .download(12345)
                        .map(ByteBuffer::remaining)
                        .reduce(0, Integer::sum)
                        .block(TIMEOUT));
        assertEquals(2, server.journal().count("downloadEntityFile"));
    }

    @Test
    void uploadsOneFileFromDiskAsTheFieldFile() throws IOException {
        Path file = temp.resolve("file.txt");
        Files.writeString(file, "hello from disk");

        client.entityFiles()
                .upload(EntityFileUpload.builder()
                        .file(UploadFile.of(file).withContentType("text/plain"))
                        .personId(1)
                        .build())
                .block(TIMEOUT);

        RecordedRequest upload = assertOnlyRequest(server, "uploadEntityFiles", Map.of());
        assertEquals(
                List.of(
                        List.of("person_id", "", "", "1"),
                        List.of("file", "file.txt", "text/plain", "hello from disk")),
                parts(upload.body()));
        assertEquals(List.of(), server.violations());
    }

    @Test
    void uploadsSeveralFilesFromDiskBytesAndAStreamAsFilesArray() throws IOException {
        Path file = temp.resolve("deck.txt");
        Files.writeString(file, "x".repeat(200_000));
        Flux<ByteBuffer> stream = Flux.just("streamed ", "in ", "pieces")
                .map(text -> ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));

        client.entityFiles()
                .upload(EntityFileUpload.builder()
                        .files(List.of(
                                UploadFile.of(file),
                                UploadFile.of("notes.txt", "from memory".getBytes(StandardCharsets.UTF_8))
                                        .withContentType("text/plain"),
                                UploadFile.of("stream.txt", stream)))
                        .organizationId(64779194)
                        .build())
                .block(TIMEOUT);

        RecordedRequest upload = assertOnlyRequest(server, "uploadEntityFiles", Map.of());
        assertEquals(
                List.of(
                        List.of("organization_id", "", "", "64779194"),
                        List.of("files[]", "deck.txt", "application/octet-stream", "x".repeat(200_000)),
                        List.of("files[]", "notes.txt", "text/plain", "from memory"),
                        List.of("files[]", "stream.txt", "application/octet-stream", "streamed in pieces")),
                parts(upload.body()));
    }

    @Test
    void anUploadIsNotRetriedOnceSent() {
        server.failNext("uploadEntityFiles", 1, Failure.connectionReset());

        StepVerifier.create(client.entityFiles()
                        .upload(EntityFileUpload.builder()
                                .file(UploadFile.of("a.txt", new byte[] {1, 2, 3}))
                                .opportunityId(3)
                                .build()))
                .expectErrorSatisfies(error -> assertTrue(
                        error instanceof TransportException transport && transport.requestMayHaveBeenSent(),
                        error.toString()))
                .verify(TIMEOUT);
        assertEquals(1, server.journal().count("uploadEntityFiles"), "a POST that may have been sent is not repeated");
    }

    @Test
    void anUnsuccessfulUploadFails() {
        server.override("uploadEntityFiles", 200, "{\"success\": false}");

        StepVerifier.create(client.entityFiles()
                        .upload(EntityFileUpload.builder()
                                .file(UploadFile.of("a.txt", new byte[] {1}))
                                .personId(1)
                                .build()))
                .expectError(UnsuccessfulOperationException.class)
                .verify(TIMEOUT);
    }

    static Stream<Call> invalidCalls() {
        UploadFile file = UploadFile.of("a.txt", new byte[] {1});
        return Stream.of(
                new Call(
                        "list with page size 0",
                        c -> c.entityFiles()
                                .list(EntityFileQuery.builder().pageSize(0).build()),
                        "pageSize"),
                new Call(
                        "list with page size 501",
                        c -> c.entityFiles()
                                .list(EntityFileQuery.builder().pageSize(501).build()),
                        "pageSize"),
                new Call(
                        "list of person 0",
                        c -> c.entityFiles()
                                .list(EntityFileQuery.builder().personId(0).build()),
                        "personId"),
                new Call(
                        "list of organization -1",
                        c -> c.entityFiles()
                                .list(EntityFileQuery.builder()
                                        .organizationId(-1)
                                        .build()),
                        "organizationId"),
                new Call(
                        "list of opportunity 0",
                        c -> c.entityFiles()
                                .list(EntityFileQuery.builder().opportunityId(0).build()),
                        "opportunityId"),
                new Call("list with null query", c -> c.entityFiles().list(null), "query"),
                new Call("get 0", c -> c.entityFiles().get(0), "entityFileId"),
                new Call("download -3", c -> c.entityFiles().download(-3), "entityFileId"),
                new Call("download 0 to a file", c -> c.entityFiles().downloadTo(0, Path.of("x")), "entityFileId"),
                new Call("download to null", c -> c.entityFiles().downloadTo(1, null), "target"),
                new Call(
                        "download into a missing directory",
                        c -> c.entityFiles().downloadTo(1, Path.of("/no/such/directory/file.bin")),
                        "target"),
                new Call("upload null", c -> c.entityFiles().upload(null), "upload"),
                new Call(
                        "upload no file",
                        c -> c.entityFiles()
                                .upload(EntityFileUpload.builder().personId(1).build()),
                        "files"),
                new Call(
                        "upload a null file",
                        c -> c.entityFiles()
                                .upload(EntityFileUpload.builder()
                                        .file(null)
                                        .personId(1)
                                        .build()),
                        "files"),
                new Call(
                        "upload without entity",
                        c -> c.entityFiles()
                                .upload(EntityFileUpload.builder().file(file).build()),
                        "personId, organizationId, opportunityId"),
                new Call(
                        "upload to two entities",
                        c -> c.entityFiles()
                                .upload(EntityFileUpload.builder()
                                        .file(file)
                                        .personId(1)
                                        .organizationId(2)
                                        .build()),
                        "personId, organizationId, opportunityId"),
                new Call(
                        "upload to three entities",
                        c -> c.entityFiles()
                                .upload(EntityFileUpload.builder()
                                        .file(file)
                                        .personId(1)
                                        .organizationId(2)
                                        .opportunityId(3)
                                        .build()),
                        "personId, organizationId, opportunityId"),
                new Call(
                        "upload to person 0",
                        c -> c.entityFiles()
                                .upload(EntityFileUpload.builder()
                                        .file(file)
                                        .personId(0)
                                        .build()),
                        "personId"),
                new Call(
                        "upload to organization -5",
                        c -> c.entityFiles()
                                .upload(EntityFileUpload.builder()
                                        .file(file)
                                        .organizationId(-5)
                                        .build()),
                        "organizationId"),
                new Call(
                        "upload to opportunity 0",
                        c -> c.entityFiles()
                                .upload(EntityFileUpload.builder()
                                        .file(file)
                                        .opportunityId(0)
                                        .build()),
                        "opportunityId"),
                new Call(
                        "upload null path",
                        c -> c.entityFiles()
                                .upload(EntityFileUpload.builder()
                                        .file(UploadFile.of((Path) null))
                                        .personId(1)
                                        .build()),
                        "files[0]"),
                new Call(
                        "upload null bytes",
                        c -> c.entityFiles()
                                .upload(EntityFileUpload.builder()
                                        .file(UploadFile.of("a", (byte[]) null))
                                        .personId(1)
                                        .build()),
                        "files[0]"),
                new Call(
                        "upload null stream",
                        c -> c.entityFiles()
                                .upload(EntityFileUpload.builder()
                                        .file(file)
                                        .file(UploadFile.of("a", (Flux<ByteBuffer>) null))
                                        .personId(1)
                                        .build()),
                        "files[1]"),
                new Call(
                        "upload blank file name",
                        c -> c.entityFiles()
                                .upload(EntityFileUpload.builder()
                                        .file(UploadFile.of(" ", new byte[0]))
                                        .personId(1)
                                        .build()),
                        "files[0].filename"),
                new Call(
                        "upload blank content type",
                        c -> c.entityFiles()
                                .upload(EntityFileUpload.builder()
                                        .file(file.withContentType(""))
                                        .personId(1)
                                        .build()),
                        "files[0].contentType"),
                new Call(
                        "upload a missing file",
                        c -> c.entityFiles()
                                .upload(EntityFileUpload.builder()
                                        .file(file)
                                        .file(UploadFile.of(Path.of("/no/such/file.pdf")))
                                        .personId(1)
                                        .build()),
                        "files[1]"),
                new Call(
                        "upload a directory",
                        c -> c.entityFiles()
                                .upload(EntityFileUpload.builder()
                                        .file(UploadFile.of(Path.of(System.getProperty("java.io.tmpdir"))))
                                        .personId(1)
                                        .build()),
                        "files[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCalls")
    void rejectsInvalidArgumentsBeforeSending(Call call) {
        assertRejectedBeforeSending(server, client, call);
    }

    @Test
    void aStreamIsNotSubscribedWhenTheUploadIsRejected() {
        Flux<ByteBuffer> stream = Flux.error(new AssertionError("the stream must not be read"));

        StepVerifier.create(client.entityFiles()
                        .upload(EntityFileUpload.builder()
                                .file(UploadFile.of("s.bin", stream))
                                .build()))
                .expectError(IllegalArgumentException.class)
                .verify(TIMEOUT);
        assertFalse(server.journal().size() > 0);
    }

    /** The parts of a multipart body: name, file name, content type and content (as text). */
    private static List<List<String>> parts(String body) {
        Matcher matcher = PART.matcher(body);
        List<List<String>> parts = new java.util.ArrayList<>();
        while (matcher.find()) {
            parts.add(List.of(
                    matcher.group(1), nullToEmpty(matcher.group(2)), nullToEmpty(matcher.group(3)), matcher.group(4)));
        }
        assertTrue(body.endsWith("--\r\n"), "the body ends with the closing boundary");
        return parts;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
