package io.affinity.testkit;

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
import java.util.List;
import java.util.Optional;

/**
 * What the server's data holds now, for assertions after the code under test ran: every collection as the model's
 * types, in creation order, as a consistent snapshot taken at the call.
 *
 * <pre>{@code
 * myService.logMeeting(personId);                         // POST /notes through your code
 * assertEquals(1, server.state().notes().stream()
 *     .filter(n -> n.personIds().contains(personId)).count());
 * }</pre>
 *
 * <p>Without a seeded dataset the server answers fixtures and holds no data: every list is empty. Thread-safe.
 */
public interface ServerState {

    /** The external persons (internal ones, such as the API key's user, are in {@link #internalPersons()}). */
    List<Person> persons();

    /** The internal persons: the users of the account, the first being the API key's user. */
    List<Person> internalPersons();

    /** The organizations. */
    List<Organization> organizations();

    /** The opportunities. */
    List<Opportunity> opportunities();

    /** The lists, with their current {@code list_size}. */
    List<AffinityList> lists();

    /** The entries of a list, empty when there is no such list. */
    List<ListEntry> listEntries(long listId);

    /** The fields: global and list-specific. */
    List<Field> fields();

    /** The field values. */
    List<FieldValue> fieldValues();

    /** The field value changes recorded so far (seeded values have their creation recorded). */
    List<FieldValueChange> fieldValueChanges();

    /** The notes. */
    List<Note> notes();

    /** The reminders, with their status as of the server's clock. */
    List<Reminder> reminders();

    /** The interactions of every type: meetings, calls, chat messages, emails. */
    List<Interaction> interactions();

    /** The entity files. */
    List<EntityFile> entityFiles();

    /** The bytes {@code GET /entity-files/download/{id}} answers for a file, empty when there is no such file. */
    Optional<byte[]> entityFileContent(long entityFileId);

    /** The webhook subscriptions. */
    List<WebhookSubscription> webhookSubscriptions();
}
