package org.hubql.db.sqlite;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a page of an index's rows lies in its order: from the {@code anchor} (included) walking forward, or backward
 * when {@code backward}, never reaching {@code farEnd}, at most {@code limit} rows. This mirrors a keyset page's SQL
 * ({@code org.hubql.db.PageWindow}): rows without the order's date come after the others in either direction.
 */
public record IndexWindow(
        boolean descending, Optional<Position> anchor, Optional<Position> farEnd, boolean backward, int limit) {

    /** A row's place in the order: its date (empty when it has none, or for the id order) and its id. */
    public record Position(Optional<Instant> date, long id) {}
}
