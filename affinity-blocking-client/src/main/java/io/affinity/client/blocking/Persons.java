package io.affinity.client.blocking;

import io.affinity.client.query.PersonGetOptions;
import io.affinity.client.query.PersonSearch;
import io.affinity.model.CreatePersonRequest;
import io.affinity.model.Field;
import io.affinity.model.Person;
import io.affinity.model.UpdatePersonRequest;
import java.util.List;

/**
 * The persons of your team ({@code /persons}).
 *
 * <p>Blocking twin of {@link io.affinity.client.Persons}: the same methods and arguments, returning values.
 * Arguments are checked before anything is sent ({@link IllegalArgumentException} naming the
 * parameter); call failures are thrown as the reactive client's
 * {@link io.affinity.client.error.AffinityException} types.
 */
public final class Persons {

    private final io.affinity.client.Persons reactive;

    Persons(io.affinity.client.Persons reactive) {
        this.reactive = reactive;
    }

    /**
     * Searches persons: {@code GET /persons} with the parameters set in {@code search}, then the same with
     * {@code page_token}. The persons found carry neither {@code organization_ids} nor {@code list_entries}.
     *
     * @param search the search; see {@link PersonSearch} for its rules
     * @return the persons, fetched page by page as they are iterated
     */
    public PagedIterable<Person> search(PersonSearch search) {
        return new PagedIterable<>(reactive.search(search));
    }

    /**
     * One person with its organization ids and list entries: {@code GET /persons/{person_id}}.
     *
     * @param personId the person id, positive
     * @return the person; throws {@link io.affinity.client.error.NotFoundException} when it does not exist
     */
    public Person get(long personId) {
        return Blocking.call(reactive.get(personId));
    }

    /**
     * One person, with the optional data the flags ask for: {@code GET /persons/{person_id}?with_...}.
     *
     * @param personId the person id, positive
     * @param options  the flags; see {@link PersonGetOptions} for its rules
     * @return the person; throws {@link io.affinity.client.error.NotFoundException} when it does not exist
     */
    public Person get(long personId, PersonGetOptions options) {
        return Blocking.call(reactive.get(personId, options));
    }

    /**
     * Creates a person: {@code POST /persons}.
     *
     * @param request the person; first and last name must not be blank, no email may be blank, organization ids
     *                must be positive
     * @return the created person; throws {@link io.affinity.client.error.ValidationException} when, for
     *         example, an email belongs to another person
     */
    public Person create(CreatePersonRequest request) {
        return Blocking.call(reactive.create(request));
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
    public Person update(long personId, UpdatePersonRequest request) {
        return Blocking.call(reactive.update(personId, request));
    }

    /**
     * Deletes a person with all its field values: {@code DELETE /persons/{person_id}}.
     *
     * @param personId the person id, positive
     * @throws io.affinity.client.error.UnsuccessfulOperationException when the server did not report success
     */
    public void delete(long personId) {
        Blocking.run(reactive.delete(personId));
    }

    /**
     * The global fields of persons: {@code GET /persons/fields}.
     *
     * @return the fields
     */
    public List<Field> fields() {
        return Blocking.list(reactive.fields());
    }
}
