package io.affinity.examples.webflux;

import io.affinity.client.AffinityClient;
import io.affinity.client.error.NotFoundException;
import io.affinity.client.query.PersonSearch;
import io.affinity.model.CreatePersonRequest;
import io.affinity.model.Person;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Streams persons and counts list entries through the starter's client; the SDK's types are the JSON. */
@RestController
@RequestMapping("/api")
public class CrmController {

    private final AffinityClient affinity;

    /** @param affinity the auto-configured client */
    public CrmController(AffinityClient affinity) {
        this.affinity = affinity;
    }

    /**
     * Streams persons as newline-delimited JSON, page by page as the HTTP client reads them.
     *
     * @param term  a search term, or empty for all
     * @param limit the most persons to stream
     * @return the persons
     */
    @GetMapping(value = "/persons", produces = MediaType.APPLICATION_NDJSON_VALUE)
    public Flux<Person> persons(
            @RequestParam(defaultValue = "") String term, @RequestParam(defaultValue = "1000") long limit) {
        var search = PersonSearch.builder();
        if (!term.isBlank()) {
            search.term(term);
        }
        return affinity.persons().search(search.build()).take(limit);
    }

    /**
     * @param personId the person's id
     * @return the person
     */
    @GetMapping("/persons/{personId}")
    public Mono<Person> person(@PathVariable long personId) {
        return affinity.persons().get(personId);
    }

    /**
     * Creates a person from the SDK's own request type.
     *
     * @param request the person to create
     * @return the created person
     */
    @PostMapping("/persons")
    public Mono<Person> create(@RequestBody CreatePersonRequest request) {
        return affinity.persons().create(request);
    }

    /**
     * Counts the entries of a list, walking every page.
     *
     * @param listId the list's id
     * @return {@code {"listId": .., "entries": ..}}
     */
    @GetMapping("/lists/{listId}/entries/count")
    public Mono<Map<String, Long>> countEntries(@PathVariable long listId) {
        return affinity.listEntries().list(listId).count().map(count -> Map.of("listId", listId, "entries", count));
    }

    /**
     * @param e a 404 of the Affinity API
     * @return a 404 of this service
     */
    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<Map<String, String>> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not found in Affinity"));
    }
}
