package org.hubql.db.sqlite;

import java.sql.SQLException;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * The ids of the rows each owner has in a table with no index on its owner column, such as the spawners or API
 * tokens of each user. Immutable: each row is one packed {@code owner << 32 | id} ({@link PackedIds}), sorted,
 * about 8 bytes a row.
 */
final class OwnedIds {
    private final long[] packed;

    /** @param packed {@code owner << 32 | id} for each row, sorted */
    OwnedIds(long[] packed) {
        this.packed = packed;
    }

    /** Reads {@code group_concat((owner << 32) | id)} of a table's rows, after {@code beyond} is checked. */
    static OwnedIds read(@Nullable String text, long beyond, String what) throws SQLException {
        PackedIds.checkBounds(beyond, what);
        PackedIds.Builder rows = new PackedIds.Builder(1024);
        PackedIds.forEach(text, rows::add);
        return new OwnedIds(rows.sorted());
    }

    /** The ids of these owners' rows, by owner then id; owners that cannot be packed have none. */
    long[] of(Collection<Long> owners) {
        PackedIds.Builder ids = new PackedIds.Builder(Math.max(16, owners.size() * 2));
        for (long owner :
                owners.stream().mapToLong(Long::longValue).sorted().distinct().toArray()) {
            if (!PackedIds.fitsHigh(owner)) {
                continue;
            }
            int end = PackedIds.rangeEnd(packed, owner);
            for (int i = PackedIds.rangeStart(packed, owner); i < end; i++) {
                ids.add(packed[i] & PackedIds.LOW_32);
            }
        }
        return ids.inOrder();
    }

    int size() {
        return packed.length;
    }
}
