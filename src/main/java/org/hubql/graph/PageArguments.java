package org.hubql.graph;

import graphql.schema.DataFetchingEnvironment;
import org.hubql.db.PageWindow;
import org.hubql.db.Walk;
import org.jspecify.annotations.Nullable;

/**
 * A connection's Relay arguments, {@code first}/{@code after} or {@code last}/{@code before}, checked: {@code last}
 * walks backward from {@code before} (or from the end); otherwise the page walks forward. Both cursors may be
 * given and bound the page on both sides.
 */
record PageArguments(
        int size,
        Walk walk,
        @Nullable String after,
        @Nullable String before) {

    static PageArguments of(DataFetchingEnvironment env, PageSize pageSize) {
        Integer first = env.getArgument("first");
        Integer last = env.getArgument("last");
        if (first != null && last != null) {
            throw new BadInputException("pass `first` (with `after`) or `last` (with `before`), not both");
        }
        String after = env.getArgument("after");
        String before = env.getArgument("before");
        return last != null
                ? new PageArguments(pageSize.resolve("last", last), Walk.BACKWARD, after, before)
                : new PageArguments(pageSize.resolve("first", first), Walk.FORWARD, after, before);
    }

    /** The page in keyset terms, its cursors read by {@code keyset}. */
    PageWindow window(Keyset<?> keyset) {
        return new PageWindow(
                after == null ? null : keyset.position(after),
                before == null ? null : keyset.position(before),
                walk,
                size);
    }
}
