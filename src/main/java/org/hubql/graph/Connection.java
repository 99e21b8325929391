package org.hubql.graph;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One page of a Relay connection. {@code totalCount} is a supplier so that the count runs only when a query
 * selects it.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Supplier<CompletableFuture<Integer>> totalCount) {

    /**
     * The page from rows fetched with a limit one above the page size: the extra row only tells that a next
     * page exists.
     */
    static <T> Connection<T> of(
            List<T> rows, int pageSize, Function<T, String> cursor, Supplier<CompletableFuture<Integer>> totalCount) {
        boolean hasNextPage = rows.size() > pageSize;
        List<Edge<T>> edges = rows.stream()
                .limit(pageSize)
                .map(row -> new Edge<>(row, cursor))
                .toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Connection<>(edges, new PageInfo(hasNextPage, endCursor), totalCount);
    }

    /** No rows, and a count of zero: what a viewer gets for a list it may not see. */
    static <T> Connection<T> empty() {
        return of(List.of(), 0, row -> "", () -> CompletableFuture.completedFuture(0));
    }

    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }

    /**
     * A row and how to write its cursor. An edge's cursor is written only when a query selects it; the page's
     * {@code endCursor} is written for every page, from its last edge (one cursor a page).
     */
    public record Edge<T>(T node, Function<T, String> cursorOf) {
        public String cursor() {
            return cursorOf.apply(node);
        }
    }

    public record PageInfo(boolean hasNextPage, @Nullable String endCursor) {}
}
