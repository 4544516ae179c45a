package io.affinity.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.affinity.client.paging.CursorPage;
import io.affinity.client.paging.CursorPageFetcher;
import io.affinity.client.paging.CursorPagedFlux;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

/**
 * The paging core over the two other schemes, against WireMock stubs of two other vendors' interaction APIs as
 * their references describe them (test-only: the SDK stays an Affinity SDK). LIPS {@code /contact_interactions}
 * pages by {@code page}/{@code per_page} and answers {@code page} and {@code total_pages}; Polis
 * {@code /v2/interactions} pages by {@code skip}/{@code limit} and says nothing about the total. Each is walked
 * by a small fetcher on Reactor Netty and Jackson over real HTTP; the WireMock journal shows what was sent.
 */
class OtherVendorPagingTest {

    private static final String ADVERTISER = "USA_1";
    private static final String CAMPAIGN = "61fbfbaa-5de8-4d17-ac2b-c47f2376265a";
    private static final String LIPS_PATH = "/contact_interactions";
    private static final String POLIS_PATH = "/v2/interactions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig()
                    .bindAddress("127.0.0.1")
                    .dynamicPort())
            .build();

    private final HttpClient http =
            HttpClient.create(ConnectionProvider.newConnection()).baseUrl(server.baseUrl());

    /** One LIPS contact interaction, the fields this test reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record LipsInteraction(
            long id,
            @JsonProperty("campaign_name") String campaignName,
            @JsonProperty("event_type") String eventType,
            @JsonProperty("occurred_at") String occurredAt) {}

    /** One LIPS index page. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record LipsPage(
            @JsonProperty("contact_interactions") List<LipsInteraction> interactions,
            int page,
            @JsonProperty("total_pages") int totalPages,
            @JsonProperty("per_page") int perPage) {}

    /** One Polis interaction, the fields this test reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PolisInteraction(String id, String customerId, String securityGroupId, PolisData data) {}

    /** The {@code data} of a Polis interaction. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PolisData(String campaignId, String contactId, String timestamp, boolean unavailable) {}

    /** One Polis list page. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PolisPage(List<PolisInteraction> data, Map<String, Object> meta) {}

    /** Sends one GET and decodes its JSON body; any status but 200 fails the Mono with the status and body. */
    private <R> Mono<R> getJson(String uri, String authorization, Class<R> type) {
        return http.headers(headers -> headers.set("Authorization", authorization))
                .get()
                .uri(uri)
                .responseSingle((response, body) -> body.asByteArray()
                        .defaultIfEmpty(new byte[0])
                        .flatMap(bytes -> response.status().code() == 200
                                ? Mono.just(read(bytes, type))
                                : Mono.error(new IllegalStateException(response.status() + " for " + uri + ": "
                                        + new String(bytes, StandardCharsets.UTF_8)))));
    }

    private static <R> R read(byte[] bytes, Class<R> type) {
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** LIPS: page 1 first, then the page after the one the body names, while it is below {@code total_pages}. */
    private CursorPageFetcher<Integer, LipsInteraction> lipsPages(int perPage) {
        return page -> getJson(
                        LIPS_PATH + "?global_master_advertiser_id=" + encode(ADVERTISER) + "&page=" + page
                                + "&per_page=" + perPage,
                        "token lips-secret",
                        LipsPage.class)
                .map(body -> CursorPage.ofPageNumber(body.interactions(), body.page(), body.totalPages()));
    }

    private CursorPagedFlux<Integer, LipsInteraction> lips(int perPage) {
        return CursorPagedFlux.of(1, lipsPages(perPage));
    }

    /** Polis: offset 0 first, then the offset after the page's items, until a short page. */
    private CursorPageFetcher<Long, PolisInteraction> polisPages(int limit) {
        return skip -> getJson(
                        POLIS_PATH + "?" + encode("filter[/data/campaignId]") + "=" + encode(CAMPAIGN) + "&skip=" + skip
                                + "&limit=" + limit + "&sort=" + encode("/data/id") + "&sort=ASC",
                        "Bearer polis-secret",
                        PolisPage.class)
                .map(body -> CursorPage.ofOffset(body.data(), skip, limit));
    }

    private CursorPagedFlux<Long, PolisInteraction> polis(int limit) {
        return CursorPagedFlux.of(0L, polisPages(limit));
    }

    private static String lipsInteraction(int id) {
        // newest first, as LIPS sorts by occurred_at DESC
        String occurredAt = Instant.parse("2021-09-06T16:16:08Z")
                .minus(Duration.ofHours(id))
                .toString();
        return """
                {"id": %d, "campaign_name": "LSS Test Campaign", "global_master_campaign_id": "USA_3115232",
                 "sub_type": "Call", "channel": "search", "referrer_type": "UNKNOWN", "referrer_source": "PAID",
                 "influencing_campaign": "", "occurred_at": "%s", "external_source": "capture",
                 "event_type": "CallEvent", "page_url": "www.example.com",
                 "contact": {"first_name": "Tinisha", "last_name": "Champlin", "display_name": "Tinisha Champlin",
                   "email": "cameron@kshlerin-anderson.example",
                   "phone_numbers": [{"phone_type": "work", "phone_number": "+19893643647 x241"}]},
                 "call": {"recording_url": "http://example.com/%d.mp3"}}""".formatted(id, occurredAt, id);
    }

    private static String lipsBody(List<Integer> ids, int page, int totalPages, int perPage) {
        StringBuilder items = new StringBuilder();
        for (int id : ids) {
            items.append(items.length() == 0 ? "" : ",").append(lipsInteraction(id));
        }
        return "{\"contact_interactions\": [" + items + "], \"page\": " + page + ", \"total_pages\": " + totalPages
                + ", \"per_page\": " + perPage + "}";
    }

    private static void stubLipsPage(int page, int perPage, String body) {
        server.stubFor(get(urlPathEqualTo(LIPS_PATH))
                .withHeader("Authorization", equalTo("token lips-secret"))
                .withQueryParam("global_master_advertiser_id", equalTo(ADVERTISER))
                .withQueryParam("page", equalTo(Integer.toString(page)))
                .withQueryParam("per_page", equalTo(Integer.toString(perPage)))
                .willReturn(okJson(body)));
    }

    /** Interactions 1..total, {@code perPage} to a page, as LIPS serves them. */
    private static void lipsDataset(int total, int perPage) {
        int totalPages = (total + perPage - 1) / perPage;
        for (int page = 1; page <= totalPages; page++) {
            int from = (page - 1) * perPage + 1;
            List<Integer> ids = IntStream.rangeClosed(from, Math.min(total, from + perPage - 1))
                    .boxed()
                    .toList();
            stubLipsPage(page, perPage, lipsBody(ids, page, totalPages, perPage));
        }
    }

    private static String polisId(int index) {
        return UUID.nameUUIDFromBytes(("interaction " + index).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String polisInteraction(int index) {
        return """
                {"id": "%s",
                 "data": {"survey": {"surveyId": "375d437b-3b47-4940-b43d-be8daec4afff", "responses": {
                     "9826940d-76a8-4700-8c92-5743ce7bb728": {"fields": {"available": "false"},
                       "questionId": "9826940d-76a8-4700-8c92-5743ce7bb728"}}},
                   "distance": 936.2361, "location": {"lat": 33.43, "lng": -84.18, "confidence": 0},
                   "contactId": "0478dbbf-b6eb-4168-afa9-5ebab6fef4b6", "timestamp": "2018-07-17T18:40:%02d.526Z",
                   "campaignId": "%s", "successful": true,
                   "householdId": "c15e3515-aabf-42da-8d1b-31679f738eae", "unavailable": %b,
                   "unavailableReason": "Come Back", "contactHouseholdId": "d070b1dc-9611-4f29-9300-a32160d21baa"},
                 "meta": {"etag": "47a-h6vIm4ttg8qp/cFMmsY+JtWtBsc", "created": "2019-04-22T19:43:06.475Z",
                   "modified": "2019-04-22T19:43:06.475Z", "resource": "interactions",
                   "createdBy": "0651e380-d556-49bd-acdd-2bd813b16430", "isDeleted": false,
                   "modifiedBy": "0651e380-d556-49bd-acdd-2bd813b16430"},
                 "customerId": "cfa8df1b-baf1-446b-b06c-3177063faed7",
                 "securityGroupId": "e822d07f-5972-4ff2-bc75-dbd68d6d79bf"}""".formatted(polisId(index), index % 60, CAMPAIGN, index % 2 == 0);
    }

    /** Polis's answers to {@code skip}/{@code limit} over interactions 0..total-1, for every offset a walk asks. */
    private static void polisDataset(int total, int limit, Duration delay) {
        for (int skip = 0; skip <= total; skip += limit) {
            StringBuilder items = new StringBuilder();
            for (int index = skip; index < Math.min(total, skip + limit); index++) {
                items.append(items.length() == 0 ? "" : ",").append(polisInteraction(index));
            }
            server.stubFor(get(urlPathEqualTo(POLIS_PATH))
                    .withHeader("Authorization", equalTo("Bearer polis-secret"))
                    .withQueryParam("filter[/data/campaignId]", equalTo(CAMPAIGN))
                    .withQueryParam("skip", equalTo(Integer.toString(skip)))
                    .withQueryParam("limit", equalTo(Integer.toString(limit)))
                    .withQueryParam("sort", havingExactly("/data/id", "ASC"))
                    .willReturn(okJson("{\"data\": [" + items + "], \"meta\": {}}")
                            .withFixedDelay((int) delay.toMillis())));
        }
    }

    /** The requests the server received, oldest first. */
    private static List<LoggedRequest> requests() {
        List<LoggedRequest> requests = new ArrayList<>(server.findAll(getRequestedFor(urlPathEqualTo(LIPS_PATH))));
        requests.addAll(server.findAll(getRequestedFor(urlPathEqualTo(POLIS_PATH))));
        requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return requests;
    }

    /** The values of a query parameter in the requests that have it, oldest first. */
    private static List<String> queryValues(String name) {
        return requests().stream()
                .filter(request -> request.queryParameter(name).isPresent())
                .map(request -> request.queryParameter(name).firstValue())
                .toList();
    }

    @Test
    void lipsPagesAreWalkedByPageNumberUntilTotalPagesInServerOrder() {
        lipsDataset(8, 3);

        StepVerifier.create(lips(3).map(LipsInteraction::id))
                .expectNext(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L)
                .verifyComplete();

        assertEquals(List.of("1", "2", "3"), queryValues("page"), "page 3 of 3 is the last");
        assertEquals(List.of("3", "3", "3"), queryValues("per_page"));
        assertEquals(List.of(ADVERTISER, ADVERTISER, ADVERTISER), queryValues("global_master_advertiser_id"));
    }

    @Test
    void lipsItemsDecodeFromTheReferenceShape() {
        lipsDataset(1, 25);

        StepVerifier.create(lips(25))
                .expectNext(new LipsInteraction(1, "LSS Test Campaign", "CallEvent", "2021-09-06T15:16:08Z"))
                .verifyComplete();
    }

    @Test
    void polisPagesAreWalkedByOffsetUntilAShortPageInServerOrder() {
        polisDataset(8, 3, Duration.ZERO);

        StepVerifier.create(polis(3).map(PolisInteraction::id))
                .expectNextSequence(IntStream.range(0, 8)
                        .mapToObj(OtherVendorPagingTest::polisId)
                        .toList())
                .verifyComplete();

        assertEquals(List.of("0", "3", "6"), queryValues("skip"), "the page at 6 holds 2 of 3: the last");
        assertEquals(List.of("3", "3", "3"), queryValues("limit"));
    }

    @Test
    void polisItemsDecodeFromTheReferenceShape() {
        polisDataset(1, 5, Duration.ZERO);

        StepVerifier.create(polis(5))
                .assertNext(interaction -> {
                    assertEquals(polisId(0), interaction.id());
                    assertEquals("cfa8df1b-baf1-446b-b06c-3177063faed7", interaction.customerId());
                    assertEquals(CAMPAIGN, interaction.data().campaignId());
                    assertEquals("2018-07-17T18:40:00.526Z", interaction.data().timestamp());
                    assertTrue(interaction.data().unavailable());
                })
                .verifyComplete();
    }

    @Test
    void aPolisSourceThatIsAMultipleOfTheLimitEndsAtTheEmptyPageAfterIt() {
        polisDataset(6, 3, Duration.ZERO);

        StepVerifier.create(polis(3)).expectNextCount(6).verifyComplete();

        assertEquals(List.of("0", "3", "6"), queryValues("skip"));
    }

    @Test
    void anEmptyPolisSourceIsOneRequest() {
        polisDataset(0, 3, Duration.ZERO);

        StepVerifier.create(polis(3)).verifyComplete();

        assertEquals(1, requests().size());
    }

    @Test
    void lipsDemandDrivesEveryRequest() {
        lipsDataset(8, 3);

        StepVerifier.create(lips(3).map(LipsInteraction::id), 0)
                .expectSubscription()
                .then(() -> assertEquals(0, requests().size(), "nothing before demand"))
                .thenRequest(1)
                .expectNext(1L)
                .then(() -> assertEquals(1, requests().size(), "request(1) sends one request"))
                .thenRequest(2)
                .expectNext(2L, 3L)
                .then(() -> assertEquals(1, requests().size(), "the first page's items are in hand"))
                .thenRequest(1)
                .expectNext(4L)
                .then(() -> assertEquals(List.of("1", "2"), queryValues("page")))
                .thenCancel()
                .verify();

        assertEquals(2, requests().size(), "nothing after the cancel");
    }

    @Test
    void polisDemandDrivesEveryRequest() {
        polisDataset(8, 3, Duration.ZERO);

        StepVerifier.create(polis(3).byPage(), 0)
                .expectSubscription()
                .then(() -> assertEquals(0, requests().size(), "nothing before demand"))
                .thenRequest(1)
                .assertNext(page -> assertEquals(3L, page.nextCursor().orElseThrow()))
                .then(() -> assertEquals(List.of("0"), queryValues("skip"), "request(1) sends one request"))
                .thenRequest(1)
                .assertNext(page -> assertEquals(6L, page.nextCursor().orElseThrow()))
                .then(() -> assertEquals(List.of("0", "3"), queryValues("skip")))
                .thenCancel()
                .verify();

        assertEquals(2, requests().size(), "nothing after the cancel");
    }

    @Test
    void aWalkResumesFromASavedCursor() {
        lipsDataset(8, 3);
        polisDataset(8, 3, Duration.ZERO);

        StepVerifier.create(lips(3).byPage(3).flatMapIterable(CursorPage::items))
                .expectNextMatches(interaction -> interaction.id() == 7)
                .expectNextMatches(interaction -> interaction.id() == 8)
                .verifyComplete();
        StepVerifier.create(polis(3).byPage(3L).map(page -> page.items().size()))
                .expectNext(3, 2)
                .verifyComplete();

        assertEquals(List.of("3"), queryValues("page"));
    }

    /** In flight: from the fetch's subscription until its page has arrived (the whole response is read by then). */
    @Test
    void oneHttpRequestIsInFlightAtATimeUnderUnboundedDemand() {
        polisDataset(20, 2, Duration.ofMillis(20));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        CursorPageFetcher<Long, PolisInteraction> pages = polisPages(2);
        CursorPagedFlux<Long, PolisInteraction> walk = CursorPagedFlux.of(
                0L,
                skip -> pages.fetch(skip)
                        .doOnSubscribe(s -> mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max))
                        .doOnNext(page -> inFlight.decrementAndGet()));

        StepVerifier.create(walk).expectNextCount(20).verifyComplete();

        assertEquals(1, mostInFlight.get());
        assertEquals(11, requests().size(), "ten full pages and the empty one after them, nothing ahead");
    }

    @Test
    void aServerThatAnswersTheSamePageAgainFailsTheWalkInsteadOfLooping() {
        lipsDataset(8, 3);
        // the server ignores page=2 and answers page 1 again, so the page after it is page 2 once more
        stubLipsPage(2, 3, lipsBody(List.of(1, 2, 3), 1, 3, 3));

        StepVerifier.create(lips(3).map(LipsInteraction::id))
                .expectNext(1L, 2L, 3L)
                .expectErrorSatisfies(error -> {
                    assertInstanceOf(IllegalStateException.class, error);
                    assertEquals("page cursor '2' was named a second time", error.getMessage());
                })
                .verify();

        assertEquals(List.of("1", "2"), queryValues("page"));
    }

    @Test
    void endlessEmptyPagesFailTheWalkAfterTheLimit() {
        for (int page = 1; page <= 10; page++) {
            stubLipsPage(page, 3, lipsBody(List.of(), page, 1_000_000, 3));
        }

        StepVerifier.create(CursorPagedFlux.of(1, lipsPages(3), 3))
                .expectErrorMessage("4 empty pages in a row, each naming a next page")
                .verify();

        assertEquals(List.of("1", "2", "3", "4"), queryValues("page"));
    }

    @Test
    void cancellingCancelsTheRequestInFlightAndSendsNothingMore() {
        polisDataset(8, 3, Duration.ZERO);
        server.stubFor(get(urlPathEqualTo(POLIS_PATH))
                .withQueryParam("skip", equalTo("3"))
                .willReturn(okJson("{\"data\": [], \"meta\": {}}").withFixedDelay(10_000)));
        AtomicInteger cancelled = new AtomicInteger();
        CursorPageFetcher<Long, PolisInteraction> pages = polisPages(3);

        Disposable walk = CursorPagedFlux.of(0L, skip -> pages.fetch(skip).doOnCancel(cancelled::incrementAndGet))
                .subscribe();
        TestSupport.awaitTrue(() -> requests().size() == 2);
        walk.dispose();

        assertEquals(1, cancelled.get(), "the request in flight was cancelled");
        assertEquals(List.of("0", "3"), queryValues("skip"));
    }
}
