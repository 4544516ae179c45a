package io.affinity.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * What {@link EntityFiles#upload(EntityFileUpload)} sends: one or more files and the one person, organization or
 * opportunity they are attached to. Immutable. The builder never throws; the upload checks the rules (at least one
 * file, exactly one entity, ids positive) and fails before anything is sent when one is broken.
 *
 * <pre>{@code
 * EntityFileUpload upload = EntityFileUpload.builder()
 *         .file(UploadFile.of(Path.of("deck.pdf")).withContentType("application/pdf"))
 *         .opportunityId(117)
 *         .build();
 * }</pre>
 */
public final class EntityFileUpload {

    private final List<UploadFile> files;
    private final Long personId;
    private final Long organizationId;
    private final Long opportunityId;

    private EntityFileUpload(Builder builder) {
        this.files = Collections.unmodifiableList(new ArrayList<>(builder.files));
        this.personId = builder.personId;
        this.organizationId = builder.organizationId;
        this.opportunityId = builder.opportunityId;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The files, in order. One file is sent as the form field {@code file}, several as {@code files[]}.
     *
     * @return the files; at least one is required
     */
    public List<UploadFile> files() {
        return files;
    }

    /** @return {@code person_id}: the person to attach the files to */
    public OptionalLong personId() {
        return optional(personId);
    }

    /** @return {@code organization_id}: the organization to attach the files to */
    public OptionalLong organizationId() {
        return optional(organizationId);
    }

    /** @return {@code opportunity_id}: the opportunity to attach the files to */
    public OptionalLong opportunityId() {
        return optional(opportunityId);
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    @Override
    public String toString() {
        return "EntityFileUpload{files=" + files + ", personId=" + personId + ", organizationId=" + organizationId
                + ", opportunityId=" + opportunityId + '}';
    }

    /** Builder of {@link EntityFileUpload}; never throws. Not thread-safe. */
    public static final class Builder {

        private final List<UploadFile> files = new ArrayList<>();
        private Long personId;
        private Long organizationId;
        private Long opportunityId;

        private Builder() {}

        /**
         * @param file a file to upload, after those added before
         * @return this builder
         */
        public Builder file(UploadFile file) {
            files.add(file);
            return this;
        }

        /**
         * @param files files to upload, after those added before
         * @return this builder
         */
        public Builder files(Iterable<UploadFile> files) {
            if (files == null) {
                this.files.add(null); // reported by the upload as a missing file
            } else {
                files.forEach(this.files::add);
            }
            return this;
        }

        /**
         * @param personId the person to attach the files to
         * @return this builder
         */
        public Builder personId(long personId) {
            this.personId = personId;
            return this;
        }

        /**
         * @param organizationId the organization to attach the files to
         * @return this builder
         */
        public Builder organizationId(long organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        /**
         * @param opportunityId the opportunity to attach the files to
         * @return this builder
         */
        public Builder opportunityId(long opportunityId) {
            this.opportunityId = opportunityId;
            return this;
        }

        /** @return the upload */
        public EntityFileUpload build() {
            return new EntityFileUpload(this);
        }
    }
}
