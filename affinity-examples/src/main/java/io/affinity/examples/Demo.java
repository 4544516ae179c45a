package io.affinity.examples;

import io.affinity.client.AffinityClient;
import io.affinity.client.AffinityClientBuilder;
import io.affinity.client.blocking.AffinityBlockingClient;
import io.affinity.client.ratelimit.RateLimitOptions;
import io.affinity.client.ratelimit.RateLimiter;
import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.Dataset;
import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import reactor.core.scheduler.Schedulers;

/**
 * A tour of the SDK. With no {@code AFFINITY_API_KEY} it starts the testkit's fake API in-process with a
 * generous dataset and tours both clients, reads and writes. With {@code AFFINITY_API_KEY} set (and optionally
 * {@code AFFINITY_BASE_URL} and {@code AFFINITY_LIST_NAME}) it runs only the read-only part against that API.
 */
public final class Demo {

    /** The list the embedded tour reads. */
    static final String EMBEDDED_LIST = "Generated list 1";

    private Demo() {}

    /**
     * Runs the tour and prints its summary.
     *
     * @param args ignored; configuration comes from the environment
     */
    public static void main(String[] args) {
        Summary summary = run(System.getenv(), System.out);
        System.out.println(summary);
    }

    /**
     * @param environment where {@code AFFINITY_API_KEY}, {@code AFFINITY_BASE_URL} and {@code AFFINITY_LIST_NAME}
     *                    are read
     * @param out         where the tour prints
     * @return the figures of the tour
     */
    static Summary run(Map<String, String> environment, PrintStream out) {
        Optional<String> apiKey = setting(environment, "AFFINITY_API_KEY");
        if (apiKey.isEmpty()) {
            return embedded(out);
        }
        out.println("AFFINITY_API_KEY is set: touring the real API, reading only.");
        Summary summary = new Summary();
        AffinityClientBuilder builder = AffinityClient.builder().apiKey(apiKey.get());
        setting(environment, "AFFINITY_BASE_URL").ifPresent(builder::baseUrl);
        tour(
                builder,
                setting(environment, "AFFINITY_LIST_NAME"),
                Optional.empty(),
                OffsetDateTime.now(ZoneOffset.UTC),
                false,
                out,
                summary);
        return summary;
    }

    private static Summary embedded(PrintStream out) {
        Dataset dataset = Dataset.builder()
                .persons(2_000)
                .organizations(1_000)
                .opportunities(300)
                .lists(3, 5_000)
                .fieldValues(500)
                .notes(200)
                .reminders(100)
                .entityFiles(20)
                .interactions(3_000)
                .build();
        try (AffinityMockServer server =
                AffinityMockServer.builder().dataset(dataset).start()) {
            out.printf("No AFFINITY_API_KEY set: touring the embedded fake Affinity API at %s%n", server.baseUrl());
            Summary summary = new Summary();
            AffinityClientBuilder builder = AffinityClient.builder()
                    .apiKey(server.apiKey())
                    .baseUrl(server.baseUrl().toString());
            // the internal person takes part in every generated interaction, all dated before GENERATED_UNTIL
            tour(
                    builder,
                    Optional.of(EMBEDDED_LIST),
                    Optional.of(Dataset.PERSON_BASE),
                    Dataset.GENERATED_UNTIL.atOffset(ZoneOffset.UTC),
                    true,
                    out,
                    summary);

            Map<String, Long> windows = server.journal().requests("getInteractions").stream()
                    .collect(Collectors.groupingBy(
                            request -> request.queryParameter("start_time").orElse("?") + " .. "
                                    + request.queryParameter("end_time").orElse("?"),
                            LinkedHashMap::new,
                            Collectors.counting()));
            out.println("Interaction windows the client walked (each at most 365 days):");
            windows.forEach(
                    (window, pages) -> out.printf("  %s  (%d %s)%n", window, pages, pages == 1 ? "page" : "pages"));
            summary.put("interaction windows walked", windows.size());
            summary.put("requests received by the server", server.journal().size());
            return summary;
        }
    }

    private static void tour(
            AffinityClientBuilder builder,
            Optional<String> listName,
            Optional<Long> interactionPerson,
            OffsetDateTime interactionsUntil,
            boolean writes,
            PrintStream out,
            Summary summary) {
        CountingRateLimiter limiter =
                new CountingRateLimiter(RateLimiter.tokenBucket(RateLimitOptions.defaults(), Schedulers.parallel()));
        try (AffinityClient client = builder.rateLimiter(limiter).build()) {
            ReactiveTour reactive = new ReactiveTour(client, out, summary);
            long personId = reactive.readOnly(listName, interactionPerson, interactionsUntil);
            if (writes) {
                reactive.writes(personId);
            }
            new BlockingTour(AffinityBlockingClient.wrap(client), out, summary).readOnly();
            reactive.rateLimitSnapshot();
            summary.put("requests sent", limiter.requestsSent());
        }
    }

    private static Optional<String> setting(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }
}
