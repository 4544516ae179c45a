package io.affinity.examples;

import io.affinity.client.blocking.AffinityBlockingClient;
import io.affinity.client.blocking.PagedIterable;
import io.affinity.client.paging.Page;
import io.affinity.client.query.PersonSearch;
import io.affinity.model.Person;
import io.affinity.model.Whoami;
import java.io.PrintStream;
import java.util.stream.Stream;

/** The same kind of reads through the blocking client: plain values, lazy paging. */
final class BlockingTour {

    private final AffinityBlockingClient client;
    private final PrintStream out;
    private final Summary summary;

    BlockingTour(AffinityBlockingClient client, PrintStream out, Summary summary) {
        this.client = client;
        this.out = out;
        this.summary = summary;
    }

    void readOnly() {
        Whoami me = client.whoami();
        out.printf("Blocking client: signed in as %s%n", me.user().email());

        PagedIterable<Person> persons =
                client.persons().search(PersonSearch.builder().pageSize(50).build());
        try (Stream<Person> firstFive = persons.stream().limit(5)) {
            firstFive.forEach(person -> out.printf(
                    "  %s %s%n",
                    person.firstName().orElse(""), person.lastName().orElse("")));
        }
        Page<Person> firstPage = persons.byPage().iterator().next();
        out.printf(
                "Blocking client: the first page holds %d persons; the next page is fetched only when asked%n",
                firstPage.items().size());
        summary.put("blocking: persons on the first page", firstPage.items().size());
    }
}
