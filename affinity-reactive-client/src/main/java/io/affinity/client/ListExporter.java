package io.affinity.client;

import io.affinity.client.internal.MeteredRateLimiter;
import io.affinity.client.internal.check.Args;
import io.affinity.client.paging.Page;
import io.affinity.client.paging.PagedFlux;
import io.affinity.client.query.FieldValueQuery;
import io.affinity.client.ratelimit.Ticker;
import io.affinity.client.recipes.AmbiguousNameException;
import io.affinity.client.recipes.ExportCheckpoint;
import io.affinity.client.recipes.ExportOptions;
import io.affinity.client.recipes.ExportProgress;
import io.affinity.client.recipes.ExportRow;
import io.affinity.model.AffinityList;
import io.affinity.model.Field;
import io.affinity.model.FieldValue;
import io.affinity.model.FieldValueType;
import io.affinity.model.ListEntry;
import io.affinity.model.value.FieldValueData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The list export recipe behind {@link Lists#export}: the list by id or name, its fields from the cache, a quota
 * plan, then the entries page by page and the field values of each entry with bounded concurrency, in list order.
 */
final class ListExporter {

    private final AffinityClient client;
    private final QuotaGate quota;
    private final MeteredRateLimiter meter;
    private final Ticker ticker;

    ListExporter(AffinityClient client, RecipeContext context, QuotaGate quota) {
        this.client = client;
        this.quota = quota;
        this.meter = context.meter();
        this.ticker = context.ticker();
    }

    Flux<ExportRow> export(ExportOptions options) {
        return Flux.defer(() -> {
            Args.notNull("options", options);
            return resolveList(options)
                    .flatMapMany(list -> columns(list.id(), options.fields())
                            .flatMapMany(columns -> quota.guard(
                                    "GET",
                                    "/lists/" + list.id() + "/list-entries",
                                    requestsNeeded(list, columns, options),
                                    options.quotaPolicy(),
                                    options.onPlan(),
                                    () -> rows(list, columns, options))));
        });
    }

    private Mono<AffinityList> resolveList(ExportOptions options) {
        if (options.listId().isPresent()) {
            return client.lists().get(options.listId().getAsLong());
        }
        String name = options.listName().orElseThrow().strip();
        return client.lists()
                .list()
                .filter(list -> list.name().strip().equalsIgnoreCase(name))
                .collectList()
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        return Mono.error(new IllegalArgumentException("no list named '" + name + "'"));
                    }
                    if (found.size() > 1) {
                        Map<Long, String> ids = new LinkedHashMap<>();
                        found.forEach(list -> ids.put(list.id(), list.name()));
                        return Mono.error(new AmbiguousNameException("list", name, ids));
                    }
                    return Mono.just(found.get(0));
                });
    }

    private Mono<List<Field>> columns(long listId, List<String> names) {
        FieldCache cache = client.fields().cache();
        if (names.isEmpty()) {
            return cache.forList(listId);
        }
        return Flux.fromIterable(names)
                .concatMap(name -> cache.byName(listId, name))
                .collectList();
    }

    /**
     * One request per page of entries, one per entry, and the name lookups allowed (no more than the person and
     * organization cells when each holds one value).
     */
    private static long requestsNeeded(AffinityList list, List<Field> columns, ExportOptions options) {
        long entries = Math.max(0, list.listSize());
        long pages = Math.max(1, (entries + options.pageSize() - 1) / options.pageSize());
        List<Field> named = columns.stream()
                .filter(field -> FieldValueType.PERSON.equals(field.valueType())
                        || FieldValueType.ORGANIZATION.equals(field.valueType()))
                .toList();
        long lookups = named.stream().anyMatch(Field::allowsMultiple)
                ? options.nameLookups()
                : Math.min(options.nameLookups(), entries * named.size());
        return entries + pages + lookups;
    }

    private Flux<ExportRow> rows(AffinityList list, List<Field> columns, ExportOptions options) {
        long requestsAtStart = meter.granted();
        long waitedAtStart = meter.waitedNanos();
        long startedAt = ticker.read();
        AtomicLong done = new AtomicLong();
        ExportCheckpoint from = options.resumeFrom();
        PagedFlux<ListEntry> entries = client.listEntries().list(list.id(), options.pageSize());
        Flux<Page<ListEntry>> pages = from.pageToken() == null ? entries.byPage() : entries.byPage(from.pageToken());
        PageCursor cursor = new PageCursor(from);
        // names only with lookups: names seen in earlier rows alone would make a resumed export differ
        ExportNames names = new ExportNames(client, options.nameLookups());
        boolean naming = options.nameLookups() > 0;
        return pages.concatMap(cursor::positioned, 1)
                .doOnNext(item -> {
                    if (naming) {
                        names.learn(item.entry());
                    }
                })
                .flatMapSequential(
                        item -> client.fieldValues()
                                .list(FieldValueQuery.builder()
                                        .listEntryId(item.entry().id())
                                        .build())
                                .collectList()
                                .map(values -> row(item, columns, values))
                                .flatMap(row -> naming ? names.named(row) : Mono.just(row)),
                        options.concurrency(),
                        1)
                .doOnNext(row -> options.onProgress()
                        .accept(new ExportProgress(
                                done.incrementAndGet(),
                                list.listSize(),
                                meter.granted() - requestsAtStart,
                                Duration.ofNanos(meter.waitedNanos() - waitedAtStart),
                                Duration.ofNanos(ticker.read() - startedAt))));
    }

    private static ExportRow row(Positioned item, List<Field> columns, List<FieldValue> values) {
        Map<Long, List<FieldValueData>> byField = new LinkedHashMap<>();
        for (Field field : columns) {
            List<FieldValueData> cell = new ArrayList<>();
            values.stream()
                    .filter(value ->
                            value.fieldId().equals(field.id()) && value.value().isPresent())
                    .sorted(Comparator.comparing(FieldValue::id))
                    .forEach(value -> cell.add(value.value().get().as(field.valueType())));
            byField.put(field.id(), cell);
        }
        return new ExportRow(item.entry(), columns, byField, item.next());
    }

    /** An entry with the checkpoint after it. */
    private record Positioned(ListEntry entry, ExportCheckpoint next) {}

    /** Follows the page tokens of one walk: only used from {@code concatMap}, one page at a time. */
    private static final class PageCursor {

        private String token;
        private int skip;

        PageCursor(ExportCheckpoint from) {
            this.token = from.pageToken();
            this.skip = from.position();
        }

        Flux<Positioned> positioned(Page<ListEntry> page) {
            String pageToken = token;
            int first = skip;
            token = page.nextPageToken().orElse(null);
            skip = 0;
            List<ListEntry> items = page.items();
            return Flux.range(first, Math.max(0, items.size() - first))
                    .map(index -> new Positioned(items.get(index), new ExportCheckpoint(pageToken, index + 1)));
        }
    }
}
