package io.affinity.client.blocking;

import io.affinity.client.query.OpportunitySearch;
import io.affinity.model.CreateOpportunityRequest;
import io.affinity.model.Opportunity;
import io.affinity.model.UpdateOpportunityRequest;

/**
 * Potential deals, each on exactly one opportunity list ({@code /opportunities}).
 *
 * <p>Blocking twin of {@link io.affinity.client.Opportunities}: the same methods and arguments, returning values.
 * Arguments are checked before anything is sent ({@link IllegalArgumentException} naming the
 * parameter); call failures are thrown as the reactive client's
 * {@link io.affinity.client.error.AffinityException} types.
 */
public final class Opportunities {

    private final io.affinity.client.Opportunities reactive;

    Opportunities(io.affinity.client.Opportunities reactive) {
        this.reactive = reactive;
    }

    /**
     * Searches opportunities: {@code GET /opportunities} with the parameters set in {@code search}, then the same
     * with {@code page_token}.
     *
     * @param search the search; see {@link OpportunitySearch} for its rules
     * @return the opportunities, fetched page by page as they are iterated
     */
    public PagedIterable<Opportunity> search(OpportunitySearch search) {
        return new PagedIterable<>(reactive.search(search));
    }

    /**
     * One opportunity: {@code GET /opportunities/{opportunity_id}}.
     *
     * @param opportunityId the opportunity id, positive
     * @return the opportunity; throws {@link io.affinity.client.error.NotFoundException} when it does not exist
     */
    public Opportunity get(long opportunityId) {
        return Blocking.call(reactive.get(opportunityId));
    }

    /**
     * Creates an opportunity on an opportunity list: {@code POST /opportunities}.
     *
     * @param request the opportunity; the name must not be blank, the list id and every person and organization id
     *                must be positive
     * @return the created opportunity
     */
    public Opportunity create(CreateOpportunityRequest request) {
        return Blocking.call(reactive.create(request));
    }

    /**
     * Updates an opportunity: {@code PUT /opportunities/{opportunity_id}}. Only the attributes set in
     * {@code request} are sent; {@code person_ids} and {@code organization_ids} replace the existing values.
     *
     * @param opportunityId the opportunity id, positive
     * @param request       the changes; the name, when given, must not be blank, ids must be positive
     * @return the updated opportunity
     */
    public Opportunity update(long opportunityId, UpdateOpportunityRequest request) {
        return Blocking.call(reactive.update(opportunityId, request));
    }

    /**
     * Deletes an opportunity with its field values, which also removes it from its list:
     * {@code DELETE /opportunities/{opportunity_id}}.
     *
     * @param opportunityId the opportunity id, positive
     * @throws io.affinity.client.error.UnsuccessfulOperationException when the server did not report success
     */
    public void delete(long opportunityId) {
        Blocking.run(reactive.delete(opportunityId));
    }
}
