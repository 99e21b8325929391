package org.hubql.db;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a connection in keyset terms, as Relay's {@code first}/{@code after} or {@code last}/{@code before}
 * ask for it: up to {@code size} rows walking {@code walk} from the anchor (the cursor the walk starts at), and
 * never past the far cursor. The anchor's own row is fetched too, when it still matches: finding it tells that rows
 * exist on the other side, which Relay's {@code hasPreviousPage} (or, walking backward, {@code hasNextPage}) asks,
 * at no extra statement. A statement fetches {@link #limit()} rows: the anchor, the page, and one more to tell
 * whether the walk goes on.
 */
public record PageWindow(
        @Nullable KeysetPosition after, @Nullable KeysetPosition before, Walk walk, int size) {

    /** The first {@code size} rows, walking forward from the start. */
    public static PageWindow first(int size) {
        return new PageWindow(null, null, Walk.FORWARD, size);
    }

    public @Nullable KeysetPosition anchor() {
        return walk == Walk.FORWARD ? after : before;
    }

    private @Nullable KeysetPosition farEnd() {
        return walk == Walk.FORWARD ? before : after;
    }

    /** How many rows a statement for this page fetches. */
    public int limit() {
        return size + 1 + (anchor() == null ? 0 : 1);
    }

    /** The conditions that bound this page in {@code order}, each to be ANDed to a statement's WHERE. */
    public List<SqlFragment> bounds(KeysetOrder order) {
        List<SqlFragment> bounds = new ArrayList<>(2);
        KeysetPosition anchor = anchor();
        if (anchor != null) {
            bounds.add(order.beyond(anchor, walk, true));
        }
        KeysetPosition far = farEnd();
        if (far != null) {
            bounds.add(order.beyond(far, walk.opposite(), false));
        }
        return bounds;
    }

    /**
     * The statement of this page: {@code select} (up to its FROM) with {@code where} and this page's bounds, in the
     * walk's order, fetching {@link #limit()} rows.
     */
    SqlFragment statement(String select, Where where, KeysetOrder order) {
        where.addAll(bounds(order));
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit());
        return new SqlFragment(select + where.text() + " ORDER BY " + order.orderBy(walk) + " LIMIT ?", params);
    }

    /** {@code " AND b1 AND b2"} (or {@code " WHERE …"} when {@code hasWhere} is false), with params added to {@code params}. */
    public String appendBounds(KeysetOrder order, boolean hasWhere, List<Object> params) {
        StringBuilder text = new StringBuilder();
        boolean first = !hasWhere;
        for (SqlFragment bound : bounds(order)) {
            text.append(first ? " WHERE " : " AND ").append(bound.text());
            params.addAll(bound.params());
            first = false;
        }
        return text.toString();
    }
}
