package io.affinity.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.affinity.client.error.ErrorResponseException;
import io.affinity.client.error.PermissionDeniedException;
import io.affinity.client.ratelimit.RateLimitException;
import io.netty.buffer.Unpooled;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/**
 * Downloads and uploads over local servers the testkit cannot play: a large file generated on the fly, a redirect
 * to a second host, and a 429 that asks to retry at once.
 */
class EntityFileTransferTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int CHUNK = 64 * 1024;
    private static final int CHUNKS = 800; // 50 MiB
    private static final long SIZE = (long) CHUNK * CHUNKS;
    private static final long MIB = 1024 * 1024;

    @RegisterExtension
    static final WireMockExtension API = TestSupport.newServer();

    @RegisterExtension
    static final WireMockExtension STORAGE = TestSupport.newServer();

    @TempDir
    Path temp;

    @Test
    void aFiftyMegabyteDownloadStreamsWithoutGrowingTheHeap() {
        byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte) 7);
        DisposableServer files = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get(
                        "/entity-files/download/{id}",
                        (request, response) -> response.header("Content-Length", String.valueOf(SIZE))
                                .header("Content-Type", "application/octet-stream")
                                .send(Flux.range(0, CHUNKS).map(i -> Unpooled.wrappedBuffer(chunk)), buffer -> true)))
                .bindNow();
        try (AffinityClient client = TestSupport.builder(API)
                .baseUrl("http://127.0.0.1:" + files.port())
                .build()) {
            long before = usedHeapAfterGc();
            long[] counted = {0, 0, -1}; // bytes, bytes equal to 7, used heap halfway
            // consumed on a bounded elastic thread, one buffer at a time, where a collection may be asked for
            client.entityFiles()
                    .download(1)
                    .publishOn(Schedulers.boundedElastic(), 1)
                    .doOnNext(buffer -> {
                        counted[0] += buffer.remaining();
                        while (buffer.hasRemaining()) {
                            counted[1] += buffer.get() == 7 ? 1 : 0;
                        }
                        if (counted[2] < 0 && counted[0] >= SIZE / 2) {
                            counted[2] = usedHeapAfterGc();
                        }
                    })
                    .blockLast(TIMEOUT);
            long usedHalfway = counted[2];
            long after = usedHeapAfterGc();

            assertEquals(SIZE, counted[0]);
            assertEquals(SIZE, counted[1]);
            assertTrue(
                    usedHalfway - before < 16 * MIB,
                    "halfway through, the heap grew by " + (usedHalfway - before) / MIB
                            + " MiB (25 MiB were received)");
            assertTrue(
                    after - before < 16 * MIB,
                    "after the download, the heap grew by " + (after - before) / MIB + " MiB");
        } finally {
            files.disposeNow();
        }
    }

    @Test
    void aFiftyMegabyteDownloadGoesToAFile() throws Exception {
        byte[] chunk = new byte[CHUNK];
        for (int i = 0; i < CHUNK; i++) {
            chunk[i] = (byte) i;
        }
        DisposableServer files = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get(
                        "/entity-files/download/{id}",
                        (request, response) -> response.send(
                                Flux.range(0, CHUNKS).map(i -> Unpooled.wrappedBuffer(chunk)), buffer -> true)))
                .bindNow();
        try (AffinityClient client = TestSupport.builder(API)
                .baseUrl("http://127.0.0.1:" + files.port())
                .build()) {
            Path target = temp.resolve("big.bin");

            assertEquals(target, client.entityFiles().downloadTo(1, target).block(TIMEOUT));

            assertEquals(SIZE, Files.size(target));
            byte[] tail = new byte[CHUNK];
            try (var channel = Files.newByteChannel(target)) {
                channel.position(SIZE - CHUNK);
                channel.read(ByteBuffer.wrap(tail));
            }
            assertTrue(Arrays.equals(chunk, tail), "the last chunk arrived intact");
        } finally {
            files.disposeNow();
        }
    }

    @Test
    void theRedirectedDownloadNeverCarriesTheApiKeyToTheOtherHost() {
        String location = STORAGE.baseUrl() + "/bucket/file.png?signature=abc";
        API.stubFor(get("/entity-files/download/12345")
                .willReturn(aResponse().withStatus(302).withHeader("Location", location)));
        STORAGE.stubFor(get(urlEqualTo("/bucket/file.png?signature=abc"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "image/png")
                        .withBody("png bytes")));

        try (AffinityClient client = TestSupport.builder(API).build()) {
            assertEquals("png bytes", text(client.entityFiles().download(12345)));
        }

        API.verify(getRequestedFor(urlEqualTo("/entity-files/download/12345"))
                .withHeader("Authorization", equalTo(basic(TestSupport.API_KEY))));
        STORAGE.verify(
                getRequestedFor(urlEqualTo("/bucket/file.png?signature=abc")).withHeader("Authorization", absent()));
        List<LoggedRequest> received = STORAGE.findAll(getRequestedFor(urlEqualTo("/bucket/file.png?signature=abc")));
        assertEquals(1, received.size());
        received.get(0)
                .getHeaders()
                .all()
                .forEach(header -> assertTrue(
                        header.values().stream()
                                .noneMatch(value -> value.contains(TestSupport.API_KEY)
                                        || value.contains(
                                                basic(TestSupport.API_KEY).substring(6))),
                        "the key travels in no header: " + header));
    }

    @Test
    void aRedirectWithinTheApiKeepsTheApiKey() {
        API.stubFor(get("/entity-files/download/7")
                .willReturn(aResponse().withStatus(302).withHeader("Location", "/storage/7")));
        API.stubFor(get("/storage/7").willReturn(aResponse().withStatus(200).withBody("seven")));

        try (AffinityClient client = TestSupport.builder(API).build()) {
            assertEquals("seven", text(client.entityFiles().download(7)));
        }

        API.verify(getRequestedFor(urlEqualTo("/storage/7"))
                .withHeader("Authorization", equalTo(basic(TestSupport.API_KEY))));
    }

    @Test
    void anErrorFromTheOtherHostIsTyped() {
        API.stubFor(get("/entity-files/download/8")
                .willReturn(aResponse().withStatus(302).withHeader("Location", STORAGE.baseUrl() + "/expired")));
        STORAGE.stubFor(get("/expired").willReturn(aResponse().withStatus(403).withBody("Request has expired")));

        try (AffinityClient client = TestSupport.builder(API).build()) {
            StepVerifier.create(client.entityFiles().download(8))
                    .expectErrorSatisfies(error -> {
                        assertInstanceOf(PermissionDeniedException.class, error);
                        assertTrue(error.getMessage().contains("Request has expired"), error.getMessage());
                    })
                    .verify(TIMEOUT);
        }
    }

    @Test
    void aRedirectFromHttpsToHttpIsRefused() throws Exception {
        WireMockServer secure = new WireMockServer(
                WireMockConfiguration.wireMockConfig().dynamicPort().dynamicHttpsPort());
        secure.start();
        try {
            String clearText = STORAGE.baseUrl() + "/bucket/file.png";
            secure.stubFor(get("/entity-files/download/5")
                    .willReturn(aResponse().withStatus(302).withHeader("Location", clearText)));
            STORAGE.stubFor(get("/bucket/file.png")
                    .willReturn(aResponse().withStatus(200).withBody("clear")));
            SslContext trustAll = SslContextBuilder.forClient()
                    .trustManager(InsecureTrustManagerFactory.INSTANCE)
                    .build();
            try (AffinityClient client = TestSupport.builder(API)
                    .baseUrl("https://localhost:" + secure.httpsPort())
                    .httpClient(HttpClient.create().secure(tls -> tls.sslContext(trustAll)))
                    .build()) {
                StepVerifier.create(client.entityFiles().download(5))
                        .expectErrorSatisfies(error -> {
                            assertInstanceOf(ErrorResponseException.class, error);
                            assertTrue(error.getMessage().contains("from https to http"), error.getMessage());
                        })
                        .verify(TIMEOUT);
            }
            assertEquals(
                    1,
                    secure.findAll(getRequestedFor(urlEqualTo("/entity-files/download/5")))
                            .size());
            assertEquals(
                    0,
                    STORAGE.findAll(getRequestedFor(urlEqualTo("/bucket/file.png")))
                            .size(),
                    "nothing was fetched in clear text");
        } finally {
            secure.stop();
        }
    }

    @Test
    void redirectsEndAfterFive() {
        API.stubFor(get("/entity-files/download/9")
                .willReturn(aResponse().withStatus(302).withHeader("Location", "/entity-files/download/9")));

        try (AffinityClient client = TestSupport.builder(API).build()) {
            StepVerifier.create(client.entityFiles().download(9))
                    .expectErrorSatisfies(error -> {
                        assertInstanceOf(ErrorResponseException.class, error);
                        assertTrue(error.getMessage().contains("more than 5 redirects"), error.getMessage());
                    })
                    .verify(TIMEOUT);
        }
        assertEquals(
                6,
                API.findAll(getRequestedFor(urlEqualTo("/entity-files/download/9")))
                        .size());
    }

    @Test
    void anUploadFromDiskIsSentAgainWholeAfterA429() throws Exception {
        stubUploadRefusedOnceWith429();
        Path file = temp.resolve("deck.pdf");
        Files.writeString(file, "pdf content");

        try (AffinityClient client = TestSupport.builder(API).build()) {
            client.entityFiles()
                    .upload(EntityFileUpload.builder()
                            .file(UploadFile.of(file))
                            .personId(1)
                            .build())
                    .block(TIMEOUT);
        }

        List<LoggedRequest> uploads = API.findAll(postRequestedFor(urlEqualTo("/entity-files")));
        assertEquals(2, uploads.size());
        for (LoggedRequest upload : uploads) {
            assertTrue(
                    upload.getBodyAsString()
                            .contains("filename=\"deck.pdf\"\r\nContent-Type: "
                                    + "application/octet-stream\r\n\r\npdf content\r\n"),
                    upload.getBodyAsString());
            assertEquals(String.valueOf(upload.getBody().length), upload.getHeader("Content-Length"));
        }
    }

    @Test
    void anUploadFromAStreamIsNotSentTwice() {
        stubUploadRefusedOnceWith429();
        int[] subscriptions = {0};
        Flux<ByteBuffer> stream = Flux.defer(() -> {
            subscriptions[0]++;
            return Flux.just(ByteBuffer.wrap("streamed".getBytes(StandardCharsets.UTF_8)));
        });

        try (AffinityClient client = TestSupport.builder(API).build()) {
            StepVerifier.create(client.entityFiles()
                            .upload(EntityFileUpload.builder()
                                    .file(UploadFile.of("s.txt", stream))
                                    .personId(1)
                                    .build()))
                    .expectError(RateLimitException.class)
                    .verify(TIMEOUT);
        }

        List<LoggedRequest> uploads = API.findAll(postRequestedFor(urlEqualTo("/entity-files")));
        assertEquals(1, uploads.size(), "the stream cannot be read twice, so the upload is not retried");
        assertEquals(1, subscriptions[0]);
        assertEquals("chunked", uploads.get(0).getHeader("Transfer-Encoding"));
        assertTrue(uploads.get(0).getBodyAsString().contains("\r\n\r\nstreamed\r\n"));
    }

    private static void stubUploadRefusedOnceWith429() {
        API.stubFor(post("/entity-files")
                .inScenario("429 once")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "0")
                        .withBody("{\"message\":\"Too many requests\"}"))
                .willSetStateTo("refused"));
        API.stubFor(post("/entity-files")
                .inScenario("429 once")
                .whenScenarioStateIs("refused")
                .willReturn(okJson("{\"success\": true}")));
    }

    private static String text(Flux<ByteBuffer> content) {
        return content.map(buffer -> StandardCharsets.UTF_8.decode(buffer).toString())
                .collectList()
                .map(parts -> String.join("", parts))
                .block(TIMEOUT);
    }

    private static String basic(String apiKey) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((":" + apiKey).getBytes(StandardCharsets.UTF_8));
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
