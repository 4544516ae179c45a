package io.affinity.client.recipes;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * What a list export exports and how: the list (by id or name), the fields (all of the list's fields by
 * default), where to resume, how many field-value calls run at once, and callbacks for the quota plan and
 * progress. Immutable; each {@code with...} method returns a copy and checks its argument at once.
 */
public final class ExportOptions {

    /** The default number of field-value calls in flight. */
    public static final int DEFAULT_CONCURRENCY = 4;
    /** The largest number of field-value calls in flight. */
    public static final int MAX_CONCURRENCY = 32;
    /** How many entity names an export remembers at most. */
    public static final int NAME_CACHE_SIZE = 10_000;

    private final Long listId;
    private final String listName;
    private final List<String> fields;
    private final ExportCheckpoint resumeFrom;
    private final int concurrency;
    private final int pageSize;
    private final QuotaPolicy quotaPolicy;
    private final Consumer<QuotaPlan> onPlan;
    private final Consumer<ExportProgress> onProgress;
    private final int nameLookups;

    private ExportOptions(
            Long listId,
            String listName,
            List<String> fields,
            ExportCheckpoint resumeFrom,
            int concurrency,
            int pageSize,
            QuotaPolicy quotaPolicy,
            Consumer<QuotaPlan> onPlan,
            Consumer<ExportProgress> onProgress,
            int nameLookups) {
        this.listId = listId;
        this.listName = listName;
        this.fields = fields;
        this.resumeFrom = resumeFrom;
        this.concurrency = concurrency;
        this.pageSize = pageSize;
        this.quotaPolicy = quotaPolicy;
        this.onPlan = onPlan;
        this.onProgress = onProgress;
        this.nameLookups = nameLookups;
    }

    /**
     * @param listId the list's id, positive
     * @return options exporting that list
     */
    public static ExportOptions list(long listId) {
        if (listId < 1) {
            throw new IllegalArgumentException("listId must be positive, was " + listId);
        }
        return new ExportOptions(
                listId,
                null,
                List.of(),
                ExportCheckpoint.START,
                DEFAULT_CONCURRENCY,
                500,
                QuotaPolicy.REFUSE,
                plan -> {},
                progress -> {},
                0);
    }

    /**
     * @param listName the list's name; the export fails when no list or several lists carry it
     * @return options exporting that list
     */
    public static ExportOptions list(String listName) {
        if (listName == null || listName.isBlank()) {
            throw new IllegalArgumentException("listName must not be null or blank");
        }
        return new ExportOptions(
                null,
                listName,
                List.of(),
                ExportCheckpoint.START,
                DEFAULT_CONCURRENCY,
                500,
                QuotaPolicy.REFUSE,
                plan -> {},
                progress -> {},
                0);
    }

