package io.affinity.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affinity.model.AffinityList;
import io.affinity.model.EntityFile;
import io.affinity.model.Field;
import io.affinity.model.FieldValue;
import io.affinity.model.FieldValueChange;
import io.affinity.model.Interaction;
import io.affinity.model.ListEntry;
import io.affinity.model.Note;
import io.affinity.model.Opportunity;
import io.affinity.model.Organization;
import io.affinity.model.Person;
import io.affinity.model.Reminder;
import io.affinity.model.WebhookSubscription;
import io.affinity.testkit.ServerState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** {@link ServerState} over the store an emulator serves at the time of each call. */
final class StoreState implements ServerState {

    private final Supplier<Store> store;

    StoreState(Supplier<Store> store) {
        this.store = store;
    }

    private <T> List<T> read(Function<Store, Collection<ObjectNode>> items, Class<T> type) {
        Store current = store.get();
        if (current == null) {
            return List.of();
        }
        List<ObjectNode> nodes = current.read(() -> List.copyOf(items.apply(current)));
        return nodes.stream()
                .map(node -> Json.mapper().convertValue(node, type))
                .toList();
    }

    @Override
    public List<Person> persons() {
        return read(s -> s.persons.values(), Person.class);
    }

    @Override
    public List<Person> internalPersons() {
        return read(s -> s.internalPersons.values(), Person.class);
    }

    @Override
    public List<Organization> organizations() {
        return read(s -> s.organizations.values(), Organization.class);
    }

    @Override
    public List<Opportunity> opportunities() {
        return read(s -> s.opportunities.values(), Opportunity.class);
    }

    @Override
    public List<AffinityList> lists() {
        return read(
                s -> s.lists.values().stream()
                        .map(list -> {
                            ObjectNode copy = list.deepCopy();
                            copy.put(
                                    "list_size",
                                    s.listEntries
                                            .getOrDefault(list.get("id").asLong(), Map.of())
                                            .size());
                            return copy;
                        })
                        .toList(),
                AffinityList.class);
    }

    @Override
    public List<ListEntry> listEntries(long listId) {
        return read(
                s -> s.listEntries.getOrDefault(listId, Map.of()).values().stream()
                        .map(s::presentEntry)
                        .toList(),
                ListEntry.class);
    }

    @Override
    public List<Field> fields() {
        return read(s -> s.fields.values(), Field.class);
    }

    @Override
    public List<FieldValue> fieldValues() {
        return read(s -> s.fieldValues.values(), FieldValue.class);
    }

    @Override
    public List<FieldValueChange> fieldValueChanges() {
        return read(s -> s.fieldValueChanges, FieldValueChange.class);
    }

    @Override
    public List<Note> notes() {
        return read(s -> s.notes.values(), Note.class);
    }

    @Override
    public List<Reminder> reminders() {
        return read(
                s -> s.reminders.values().stream()
                        .map(new DatasetResponder(s)::reminder)
                        .toList(),
                Reminder.class);
    }

    @Override
    public List<Interaction> interactions() {
        return read(
                s -> s.interactions.values().stream()
                        .flatMap(byType -> byType.values().stream())
                        .toList(),
                Interaction.class);
    }

    @Override
    public List<EntityFile> entityFiles() {
        return read(s -> s.entityFiles.values(), EntityFile.class);
    }

    @Override
    public Optional<byte[]> entityFileContent(long entityFileId) {
        Store current = store.get();
        if (current == null) {
            return Optional.empty();
        }
        return current.read(() -> {
            ObjectNode file = current.entityFiles.get(entityFileId);
            if (file == null) {
                return Optional.empty();
            }
            byte[] bytes = current.fileContents.get(entityFileId);
            return Optional.of(bytes != null ? bytes.clone() : DatasetResponder.generatedContent(file));
        });
    }

    @Override
    public List<WebhookSubscription> webhookSubscriptions() {
        return read(s -> s.webhooks.values(), WebhookSubscription.class);
    }
}
