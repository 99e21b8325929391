package org.hubql.graph;

/**
 * What one query may ask for, checked before any SQL runs.
 *
 * @param maxDepth       deepest selection nesting
 * @param maxCost        largest estimate of the objects a query may return (see {@link QueryCost})
 * @param maxAliases     most aliased fields in one document
 * @param maxRootFields  most fields selected at the root of the operation
 * @param introspection  whether {@code __schema} and {@code __type} answer
 * @param maxFields      most field selections in one document, fragments counted each time they are spread:
 *                       checked before validation, whose merging of repeated fields grows with their square
 */
public record QueryLimits(
        int maxDepth, int maxCost, int maxAliases, int maxRootFields, boolean introspection, int maxFields) {

    public static QueryLimits defaults() {
        return new QueryLimits(15, 200_000, 30, 20, true, 2_000);
    }

    /** The defaults but for the first five. */
    public static QueryLimits of(int maxDepth, int maxCost, int maxAliases, int maxRootFields, boolean introspection) {
        return new QueryLimits(
                maxDepth,
                maxCost,
                maxAliases,
                maxRootFields,
                introspection,
                defaults().maxFields());
    }
}
