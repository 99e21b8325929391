package org.hubql.db.sqlite;

import org.jspecify.annotations.Nullable;

/**
 * Up to {@code limit} ids from {@code lowest} to {@code highest} (both included), ascending, or descending from the
 * highest: one page of a list ordered by id.
 */
public record IdRange(long lowest, long highest, boolean descending, int limit) {

    /** The first {@code limit} ids above {@code afterId} (every id when null), ascending. */
    public static IdRange after(@Nullable Long afterId, int limit) {
        return new IdRange(afterId == null ? 0 : afterId + 1, Long.MAX_VALUE, false, limit);
    }
}
