package io.affinity.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.affinity.client.error.DecodeException;
import io.affinity.client.error.PaginationException;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.check.Args;
import io.affinity.client.paging.Page;
import io.affinity.client.paging.PagedFlux;
import io.affinity.client.ratelimit.RateLimitOptions;
import io.affinity.client.ratelimit.RateLimiter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Paged calls through the engine against a 10-page WireMock dataset of {@code /lists/1/list-entries}. */
class PagingOverHttpTest {

    private static final int PAGES = 10;

    @RegisterExtension
    static final WireMockExtension server = TestSupport.newServer();

    private CountingRateLimiter limiter;
    private AffinityClient client;

    @BeforeEach
    void setUp() {
        limiter = new CountingRateLimiter(RateLimiter.tokenBucket(RateLimitOptions.defaults(), Schedulers.parallel()));
        client = TestSupport.builder(server).rateLimiter(limiter).build();
        for (int page = 0; page < PAGES; page++) {
            String next = page + 1 < PAGES ? "\"t" + (page + 1) + "\"" : "null";
            String body = "{\"list_entries\":[{\"id\":" + (page * 2) + "},{\"id\":" + (page * 2 + 1) + "}],"
                    + "\"next_page_token\":" + next + "}";
            server.stubFor(get(urlPathEqualTo("/lists/1/list-entries"))
                    .withQueryParam("page_token", page == 0 ? absent() : equalTo("t" + page))
                    .willReturn(okJson(body)));
        }
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    /** How a resource method describes a paged call. */
    private PagedFlux<Long> entries(long listId, Integer pageSize) {
        return client.engine()
                .paged(
                        () -> ApiRequest.get("/lists/{list_id}/list-entries")
                                .pathParam("list_id", Args.positive("listId", listId))
                                .query("page_size", Args.inRange("pageSize", pageSize, 1, 500))
                                .query("term", "a b")
                                .build(),
                        TestSupport.JSON,
                        PagingOverHttpTest::page);
    }

    private static Page<Long> page(JsonNode body) {
        List<Long> ids = new ArrayList<>();
        body.path("list_entries").forEach(entry -> ids.add(entry.get("id").asLong()));
        return Page.of(ids, body.path("next_page_token").textValue());
    }

    private static List<LoggedRequest> requests() {
        List<LoggedRequest> requests = new ArrayList<>(server.findAll(anyRequestedFor(anyUrl())));
        requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return requests;
    }

    @Test
    void takeOneSendsExactlyOneRequest() {
        StepVerifier.create(entries(1, 2).take(1)).expectNext(0L).verifyComplete();
        assertEquals(1, requests().size());
    }

    @Test
    void aOneAtATimeSubscriberNeverHasMoreThanOnePageFetched() {
        StepVerifier.create(entries(1, 2), 1)
                .expectNext(0L)
                .then(() -> assertEquals(1, requests().size()))
                .thenRequest(1)
                .expectNext(1L)
                .then(() -> assertEquals(1, requests().size()))
                .thenRequest(1)
                .expectNext(2L)
                .then(() -> assertEquals(2, requests().size()))
                .thenCancel()
                .verify();
    }

    @Test
    void everyPageRepeatsTheFirstRequestsParametersChangingOnlyThePageToken() {
        StepVerifier.create(entries(1, 2)).expectNextCount(2L * PAGES).verifyComplete();

        List<String> urls = requests().stream().map(LoggedRequest::getUrl).toList();
        assertEquals(PAGES, urls.size());
        assertEquals("/lists/1/list-entries?page_size=2&term=a%20b", urls.get(0));
        for (int page = 1; page < PAGES; page++) {
            assertEquals("/lists/1/list-entries?page_size=2&term=a%20b&page_token=t" + page, urls.get(page));
        }
    }

    @Test
    void pagesCanBeWalkedAndResumedFromAToken() {
        StepVerifier.create(entries(1, 2).byPage("t8"))
                .expectNext(Page.of(List.of(16L, 17L), "t9"), Page.of(List.of(18L, 19L), null))
                .verifyComplete();
    }

    @Test
    void aRepeatedTokenFailsWithThePagedCallsMethodAndPath() {
        server.stubFor(get(urlPathEqualTo("/lists/1/list-entries"))
                .withQueryParam("page_token", equalTo("t3"))
                .willReturn(okJson("{\"list_entries\":[{\"id\":99}],\"next_page_token\":\"t2\"}")));

        // the page that repeats a token is not delivered: its items may well be ones already seen
        StepVerifier.create(entries(1, 2))
                .expectNextCount(6)
                .expectErrorSatisfies(error -> {
                    PaginationException loop = assertInstanceOf(PaginationException.class, error);
                    assertEquals("t2", loop.pageToken());
                    assertEquals(
                            "GET /lists/1/list-entries: the server returned page token 't2' a second time; "
                                    + "stopping instead of looping",
                            loop.getMessage());
                })
                .verify();
        assertEquals(4, requests().size());
    }

    @Test
    void anEmptyPageWithATokenGoesOn() {
        server.stubFor(get(urlPathEqualTo("/lists/1/list-entries"))
                .withQueryParam("page_token", equalTo("t1"))
                .willReturn(okJson("{\"list_entries\":[],\"next_page_token\":\"t2\"}")));

        StepVerifier.create(entries(1, 2).take(3)).expectNext(0L, 1L, 4L).verifyComplete();
    }

    @Test
    void aPageWithoutABodyFailsTheWalkInsteadOfEndingItAsComplete() {
        server.stubFor(get(urlPathEqualTo("/lists/1/list-entries"))
                .withQueryParam("page_token", equalTo("t1"))
                .willReturn(aResponse().withStatus(200)));

        StepVerifier.create(entries(1, 2))
                .expectNext(0L, 1L)
                .expectErrorSatisfies(error -> {
                    DecodeException empty = assertInstanceOf(DecodeException.class, error);
                    assertEquals("/lists/1/list-entries", empty.path());
                })
                .verify();
    }

    @Test
    void invalidArgumentsFailBeforeAnyRequest() {
        StepVerifier.create(entries(1, 501))
                .expectErrorMessage("pageSize must be between 1 and 500, was 501")
                .verify();
        assertEquals(0, requests().size());
    }

    @Test
    void cancellingCancelsTheRequestInFlightAndGivesItsPermitBack() {
        server.stubFor(get(urlPathEqualTo("/lists/2/list-entries"))
                .willReturn(okJson("{\"list_entries\":[]}").withFixedDelay(10_000)));

        Disposable subscription = entries(2, 2).subscribe();
        TestSupport.awaitTrue(() -> requests().size() == 1);
        subscription.dispose();

        assertEquals(1, limiter.acquired.get());
        assertEquals(1, limiter.released.get());
        assertTrue(subscription.isDisposed());
    }
}
