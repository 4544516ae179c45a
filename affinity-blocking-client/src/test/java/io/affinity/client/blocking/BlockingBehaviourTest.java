package io.affinity.client.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.AffinityClient;
import io.affinity.client.error.NotFoundException;
import io.affinity.client.error.TransportException;
import io.affinity.client.paging.Page;
import io.affinity.client.query.PersonSearch;
import io.affinity.client.retry.RetryOptions;
import io.affinity.model.Person;
import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.Dataset;
import io.affinity.testkit.Failure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/** What only the blocking client does: laziness, unwrapped errors, timeouts, interrupts, event-loop safety. */
class BlockingBehaviourTest {

    private static final int PERSONS = 100;
    private static AffinityMockServer server;
    private AffinityBlockingClient client;

    @BeforeAll
    static void start() {
        server = AffinityMockServer.builder().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void seed() {
        server.reset();
        server.seed(Dataset.builder().persons(PERSONS).build());
        client = builder().build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static AffinityBlockingClientBuilder builder() {
        return AffinityBlockingClient.builder()
                .apiKey(server.apiKey())
                .baseUrl(server.baseUrl().toString())
                .retryOptions(RetryOptions.disabled());
    }

    private static PersonSearch pagesOfTen() {
        return PersonSearch.builder().pageSize(10).build();
    }

    @Test
    void iteratingTheFirstThreeItemsOfTenPagesSendsOneRequest() {
        Iterator<Person> persons = client.persons().search(pagesOfTen()).iterator();
        for (int i = 1; i <= 3; i++) {
            assertTrue(persons.hasNext());
            assertEquals(Dataset.PERSON_BASE + i, persons.next().id());
        }
        assertEquals(1, server.journal().count("searchPersons"));
    }

    @Test
    void theNextPageIsFetchedOnlyInsideHasNextWhenTheItemsRunOut() {
        Iterator<Person> persons = client.persons().search(pagesOfTen()).iterator();
        for (int i = 0; i < 10; i++) {
            persons.next();
        }
        assertEquals(1, server.journal().count("searchPersons"), "ten items come from the first page");
        assertTrue(persons.hasNext());
        assertEquals(2, server.journal().count("searchPersons"));
    }

    @Test
    void aStreamClosedEarlySendsNoMoreRequests() {
        try (Stream<Person> persons = client.persons().search(pagesOfTen()).stream()) {
            assertEquals(15, persons.limit(15).count());
        }
        assertEquals(2, server.journal().count("searchPersons"));
    }

    @Test
    void pagesCanBeWalkedAndResumedFromAToken() {
        PagedIterable<Person> search = client.persons().search(pagesOfTen());
        Page<Person> first = search.byPage().iterator().next();
        assertEquals(10, first.items().size());
        String token = first.nextPageToken().orElseThrow();
        List<Long> rest = new ArrayList<>();
        for (Page<Person> page : search.byPage(token)) {
            page.items().forEach(p -> rest.add(p.id()));
        }
        assertEquals(PERSONS - 10, rest.size());
        assertEquals(Dataset.PERSON_BASE + 11, rest.get(0));
        assertThrows(IllegalArgumentException.class, () -> search.byPage(" "));
    }

    @Test
    void failuresAreTheReactiveTypesUnwrappedWithTheCallersStack() {
        NotFoundException missing =
                assertThrows(NotFoundException.class, () -> client.persons().get(Dataset.PERSON_BASE + 999));
        assertTrue(
                Arrays.stream(missing.getSuppressed())
                        .anyMatch(suppressed -> Arrays.stream(suppressed.getStackTrace())
                                .anyMatch(frame ->
                                        frame.getClassName().equals(getClass().getName()))),
                "the caller's stack is attached");
    }

    @Test
    void aBadArgumentIsAnIllegalArgumentExceptionAndNothingIsSent() {
        IllegalArgumentException bad = assertThrows(
                IllegalArgumentException.class, () -> client.persons().get(-1));
        assertTrue(bad.getMessage().contains("personId"), bad.getMessage());
        assertEquals(0, server.journal().size());
    }

    @Test
    void onANonBlockingThreadACallFailsAtOnceInsteadOfDeadlocking() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CompletableFuture<Void> done = client.reactive()
                .whoami()
                .doOnNext(me -> {
                    try {
                        client.whoami();
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                })
                .then()
                .toFuture();
        done.get(10, TimeUnit.SECONDS);
        IllegalStateException refused = assertInstanceOf(IllegalStateException.class, failure.get());
        assertTrue(refused.getMessage().contains("non-blocking thread"), refused.getMessage());
        assertEquals(1, server.journal().count("getWhoami"), "the refused call sent nothing");
    }

    @Test
    void interruptingAWaitingThreadCancelsTheCall() throws Exception {
        server.failNext("getWhoami", 1, Failure.delayedHeaders(Duration.ofSeconds(30)));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> interruptKept = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                client.whoami();
            } catch (Throwable t) {
                failure.set(t);
                interruptKept.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        awaitRequests("getWhoami", 1);
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(10));
        assertInstanceOf(CancellationException.class, failure.get());
        assertEquals(Boolean.TRUE, interruptKept.get());
    }

    @Test
    void aCallLongerThanTheCallTimeoutFailsWithATimeout() throws Exception {
        server.failNext("getWhoami", 1, Failure.delayedHeaders(Duration.ofSeconds(30)));
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        try (AffinityBlockingClient timed = builder().scheduler(time).build()) {
            CompletableFuture<Object> call = CompletableFuture.supplyAsync(timed::whoami);
            awaitRequests("getWhoami", 1);
            time.advanceTimeBy(AffinityBlockingClientBuilder.DEFAULT_CALL_TIMEOUT);
            Throwable failure = assertThrows(Exception.class, () -> call.get(10, TimeUnit.SECONDS))
                    .getCause();
            TransportException timeout = assertInstanceOf(TransportException.class, failure);
            assertEquals(TransportException.Kind.TIMEOUT, timeout.kind());
        }
    }

    @Test
    void wrappingSharesTheReactiveClient() {
        try (AffinityClient reactive = AffinityClient.builder()
                .apiKey(server.apiKey())
                .baseUrl(server.baseUrl().toString())
                .build()) {
            AffinityBlockingClient blocking = AffinityBlockingClient.wrap(reactive);
            assertNotNull(blocking.whoami());
            assertNotNull(blocking.rateLimitSnapshot());
            assertTrue(blocking.reactive() == reactive);
            assertTrue(blocking.toString().startsWith("AffinityBlockingClient{"));
            assertTrue(!blocking.toString().contains(server.apiKey()));
        }
    }

    /** Waits (bounded) until the server has received the requests, so that the call is known to be in flight. */
    private static void awaitRequests(String operationId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.journal().count(operationId) < count) {
            assertTrue(System.nanoTime() < deadline, "the request never reached the server");
            Thread.sleep(5);
        }
    }
}
