/**
 * Value types of the Affinity API v1, generated at build time from {@code spec/affinity-v1.yaml}.
 *
 * <p>Every object of the API is an immutable type with a builder ({@code Person.builder()}),
 * {@code copyOf}/{@code from} and {@code with*} copies. Integer-coded enumerations are open: an
 * unknown code decodes and is written back unchanged. Properties that the API may omit or send as
 * {@code null} are {@link java.util.Optional}; arrays are never null. Read and write these types
 * with the mapper from {@link io.affinity.model.json.AffinityJson}.
 */
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PUBLIC)
package io.affinity.model;

import org.immutables.value.Value;
