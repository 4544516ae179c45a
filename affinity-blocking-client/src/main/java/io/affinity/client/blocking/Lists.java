package io.affinity.client.blocking;

import io.affinity.client.recipes.ExportOptions;
import io.affinity.client.recipes.ExportRow;
import io.affinity.model.AffinityList;
import io.affinity.model.CreateListRequest;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lists of persons, organizations or opportunities ({@code /lists}).
 *
 * <p>Blocking twin of {@link io.affinity.client.Lists}: the same methods and arguments, returning values.
 * Arguments are checked before anything is sent ({@link IllegalArgumentException} naming the
 * parameter); call failures are thrown as the reactive client's
 * {@link io.affinity.client.error.AffinityException} types.
 */
public final class Lists {

    private final io.affinity.client.Lists reactive;

    Lists(io.affinity.client.Lists reactive) {
        this.reactive = reactive;
    }

    /**
     * Exports a list as {@link io.affinity.client.Lists#export} describes: the quota plan first, then the rows in
     * list order, fetched as the stream is consumed (field values with bounded concurrency). Close the stream to stop
     * early; {@link ExportRow#next()} of the last row consumed resumes it.
     *
     * @param options the list and how to export it
     * @return the rows; failures are thrown while consuming, unwrapped
     */
    public Stream<ExportRow> export(ExportOptions options) {
        Blocking.requireBlockingAllowed();
        Cursor<ExportRow> rows = new Cursor<>(reactive.export(options));
        Iterator<ExportRow> iterator = new Iterator<>() {
            private ExportRow next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = rows.next().orElse(null);
                }
                return next != null;
            }

            @Override
            public ExportRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ExportRow row = next;
                next = null;
                return row;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false)
                .onClose(rows::close);
    }

    /**
     * All the lists visible to you: {@code GET /lists}.
     *
     * @return the lists (each with at least its id, name and type)
     */
    public List<AffinityList> list() {
        return Blocking.list(reactive.list());
    }

    /**
     * One list with its list-specific fields: {@code GET /lists/{list_id}}.
     *
     * @param listId the list id, positive
     * @return the list; throws {@link io.affinity.client.error.NotFoundException} when it does not exist
     */
    public AffinityList get(long listId) {
        return Blocking.call(reactive.get(listId));
    }

    /**
     * Creates a list: {@code POST /lists}.
     *
     * @param request the list; {@code name} must not be blank, {@code owner_id} and every
     *                {@code internal_person_id} of {@code additional_permissions} must be positive
     * @return the created list; throws {@link io.affinity.client.error.ValidationException} when the server
     *         rejects it
     */
    public AffinityList create(CreateListRequest request) {
        return Blocking.call(reactive.create(request));
    }
}
