/**
 * The Affinity API's data: immutable value types generated from the OpenAPI description, open enums, the
 * field-value sealed type and the shared Jackson configuration.
 */
module io.affinity.model {
    requires transitive com.fasterxml.jackson.annotation;
    requires transitive com.fasterxml.jackson.core;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires static org.immutables.value.annotations;
    requires static java.compiler;

    exports io.affinity.model;
    exports io.affinity.model.json;
    exports io.affinity.model.value;
    // the paged envelopes the client unwraps
    exports io.affinity.model.wire to
            io.affinity.client;

    opens io.affinity.model to
            com.fasterxml.jackson.databind;
    opens io.affinity.model.wire to
            com.fasterxml.jackson.databind;
}
