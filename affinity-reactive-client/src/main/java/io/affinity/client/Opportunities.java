package io.affinity.client;

import io.affinity.client.internal.ApiEngine;
import io.affinity.client.internal.ApiRequest;
import io.affinity.client.internal.ResponseType;
import io.affinity.client.internal.check.Args;
import io.affinity.client.paging.Page;
import io.affinity.client.paging.PagedFlux;
import io.affinity.client.query.OpportunitySearch;
import io.affinity.model.CreateOpportunityRequest;
import io.affinity.model.Opportunity;
import io.affinity.model.UpdateOpportunityRequest;
import io.affinity.model.wire.OpportunitiesPage;
import reactor.core.publisher.Mono;

/**
 * Potential deals, each on exactly one opportunity list ({@code /opportunities}). Reached with
 * {@link AffinityClient#opportunities()}. Argument errors fail the returned publisher with an
 * {@link IllegalArgumentException} naming the parameter before anything is sent; call failures arrive as
 * {@link io.affinity.client.error.AffinityException}s.
 */
public final class Opportunities {

    private static final ResponseType<OpportunitiesPage> PAGE = ResponseType.of(OpportunitiesPage.class);
    private static final ResponseType<Opportunity> OPPORTUNITY = ResponseType.of(Opportunity.class);

    private final ApiEngine engine;

    Opportunities(ApiEngine engine) {
        this.engine = engine;
    }

    /**
     * Searches opportunities: {@code GET /opportunities} with the parameters set in {@code search}, then the same
     * with {@code page_token}.
     *
     * @param search the search; see {@link OpportunitySearch} for its rules
     * @return the opportunities, fetched page by page as they are requested
     */
    public PagedFlux<Opportunity> search(OpportunitySearch search) {
        return engine.paged(
                () -> {
                    Args.notNull("search", search);
                    ApiRequest.Builder request = ApiRequest.get("/opportunities");
                    SearchParams.term(request, search.term());
                    SearchParams.pageSize(request, search.pageSize());
                    return request.build();
                },
                PAGE,
                page -> Page.of(page.opportunities(), page.nextPageToken().orElse(null)));
    }

    /**
     * One opportunity: {@code GET /opportunities/{opportunity_id}}.
     *
     * @param opportunityId the opportunity id, positive
     * @return the opportunity; fails with {@link io.affinity.client.error.NotFoundException} when it does not exist
     */
    public Mono<Opportunity> get(long opportunityId) {
        return engine.mono(
                () -> ApiRequest.get("/opportunities/{opportunity_id}")
                        .pathParam("opportunity_id", Args.positive("opportunityId", opportunityId))
                        .build(),
                OPPORTUNITY);
    }

    /**
     * Creates an opportunity on an opportunity list: {@code POST /opportunities}.
     *
     * @param request the opportunity; the name must not be blank, the list id and every person and organization id
     *                must be positive
     * @return the created opportunity
     */
    public Mono<Opportunity> create(CreateOpportunityRequest request) {
        return engine.mono(
                () -> {
                    Args.notNull("request", request);
                    Args.notBlank("name", request.name());
                    Args.positive("listId", request.listId());
                    SearchParams.positiveIds("personIds", request.personIds());
                    SearchParams.positiveIds("organizationIds", request.organizationIds());
                    return ApiRequest.post("/opportunities").jsonBody(request).build();
                },
                OPPORTUNITY);
    }

    /**
     * Updates an opportunity: {@code PUT /opportunities/{opportunity_id}}. Only the attributes set in
     * {@code request} are sent; {@code person_ids} and {@code organization_ids} replace the existing values.
     *
     * @param opportunityId the opportunity id, positive
     * @param request       the changes; the name, when given, must not be blank, ids must be positive
     * @return the updated opportunity
     */
    public Mono<Opportunity> update(long opportunityId, UpdateOpportunityRequest request) {
        return engine.mono(
                () -> {
                    Args.positive("opportunityId", opportunityId);
                    Args.notNull("request", request);
                    SearchParams.notBlankIfPresent("name", request.name());
                    SearchParams.positiveIds("personIds", request.personIds());
                    SearchParams.positiveIds("organizationIds", request.organizationIds());
                    return ApiRequest.put("/opportunities/{opportunity_id}")
                            .pathParam("opportunity_id", opportunityId)
                            .jsonBody(request)
                            .build();
                },
                OPPORTUNITY);
    }

    /**
     * Deletes an opportunity with its field values, which also removes it from its list:
     * {@code DELETE /opportunities/{opportunity_id}}.
     *
     * @param opportunityId the opportunity id, positive
     * @return completes when the server reported success; fails with
     *         {@link io.affinity.client.error.UnsuccessfulOperationException} when it did not
     */
    public Mono<Void> delete(long opportunityId) {
        return Deletion.send(
                engine,
                () -> ApiRequest.delete("/opportunities/{opportunity_id}")
                        .pathParam("opportunity_id", Args.positive("opportunityId", opportunityId))
                        .build());
    }
}
