package io.affinity.client.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.AffinityClient;
import io.affinity.client.error.NotFoundException;
import io.affinity.client.error.ServerException;
import io.affinity.client.query.PersonSearch;
import io.affinity.client.ratelimit.RateLimitException;
import io.affinity.client.ratelimit.RateLimitOptions;
import io.affinity.client.retry.RetryOptions;
import io.affinity.model.Person;
import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.Dataset;
import io.affinity.testkit.Failure;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client scenarios, written once against {@link Calls} and run through both the reactive and the blocking
 * client against the testkit: results, errors, rate limiting and paging behave the same.
 */
class ClientScenariosTest {

    /** What a scenario does, in the terms both clients share. */
    interface Calls {
        Person person(long personId);

        /** The ids of the first {@code count} persons of a search with the given page size. */
        List<Long> firstPersonIds(int pageSize, int count);

        /** The ids of all persons of a search with the given page size. */
        List<Long> allPersonIds(int pageSize);
    }

    /** A way to build {@link Calls} over a client, named for the test report. */
    record Flavour(String name, java.util.function.Function<AffinityClient, Calls> calls) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Flavour> flavours() {
        return Stream.of(
                new Flavour("reactive", client -> new Calls() {
                    public Person person(long personId) {
                        return client.persons().get(personId).block();
                    }

                    public List<Long> firstPersonIds(int pageSize, int count) {
                        return client.persons()
                                .search(search(pageSize))
                                .take(count)
                                .map(Person::id)
                                .collectList()
                                .block();
                    }

                    public List<Long> allPersonIds(int pageSize) {
                        return client.persons()
                                .search(search(pageSize))
                                .map(Person::id)
                                .collectList()
                                .block();
                    }
                }),
                new Flavour("blocking", client -> {
                    AffinityBlockingClient blocking = AffinityBlockingClient.wrap(client);
                    return new Calls() {
                        public Person person(long personId) {
                            return blocking.persons().get(personId);
                        }

                        public List<Long> firstPersonIds(int pageSize, int count) {
                            try (Stream<Person> persons = blocking.persons().search(search(pageSize)).stream()) {
                                return persons.limit(count).map(Person::id).toList();
                            }
                        }

                        public List<Long> allPersonIds(int pageSize) {
                            return blocking.persons().search(search(pageSize)).stream()
                                    .map(Person::id)
                                    .toList();
                        }
                    };
                }));
    }

    private static final int PERSONS = 100;
    private static AffinityMockServer server;

    @BeforeAll
    static void start() {
        server = AffinityMockServer.builder().perMinuteLimit(1_000).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
        server.seed(Dataset.builder().persons(PERSONS).build());
    }

    private static PersonSearch search(int pageSize) {
        return PersonSearch.builder().pageSize(pageSize).build();
    }

    private static void withCalls(Flavour flavour, Consumer<Calls> scenario) {
        withCalls(flavour, RateLimitOptions.defaults(), scenario);
    }

    private static void withCalls(Flavour flavour, RateLimitOptions limits, Consumer<Calls> scenario) {
        try (AffinityClient client = AffinityClient.builder()
                .apiKey(server.apiKey())
                .baseUrl(server.baseUrl().toString())
                .retryOptions(RetryOptions.builder()
                        .baseDelay(Duration.ZERO)
                        .maxDelay(Duration.ZERO)
                        .build())
                .rateLimitOptions(limits)
                .build()) {
            scenario.accept(flavour.calls().apply(client));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void aPersonIsReadAndDecoded(Flavour flavour) {
        withCalls(flavour, calls -> {
            Person person = calls.person(Dataset.PERSON_BASE + 7);
            assertEquals(Dataset.PERSON_BASE + 7, person.id());
            assertEquals(1, server.journal().count("getPerson"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void aMissingPersonIsANotFoundException(Flavour flavour) {
        withCalls(flavour, calls -> {
            NotFoundException missing =
                    assertThrows(NotFoundException.class, () -> calls.person(Dataset.PERSON_BASE + 999));
            assertEquals(404, missing.statusCode().getAsInt());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void aBadArgumentFailsBeforeAnythingIsSent(Flavour flavour) {
        withCalls(flavour, calls -> {
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> calls.person(0));
            assertTrue(bad.getMessage().contains("personId"), bad.getMessage());
            assertEquals(0, server.journal().size());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void aServerErrorOnAGetIsRetriedThenSucceeds(Flavour flavour) {
        server.failNext("getPerson", 2, Failure.status(503));
        withCalls(flavour, calls -> {
            assertEquals(
                    Dataset.PERSON_BASE + 1,
                    calls.person(Dataset.PERSON_BASE + 1).id());
            assertEquals(3, server.journal().count("getPerson"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void aServerErrorThatOutlastsTheRetriesIsAServerException(Flavour flavour) {
        server.failNext("getPerson", 10, Failure.status(500));
        withCalls(flavour, calls -> assertThrows(ServerException.class, () -> calls.person(Dataset.PERSON_BASE + 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void aRateLimitLongerThanTheMaximumWaitIsARateLimitException(Flavour flavour) {
        server.failNext("getPerson", 1, Failure.status(429));
        // the testkit asks for a wait of at least a second: longer than this client may wait
        RateLimitOptions noWaiting =
                RateLimitOptions.builder().maxWait(Duration.ofMillis(500)).build();
        withCalls(flavour, noWaiting, calls -> {
            RateLimitException limited =
                    assertThrows(RateLimitException.class, () -> calls.person(Dataset.PERSON_BASE + 1));
            assertEquals(429, limited.statusCode().getAsInt());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void takingThreeItemsOfATenPageResultSendsOneRequest(Flavour flavour) {
        withCalls(flavour, calls -> {
            assertEquals(
                    List.of(Dataset.PERSON_BASE + 1, Dataset.PERSON_BASE + 2, Dataset.PERSON_BASE + 3),
                    calls.firstPersonIds(10, 3));
            assertEquals(1, server.journal().count("searchPersons"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void walkingAllPagesReturnsEveryItemOnce(Flavour flavour) {
        withCalls(flavour, calls -> {
            List<Long> ids = calls.allPersonIds(10);
            assertEquals(PERSONS, ids.size());
            assertEquals(PERSONS, ids.stream().distinct().count());
            assertEquals(10, server.journal().count("searchPersons"));
        });
    }
}
