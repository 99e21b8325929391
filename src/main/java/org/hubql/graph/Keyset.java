package org.hubql.graph;

import java.util.function.Function;
import org.hubql.db.KeysetPosition;

/**
 * How the rows of one connection in one order map to keyset positions and back to cursors: the list's tag (so a
 * cursor from another list or order is refused), what kind of sort value the position holds, and where a row's
 * position comes from.
 */
record Keyset<T>(String tag, Cursors.SortValue sortValue, Function<T, KeysetPosition> positionOf) {

    String cursor(T row) {
        return Cursors.encode(tag, positionOf.apply(row));
    }

    KeysetPosition position(String cursor) {
        return Cursors.decode(cursor, tag, sortValue);
    }
}
