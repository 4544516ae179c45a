package io.affinity.client;

import com.fasterxml.jackson.core.type.TypeReference;
import io.affinity.client.internal.ApiEngine;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.ResponseType;
import io.affinity.client.internal.check.Args;
import io.affinity.client.paging.Page;
import io.affinity.client.paging.PagedFlux;
import io.affinity.client.query.OrganizationGetOptions;
import io.affinity.client.query.OrganizationSearch;
import io.affinity.client.recipes.QuotaPolicy;
import io.affinity.model.CreateOrganizationRequest;
import io.affinity.model.Field;
import io.affinity.model.Organization;
import io.affinity.model.RelationshipStrength;
import io.affinity.model.UpdateOrganizationRequest;
import io.affinity.model.wire.OrganizationsPage;
import java.util.Comparator;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organizations your team is in touch with ({@code /organizations}). Reached with
 * {@link AffinityClient#organizations()}. Argument errors fail the returned publisher with an
 * {@link IllegalArgumentException} naming the parameter before anything is sent; call failures arrive as
 * {@link io.affinity.client.error.AffinityException}s.
 */
public final class Organizations {

    private static final ResponseType<OrganizationsPage> PAGE = ResponseType.of(OrganizationsPage.class);
    private static final ResponseType<Organization> ORGANIZATION = ResponseType.of(Organization.class);
    private static final ResponseType<List<Field>> FIELDS = ResponseType.of(new TypeReference<>() {});

    private final ApiEngine engine;

    private final RelationshipStrengths strengths;
    private final QuotaGate quota;

    Organizations(ApiEngine engine, RelationshipStrengths strengths, QuotaGate quota) {
        this.engine = engine;
        this.quota = quota;
        this.strengths = strengths;
    }

    /**
     * The strongest relationships to an organization: its persons ({@code GET /organizations/{id}}), a
     * {@link io.affinity.client.recipes.QuotaPlan} for one call per person (refused when the org's monthly quota
     * cannot cover it), then each person's relationship strengths to the internal persons
     * ({@code GET /relationships-strengths?external_id=...}, a few calls at once under the rate limiter), ranked
     * strongest first (ties by person, then internal person).
     *
     * @param organizationId the organization id, positive
     * @return the strengths, strongest first; fails with {@link io.affinity.client.error.NotFoundException} when
     *         the organization does not exist, with {@link io.affinity.client.recipes.QuotaExceededException} when
     *         the monthly quota cannot cover the calls
     */
    public Flux<RelationshipStrength> strongestRelationships(long organizationId) {
        return strongestRelationships(organizationId, QuotaPolicy.REFUSE);
    }

    /**
     * {@link #strongestRelationships(long)} with a choice of what happens when the monthly quota cannot cover it.
     *
     * @param organizationId the organization id, positive
     * @param quotaPolicy    refuse with {@link io.affinity.client.recipes.QuotaExceededException}, or log a
     *                       warning and go on
     * @return the strengths, strongest first
     */
    public Flux<RelationshipStrength> strongestRelationships(long organizationId, QuotaPolicy quotaPolicy) {
        return Flux.defer(() -> {
            Args.notNull("quotaPolicy", quotaPolicy);
            return get(organizationId)
                    .flatMapMany(organization -> quota.guard(
                            "GET",
                            "/relationships-strengths",
                            organization.personIds().size(),
                            quotaPolicy,
                            plan -> {},
                            () -> Flux.fromIterable(organization.personIds())
                                    .flatMapSequential(strengths::get, 4, 1)
                                    .collectSortedList(Comparator.comparing(RelationshipStrength::strength)
                                            .reversed()
                                            .thenComparing(RelationshipStrength::externalId)
                                            .thenComparing(RelationshipStrength::internalId))
                                    .flatMapIterable(ranked -> ranked)));
        });
    }

    /**
     * Searches organizations: {@code GET /organizations} with the parameters set in {@code search}, then the same
     * with {@code page_token}.
     *
     * @param search the search; see {@link OrganizationSearch} for its rules
     * @return the organizations, fetched page by page as they are requested
     */
    public PagedFlux<Organization> search(OrganizationSearch search) {
        return engine.paged(
                () -> {
                    Args.notNull("search", search);
                    ApiRequest.Builder request = ApiRequest.get("/organizations");
                    SearchParams.term(request, search.term());
                    SearchParams.interactionFlags(
                            request, search.withInteractionDates(), search.withInteractionPersons());
                    request.query(
                            "with_opportunities", search.withOpportunities().orElse(null));
                    SearchParams.interactionDates(request, search);
                    SearchParams.pageSize(request, search.pageSize());
                    return request.build();
                },
                PAGE,
                page -> Page.of(page.organizations(), page.nextPageToken().orElse(null)));
    }

    /**
     * One organization with its person ids and list entries: {@code GET /organizations/{organization_id}}.
     *
     * @param organizationId the organization id, positive
     * @return the organization; fails with {@link io.affinity.client.error.NotFoundException} when it does not
     *         exist
     */
    public Mono<Organization> get(long organizationId) {
        return get(organizationId, OrganizationGetOptions.builder().build());
    }

    /**
     * One organization, with the optional data the flags ask for:
     * {@code GET /organizations/{organization_id}?with_...}.
     *
     * @param organizationId the organization id, positive
     * @param options        the flags; see {@link OrganizationGetOptions} for its rules
     * @return the organization; fails with {@link io.affinity.client.error.NotFoundException} when it does not
     *         exist
     */
    public Mono<Organization> get(long organizationId, OrganizationGetOptions options) {
        return engine.mono(
                () -> {
                    ApiRequest.Builder request = ApiRequest.get("/organizations/{organization_id}")
                            .pathParam("organization_id", Args.positive("organizationId", organizationId));
                    Args.notNull("options", options);
                    SearchParams.interactionFlags(
                            request, options.withInteractionDates(), options.withInteractionPersons());
                    request.query(
                            "with_opportunities", options.withOpportunities().orElse(null));
                    return request.build();
                },
                ORGANIZATION);
    }

    /**
     * Creates an organization: {@code POST /organizations}.
     *
     * @param request the organization; the name must not be blank, the domain (when given) must not be blank,
     *                person ids must be positive
     * @return the created organization
     */
    public Mono<Organization> create(CreateOrganizationRequest request) {
        return engine.mono(
                () -> {
                    Args.notNull("request", request);
                    Args.notBlank("name", request.name());
                    SearchParams.notBlankIfPresent("domain", request.domain());
                    SearchParams.positiveIds("personIds", request.personIds());
                    return ApiRequest.post("/organizations").jsonBody(request).build();
                },
                ORGANIZATION);
    }

    /**
     * Updates an organization: {@code PUT /organizations/{organization_id}}. Only the attributes set in
     * {@code request} are sent; {@code person_ids} replaces the existing value. The name and domain of a global
     * organization cannot be changed.
     *
     * @param organizationId the organization id, positive
     * @param request        the changes; name and domain, when given, must not be blank, person ids must be positive
     * @return the updated organization
     */
    public Mono<Organization> update(long organizationId, UpdateOrganizationRequest request) {
        return engine.mono(
                () -> {
                    Args.positive("organizationId", organizationId);
                    Args.notNull("request", request);
                    SearchParams.notBlankIfPresent("name", request.name());
                    SearchParams.notBlankIfPresent("domain", request.domain());
                    SearchParams.positiveIds("personIds", request.personIds());
                    return ApiRequest.put("/organizations/{organization_id}")
                            .pathParam("organization_id", organizationId)
                            .jsonBody(request)
                            .build();
                },
                ORGANIZATION);
    }

    /**
     * Deletes an organization with all its field values: {@code DELETE /organizations/{organization_id}}. A global
     * organization cannot be deleted (the server answers an error).
     *
     * @param organizationId the organization id, positive
     * @return completes when the server reported success; fails with
     *         {@link io.affinity.client.error.UnsuccessfulOperationException} when it did not
     */
    public Mono<Void> delete(long organizationId) {
        return Deletion.send(
                engine,
                () -> ApiRequest.delete("/organizations/{organization_id}")
                        .pathParam("organization_id", Args.positive("organizationId", organizationId))
                        .build());
    }

    /**
     * The global fields of organizations: {@code GET /organizations/fields}.
     *
     * @return the fields
     */
    public Flux<Field> fields() {
        return engine.mono(() -> ApiRequest.get("/organizations/fields").build(), FIELDS)
                .flatMapIterable(fields -> fields);
    }
}
