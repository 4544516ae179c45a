package io.affinity.client.blocking;

import io.affinity.client.query.OrganizationGetOptions;
import io.affinity.client.query.OrganizationSearch;
import io.affinity.client.recipes.QuotaPolicy;
import io.affinity.model.CreateOrganizationRequest;
import io.affinity.model.Field;
import io.affinity.model.Organization;
import io.affinity.model.RelationshipStrength;
import io.affinity.model.UpdateOrganizationRequest;
import java.util.List;

/**
 * The organizations your team is in touch with ({@code /organizations}).
 *
 * <p>Blocking twin of {@link io.affinity.client.Organizations}: the same methods and arguments, returning values.
 * Arguments are checked before anything is sent ({@link IllegalArgumentException} naming the
 * parameter); call failures are thrown as the reactive client's
 * {@link io.affinity.client.error.AffinityException} types.
 */
public final class Organizations {

    private final io.affinity.client.Organizations reactive;

    Organizations(io.affinity.client.Organizations reactive) {
        this.reactive = reactive;
    }

    /**
     * Searches organizations: {@code GET /organizations} with the parameters set in {@code search}, then the same
     * with {@code page_token}.
     *
     * @param search the search; see {@link OrganizationSearch} for its rules
     * @return the organizations, fetched page by page as they are iterated
     */
    public PagedIterable<Organization> search(OrganizationSearch search) {
        return new PagedIterable<>(reactive.search(search));
    }

    /**
     * One organization with its person ids and list entries: {@code GET /organizations/{organization_id}}.
     *
     * @param organizationId the organization id, positive
     * @return the organization; throws {@link io.affinity.client.error.NotFoundException} when it does not
     *         exist
     */
    public Organization get(long organizationId) {
        return Blocking.call(reactive.get(organizationId));
    }

    /**
     * One organization, with the optional data the flags ask for:
     * {@code GET /organizations/{organization_id}?with_...}.
     *
     * @param organizationId the organization id, positive
     * @param options        the flags; see {@link OrganizationGetOptions} for its rules
     * @return the organization; throws {@link io.affinity.client.error.NotFoundException} when it does not
     *         exist
     */
    public Organization get(long organizationId, OrganizationGetOptions options) {
        return Blocking.call(reactive.get(organizationId, options));
    }

    /**
     * Creates an organization: {@code POST /organizations}.
     *
     * @param request the organization; the name must not be blank, the domain (when given) must not be blank,
     *                person ids must be positive
     * @return the created organization
     */
    public Organization create(CreateOrganizationRequest request) {
        return Blocking.call(reactive.create(request));
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
    public Organization update(long organizationId, UpdateOrganizationRequest request) {
        return Blocking.call(reactive.update(organizationId, request));
    }

    /**
     * Deletes an organization with all its field values: {@code DELETE /organizations/{organization_id}}. A global
     * organization cannot be deleted (the server answers an error).
     *
     * @param organizationId the organization id, positive
     * @throws io.affinity.client.error.UnsuccessfulOperationException when the server did not report success
     */
    public void delete(long organizationId) {
        Blocking.run(reactive.delete(organizationId));
    }

    /**
     * The global fields of organizations: {@code GET /organizations/fields}.
     *
     * @return the fields
     */
    public List<Field> fields() {
        return Blocking.list(reactive.fields());
    }

    /**
     * The persons of an organization ranked by relationship strength with the internal persons, strongest first:
     * blocking twin of {@link io.affinity.client.Organizations#strongestRelationships(long)}.
     *
     * @param organizationId the organization id, positive
     * @return the strengths, strongest first
     */
    public List<RelationshipStrength> strongestRelationships(long organizationId) {
        return Blocking.list(reactive.strongestRelationships(organizationId));
    }

    /**
     * The strongest relationships, with a choice of what happens when the monthly quota cannot cover them:
     * blocking twin of {@link io.affinity.client.Organizations#strongestRelationships(long, QuotaPolicy)}.
     *
     * @param organizationId the organization id, positive
     * @param quotaPolicy    refuse or warn
     * @return the strengths, strongest first
     */
    public List<RelationshipStrength> strongestRelationships(long organizationId, QuotaPolicy quotaPolicy) {
        return Blocking.list(reactive.strongestRelationships(organizationId, quotaPolicy));
    }
}
