package org.hubql.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The ids of the rows each owner has in a table with no index on its owner column, such as the spawners or API
 * tokens of each user. Immutable. Each row is one {@code long}, {@code owner << 32 | id}, sorted: about 8 bytes a
 * row. Ids that do not fit (owners from 2^31, rows from 2^32) are refused when the index is read.
 */
final class OwnedIds {
    static final long LOW_32 = 0xFFFF_FFFFL;

    private final long[] packed;

    /** @param packed {@code owner << 32 | id} for each row, sorted */
    OwnedIds(long[] packed) {
        this.packed = packed;
    }

    /** {@code owner << 32 | id}; an error for ids beyond what a long can pack. */
    static long pack(long owner, long id, String what) throws SQLException {
        if (owner < 0 || owner > Integer.MAX_VALUE || id < 0 || id > LOW_32) {
            throw new SQLException(what + " " + id + " of " + owner + " is beyond the ids hubql can index");
        }
        return owner << 32 | id;
    }

    /**
     * Reads {@code group_concat((owner << 32) | id)} of a table's rows; {@code beyond} is how many rows have ids
     * that do not fit, which the statement counts rather than packs.
     */
    static OwnedIds read(String text, long beyond, String what) throws SQLException {
        if (beyond > 0) {
            throw new SQLException(beyond + " " + what + " have ids beyond those hubql can index");
        }
        long[] values = new long[1024];
        int count = 0;
        int length = text == null ? 0 : text.length();
        for (int at = 0; at < length; ) {
            int end = text.indexOf(',', at);
            end = end < 0 ? length : end;
            values = count == values.length ? Arrays.copyOf(values, count * 2) : values;
            values[count++] = Long.parseLong(text, at, end, 10);
            at = end + 1;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return new OwnedIds(sorted);
    }

    /** The ids of these owners' rows, by owner then id. */
    List<Long> of(Collection<Long> owners) {
        List<Long> ids = new ArrayList<>();
        for (long owner : owners.stream().mapToLong(Long::longValue).sorted().distinct().toArray()) {
            if (owner < 0 || owner > Integer.MAX_VALUE) {
                continue;
            }
            for (int i = firstAtLeast(owner << 32); i < packed.length && packed[i] >>> 32 == owner; i++) {
                ids.add(packed[i] & LOW_32);
            }
        }
        return ids;
    }

    int size() {
        return packed.length;
    }

    private int firstAtLeast(long value) {
        int found = Arrays.binarySearch(packed, value);
        return found >= 0 ? found : -found - 1;
    }
}
