package io.affinity.client;

import com.fasterxml.jackson.core.type.TypeReference;
import io.affinity.client.internal.ApiEngine;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.ResponseType;
import io.affinity.client.internal.check.Args;
import io.affinity.client.paging.Page;
import io.affinity.client.paging.PagedFlux;
import io.affinity.client.query.PersonGetOptions;
import io.affinity.client.query.PersonSearch;
import io.affinity.model.CreatePersonRequest;
import io.affinity.model.Field;
import io.affinity.model.Person;
import io.affinity.model.UpdatePersonRequest;
import io.affinity.model.wire.PersonsPage;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The persons of your team ({@code /persons}). Reached with {@link AffinityClient#persons()}. Argument errors fail
 * the returned publisher with an {@link IllegalArgumentException} naming the parameter before anything is sent;
 * call failures arrive as {@link io.affinity.client.error.AffinityException}s.
 */
public final class Persons {

    private static final ResponseType<PersonsPage> PAGE = ResponseType.of(PersonsPage.class);
    private static final ResponseType<Person> PERSON = ResponseType.of(Person.class);
    private static final ResponseType<List<Field>> FIELDS = ResponseType.of(new TypeReference<>() {});

    private final ApiEngine engine;

    Persons(ApiEngine engine) {
        this.engine = engine;
    }

    /**
     * Searches persons: {@code GET /persons} with the parameters set in {@code search}, then the same with
     * {@code page_token}. The persons found carry neither {@code organization_ids} nor {@code list_entries}.
     *
     * @param search the search; see {@link PersonSearch} for its rules
     * @return the persons, fetched page by page as they are requested
     */
    public PagedFlux<Person> search(PersonSearch search) {
        return engine.paged(
                () -> {
                    Args.notNull("search", search);
                    ApiRequest.Builder request = ApiRequest.get("/persons");
                    SearchParams.term(request, search.term());
                    SearchParams.interactionFlags(
                            request, search.withInteractionDates(), search.withInteractionPersons());
                    request.query(
                            "with_opportunities", search.withOpportunities().orElse(null));
                    request.query(
                            "with_current_organizations",
                            search.withCurrentOrganizations().orElse(null));
                    SearchParams.interactionDates(request, search);
                    SearchParams.pageSize(request, search.pageSize());
                    return request.build();
                },
                PAGE,
                page -> Page.of(page.persons(), page.nextPageToken().orElse(null)));
    }

    /**
     * One person with its organization ids and list entries: {@code GET /persons/{person_id}}.
     *
     * @param personId the person id, positive
     * @return the person; fails with {@link io.affinity.client.error.NotFoundException} when it does not exist
     */
    public Mono<Person> get(long personId) {
        return get(personId, PersonGetOptions.builder().build());
    }

    /**
     * One person, with the optional data the flags ask for: {@code GET /persons/{person_id}?with_...}.
     *
     * @param personId the person id, positive
     * @param options  the flags; see {@link PersonGetOptions} for its rules
     * @return the person; fails with {@link io.affinity.client.error.NotFoundException} when it does not exist
     */
    public Mono<Person> get(long personId, PersonGetOptions options) {
        return engine.mono(
                () -> {
                    ApiRequest.Builder request = ApiRequest.get("/persons/{person_id}")
                            .pathParam("person_id", Args.positive("personId", personId));
                    Args.notNull("options", options);
                    SearchParams.interactionFlags(
                            request, options.withInteractionDates(), options.withInteractionPersons());
                    request.query(
                            "with_opportunities", options.withOpportunities().orElse(null));
                    request.query(
                            "with_current_organizations",
                            options.withCurrentOrganizations().orElse(null));
                    return request.build();
                },
                PERSON);
    }

    /**
     * Creates a person: {@code POST /persons}.
     *
     * @param request the person; first and last name must not be blank, no email may be blank, organization ids
     *                must be positive
     * @return the created person; fails with {@link io.affinity.client.error.ValidationException} when, for
     *         example, an email belongs to another person
     */
    public Mono<Person> create(CreatePersonRequest request) {
        return engine.mono(
                () -> {
                    Args.notNull("request", request);
                    Args.notBlank("firstName", request.firstName());
                    Args.notBlank("lastName", request.lastName());
                    checkEmails(Optional.of(request.emails()));
                    SearchParams.positiveIds("organizationIds", request.organizationIds());
                    return ApiRequest.post("/persons").jsonBody(request).build();
                },
                PERSON);
    }

    /**
     * Updates a person: {@code PUT /persons/{person_id}}. Only the attributes set in {@code request} are sent;
     * {@code emails} and {@code organization_ids} replace the existing values.
     *
     * @param personId the person id, positive
     * @param request  the changes; names, when given, must not be blank, no email may be blank, organization ids
     *                 must be positive
     * @return the updated person
     */
    public Mono<Person> update(long personId, UpdatePersonRequest request) {
        return engine.mono(
                () -> {
                    Args.positive("personId", personId);
                    Args.notNull("request", request);
                    SearchParams.notBlankIfPresent("firstName", request.firstName());
                    SearchParams.notBlankIfPresent("lastName", request.lastName());
                    checkEmails(request.emails());
                    SearchParams.positiveIds("organizationIds", request.organizationIds());
                    return ApiRequest.put("/persons/{person_id}")
                            .pathParam("person_id", personId)
                            .jsonBody(request)
                            .build();
                },
                PERSON);
    }

    /**
     * Deletes a person with all its field values: {@code DELETE /persons/{person_id}}.
     *
     * @param personId the person id, positive
     * @return completes when the server reported success; fails with
     *         {@link io.affinity.client.error.UnsuccessfulOperationException} when it did not
     */
    public Mono<Void> delete(long personId) {
        return Deletion.send(
                engine,
                () -> ApiRequest.delete("/persons/{person_id}")
                        .pathParam("person_id", Args.positive("personId", personId))
                        .build());
    }

    /**
     * The global fields of persons: {@code GET /persons/fields}.
     *
     * @return the fields
     */
    public Flux<Field> fields() {
        return engine.mono(() -> ApiRequest.get("/persons/fields").build(), FIELDS)
                .flatMapIterable(fields -> fields);
    }

    private static void checkEmails(Optional<List<String>> emails) {
        emails.ifPresent(values -> values.forEach(email -> Args.notBlank("emails", email)));
    }
}
