package org.hubql.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hubql.db.KeysetPosition;
import org.hubql.db.PageWindow;
import org.hubql.db.Walk;
import org.jspecify.annotations.Nullable;

/**
 * One page of a Relay connection. {@code totalCount} is a supplier so that the count runs only when a query
 * selects it.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Supplier<CompletableFuture<Integer>> totalCount) {

    /**
     * The page from the rows a {@link PageWindow} fetched, in the order it walked: first the anchor's own row, if it
     * still matches (then rows lie on the anchor's other side), then the page, then possibly one more (then the walk
     * goes on). A backward page is turned back into the connection's order.
     */
    static <T> Connection<T> of(
            List<T> rows, PageWindow window, Keyset<T> keyset, Supplier<CompletableFuture<Integer>> totalCount) {
        KeysetPosition anchor = window.anchor();
        boolean anchorFound = anchor != null
                && !rows.isEmpty()
                && keyset.positionOf().apply(rows.get(0)).equals(anchor);
        List<T> walked = anchorFound ? rows.subList(1, rows.size()) : rows;
        boolean walkGoesOn = walked.size() > window.size();
        List<T> page = new ArrayList<>(walked.subList(0, Math.min(window.size(), walked.size())));
        boolean backward = window.walk() == Walk.BACKWARD;
        if (backward) {
            Collections.reverse(page);
        }
        List<Edge<T>> edges =
                page.stream().map(row -> new Edge<>(row, keyset::cursor)).toList();
        String startCursor = edges.isEmpty() ? null : edges.get(0).cursor();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        PageInfo pageInfo = backward
                ? new PageInfo(anchorFound, walkGoesOn, startCursor, endCursor)
                : new PageInfo(walkGoesOn, anchorFound, startCursor, endCursor);
        return new Connection<>(edges, pageInfo, totalCount);
    }

    /** No rows, and a count of zero: what a viewer gets for a list it may not see. */
    static <T> Connection<T> empty() {
        return new Connection<>(
                List.of(), new PageInfo(false, false, null, null), () -> CompletableFuture.completedFuture(0));
    }

    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }

    /**
     * A row and how to write its cursor. An edge's cursor is written only when a query selects it; the page's
     * {@code startCursor} and {@code endCursor} are written for every page, from its first and last edge.
     */
    public record Edge<T>(T node, Function<T, String> cursorOf) {
        public String cursor() {
            return cursorOf.apply(node);
        }
    }

    public record PageInfo(
            boolean hasNextPage,
            boolean hasPreviousPage,
            @Nullable String startCursor,
            @Nullable String endCursor) {}
}
