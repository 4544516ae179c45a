package io.affinity.client.recipes;

import io.affinity.model.value.FieldValueData;
import java.util.Map;
import java.util.Optional;

/**
 * The names of the persons and organizations that one export row's values refer to, where the export knows them
 * (see {@link ExportOptions#withNameLookups(int)}).
 *
 * @param persons       person names by person id
 * @param organizations organization names by organization id
 */
public record EntityNames(Map<Long, String> persons, Map<Long, String> organizations) {

    /** No names. */
    public static final EntityNames NONE = new EntityNames(Map.of(), Map.of());

    /** Copies the maps. */
    public EntityNames {
        persons = Map.copyOf(persons);
        organizations = Map.copyOf(organizations);
    }

    /**
     * @param value a field value
     * @return the name of the person or organization it refers to, when known; empty for any other value
     */
    public Optional<String> of(FieldValueData value) {
        if (value instanceof FieldValueData.PersonId person) {
            return Optional.ofNullable(persons.get(person.id()));
        }
        if (value instanceof FieldValueData.OrganizationId organization) {
            return Optional.ofNullable(organizations.get(organization.id()));
        }
        return Optional.empty();
    }
}
