/**
 * Query and filter parameters of the client's searches and list calls: immutable value types built with their
 * {@code builder()}. Builders never throw; the resource method that receives a query checks it and fails its
 * publisher with an {@link java.lang.IllegalArgumentException} naming the parameter before anything is sent.
 */
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PUBLIC)
package io.affinity.client.query;

import org.immutables.value.Value;
