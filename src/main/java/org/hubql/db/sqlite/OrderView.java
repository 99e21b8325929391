package org.hubql.db.sqlite;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a {@link DatedRows} in one order, as a keyset page's SQL walks them ({@code org.hubql.db.KeysetOrder}):
 * ascending, the rows with a date by (date, id) and then those without by id; descending, each part reversed, those
 * without still last. Walking backward reverses the whole. Rows are the index's positions, which are in id order.
 */
final class OrderView {
    private final long[] ids;
    private final long @Nullable [] keys;
    private final int[] valued;
    private final int[] nulls;

    private OrderView(long[] ids, long @Nullable [] keys, int[] valued, int[] nulls) {
        this.ids = ids;
        this.keys = keys;
        this.valued = valued;
        this.nulls = nulls;
    }

    static OrderView byId(long[] ids) {
        int[] rows = new int[ids.length];
        for (int row = 0; row < rows.length; row++) {
            rows[row] = row;
        }
        return new OrderView(ids, null, rows, new int[0]);
    }

    static OrderView byDate(long[] ids, long[] keys) {
        int valuedCount = 0;
        for (long key : keys) {
            valuedCount += key == DateKey.NULL ? 0 : 1;
        }
        int[] valued = new int[valuedCount];
        int[] nulls = new int[keys.length - valuedCount];
        int v = 0;
        int n = 0;
        for (int row = 0; row < keys.length; row++) {
            if (keys[row] == DateKey.NULL) {
                nulls[n++] = row;
            } else {
                valued[v++] = row;
            }
        }
        return new OrderView(ids, keys, StableSort.byKey(valued, keys), nulls);
    }

    /** Whether rows are ordered by a date first; by id alone otherwise. */
    boolean byDate() {
        return keys != null;
    }

    /**
     * The ids of up to {@code limit} rows {@code matches} keeps, walking from {@code anchor} (included) away from the
     * start, or toward it when {@code backward}, stopping before {@code far}.
     */
    long[] walk(boolean descending, boolean backward, Place anchor, Place far, int limit, IntPredicate matches) {
        int size = valued.length + nulls.length;
        int step = backward ? -1 : 1;
        int at;
        if (!anchor.present()) {
            at = backward ? size - 1 : 0;
        } else {
            at = backward ? firstAbove(anchor, descending) - 1 : firstAtLeast(anchor, descending);
        }
        long[] picked = new long[Math.max(0, Math.min(limit, size))];
        int count = 0;
        for (; at >= 0 && at < size && count < picked.length; at += step) {
            int row = row(at, descending);
            if (far.present() && reached(row, far, descending, backward)) {
                break;
            }
            if (matches.test(row)) {
                picked[count++] = ids[row];
            }
        }
        return Arrays.copyOf(picked, count);
    }

    private boolean reached(int row, Place far, boolean descending, boolean backward) {
        int side = compare(row, far, descending);
        return backward ? side <= 0 : side >= 0;
    }

    /** Positions {@code [from, to)} of the rows whose date is from {@code lowest} to {@code highest}, for {@link #valuedRow}. */
    int[] valuedSpan(long lowest, long highest) {
        if (lowest > highest) {
            return new int[] {0, 0};
        }
        int from = firstAtLeast(new Place(true, lowest, Long.MIN_VALUE), false);
        int to = firstAtLeast(new Place(true, highest, Long.MAX_VALUE), false);
        return new int[] {Math.min(from, valued.length), Math.min(to, valued.length)};
    }

    /** The row at a position among the rows that have a date, ascending. */
    int valuedRow(int at) {
        return valued[at];
    }

    /** The row at a position of the order walked forward. */
    private int row(int at, boolean descending) {
        if (at < valued.length) {
            return valued[descending ? valued.length - 1 - at : at];
        }
        int inNulls = at - valued.length;
        return nulls[descending ? nulls.length - 1 - inNulls : inNulls];
    }

    private int firstAtLeast(Place place, boolean descending) {
        int low = 0;
        int high = valued.length + nulls.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (compare(row(middle, descending), place, descending) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private int firstAbove(Place place, boolean descending) {
        int low = 0;
        int high = valued.length + nulls.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (compare(row(middle, descending), place, descending) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The row against a place, in the order walked forward: rows without a date come last either way. */
    private int compare(int row, Place place, boolean descending) {
        int order;
        if (keys == null) {
            order = Long.compare(ids[row], place.id());
        } else {
            boolean rowNull = keys[row] == DateKey.NULL;
            boolean placeNull = place.key() == DateKey.NULL;
            if (rowNull != placeNull) {
                return rowNull ? 1 : -1;
            }
            order = rowNull ? 0 : Long.compare(keys[row], place.key());
            order = order != 0 ? order : Long.compare(ids[row], place.id());
        }
        return descending ? -order : order;
    }

    /** A keyset position as the order view compares it: {@code present} false for "no bound". */
    record Place(boolean present, long key, long id) {
        static final Place NONE = new Place(false, DateKey.NULL, 0);
    }
}