    /**
     * @param fieldNames the names (or ids) of the fields to export, in column order; empty for all the list's fields
     * @return a copy
     */
    public ExportOptions withFields(List<String> fieldNames) {
        Objects.requireNonNull(fieldNames, "fieldNames");
        for (String name : fieldNames) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("fieldNames must not hold null or blank names");
            }
        }
        return new ExportOptions(
                listId,
                listName,
                List.copyOf(fieldNames),
                resumeFrom,
                concurrency,
                pageSize,
                quotaPolicy,
                onPlan,
                onProgress,
                nameLookups);
    }

    /**
     * @param checkpoint where to resume, from {@link ExportRow#next()} of the last row written
     * @return a copy
     */
    public ExportOptions withResumeFrom(ExportCheckpoint checkpoint) {
        return new ExportOptions(
                listId,
                listName,
                fields,
                Objects.requireNonNull(checkpoint, "checkpoint"),
                concurrency,
                pageSize,
                quotaPolicy,
                onPlan,
                onProgress,
                nameLookups);
    }

    /**
     * @param concurrency field-value calls in flight, 1 to {@value #MAX_CONCURRENCY}
     * @return a copy
     */
    public ExportOptions withConcurrency(int concurrency) {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be 1 to " + MAX_CONCURRENCY + ", was " + concurrency);
        }
        return new ExportOptions(
                listId,
                listName,
                fields,
                resumeFrom,
                concurrency,
                pageSize,
                quotaPolicy,
                onPlan,
                onProgress,
                nameLookups);
    }

    /**
     * @param pageSize list entries per page, 1 to 500; a checkpoint resumes only with the page size it was made with
     * @return a copy
     */
    public ExportOptions withPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("pageSize must be 1 to 500, was " + pageSize);
        }
        return new ExportOptions(
                listId,
                listName,
                fields,
                resumeFrom,
                concurrency,
                pageSize,
                quotaPolicy,
                onPlan,
                onProgress,
                nameLookups);
    }

    /**
     * @param quotaPolicy what to do when the monthly quota cannot cover the export ({@link QuotaPolicy#REFUSE} by
     *                    default)
     * @return a copy
     */
    public ExportOptions withQuotaPolicy(QuotaPolicy quotaPolicy) {
        return new ExportOptions(
                listId,
                listName,
                fields,
                resumeFrom,
                concurrency,
                pageSize,
                Objects.requireNonNull(quotaPolicy, "quotaPolicy"),
                onPlan,
                onProgress,
                nameLookups);
    }

    /**
     * @param onPlan called once with the quota plan, before the export sends its first request of work
     * @return a copy
     */
    public ExportOptions withOnPlan(Consumer<QuotaPlan> onPlan) {
        return new ExportOptions(
                listId,
                listName,
                fields,
                resumeFrom,
                concurrency,
                pageSize,
                quotaPolicy,
                Objects.requireNonNull(onPlan, "onPlan"),
                onProgress,
                nameLookups);
    }

    /**
     * @param onProgress called after each row, on the thread that delivers it; it must be quick and must not block
     * @return a copy
     */
    public ExportOptions withOnProgress(Consumer<ExportProgress> onProgress) {
        return new ExportOptions(
                listId,
                listName,
                fields,
                resumeFrom,
                concurrency,
                pageSize,
                quotaPolicy,
                onPlan,
                Objects.requireNonNull(onProgress, "onProgress"),
                nameLookups);
    }

    /**
     * Names for the person and organization values ({@link ExportRow#names()}). The export remembers the names of
     * the entities of its rows (a bounded cache of the last {@value #NAME_CACHE_SIZE}), so a value that refers to
     * one of them gets its name without a request; each other person or organization costs one
     * {@code GET /persons/{id}} or {@code GET /organizations/{id}} under the rate limiter, once per distinct id, up
     * to {@code maxLookups} in all. The {@link QuotaPlan} counts {@code maxLookups} (at most one per person or
     * organization cell of single-valued fields) as requests the export may send. Without lookups rows carry no
     * names: names seen in earlier rows alone would make a resumed export differ from an uninterrupted one; with
     * them, it differs only once the lookups run out.
     *
     * @param maxLookups the most name lookups, 0 (the default) for names seen in the export only
     * @return a copy
     */
    public ExportOptions withNameLookups(int maxLookups) {
        if (maxLookups < 0) {
            throw new IllegalArgumentException("maxLookups must not be negative, was " + maxLookups);
        }
        return new ExportOptions(
                listId,
                listName,
                fields,
                resumeFrom,
                concurrency,
                pageSize,
                quotaPolicy,
                onPlan,
                onProgress,
                maxLookups);
    }

    /** @return the most name lookups the export sends */
    public int nameLookups() {
        return nameLookups;
    }

    /** @return the list's id, when it was given by id */
    public OptionalLong listId() {
        return listId == null ? OptionalLong.empty() : OptionalLong.of(listId);
    }

    /** @return the list's name, when it was given by name */
    public Optional<String> listName() {
        return Optional.ofNullable(listName);
    }

    /** @return the field names to export; empty for all */
    public List<String> fields() {
        return fields;
    }

    /** @return where the export starts */
    public ExportCheckpoint resumeFrom() {
        return resumeFrom;
    }

    /** @return field-value calls in flight */
    public int concurrency() {
        return concurrency;
    }

    /** @return list entries per page */
    public int pageSize() {
        return pageSize;
    }

    /** @return what to do when the quota cannot cover the export */
    public QuotaPolicy quotaPolicy() {
        return quotaPolicy;
    }

    /** @return the quota plan callback */
    public Consumer<QuotaPlan> onPlan() {
        return onPlan;
    }

    /** @return the progress callback */
    public Consumer<ExportProgress> onProgress() {
        return onProgress;
    }

    @Override
    public String toString() {
        return "ExportOptions{list=" + (listId != null ? listId : "'" + listName + "'") + ", fields=" + fields
                + ", resumeFrom=" + resumeFrom.format() + ", concurrency=" + concurrency + ", pageSize=" + pageSize
                + ", quotaPolicy=" + quotaPolicy + ", nameLookups=" + nameLookups + '}';
    }
}
