/**
 * Compiled plans: a query operation of a well-defined subset (the {@code users}, {@code user}, {@code groups} and
 * {@code group} root fields and the object relations below them, with aliases, {@code __typename} and fragments on
 * the same type) is compiled once into a tree of {@link org.hubql.graph.plan.Selection}s, then each request runs it
 * level by level and writes its JSON straight from the fetched values, without graphql-java's per-field execution
 * or result maps. {@link org.hubql.graph.plan.PlanStrategy} is the one entry point; anything outside the subset,
 * and anything unusual at run time, runs on the strategy it wraps.
 *
 * <p>Imports: this package uses graphql-java, Jackson, Caffeine and java-dataloader, and nothing of the rest of
 * {@code graph}; what it needs of the viewer's access comes through {@link org.hubql.graph.plan.ViewerReads}.
 *
 * <p>Nullness: every type in a signature here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package org.hubql.graph.plan;

import org.jspecify.annotations.NullMarked;
