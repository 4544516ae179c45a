/**
 * The values of the client's recipes, the reference's common use cases as one call each: a list export's options,
 * rows, checkpoint and progress, and the quota plan a recipe makes before it starts.
 */
package io.affinity.client.recipes;
