package org.hubql.db.sqlite;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Two ids packed in one {@code long}, {@code high << 32 | low}, in sorted arrays: what every index here is made of.
 * The high id must be below 2^31 (the sign bit stays free, so a negated value can mark a row) and the low id below
 * 2^32; the statements that build an index count the rows beyond that ({@link #beyond}), and such an index is
 * refused with an error rather than misread.
 */
final class PackedIds {
    static final long LOW_32 = 0xFFFF_FFFFL;

    private PackedIds() {
        // non-constructable
    }

    /** SQL for {@code high << 32 | low} of a row. */
    static String packed(String high, String low) {
        return "(" + high + " << 32) | " + low;
    }

    /** SQL for how many rows have ids that do not pack, as the column {@code beyond}. */
    static String beyond(String high, String low) {
        return "COALESCE(SUM(" + high + " < 0 OR " + high + " > 2147483647 OR " + low + " < 0 OR " + low
                + " > 4294967295), 0) AS beyond";
    }

    /** Refuses an index whose statement counted {@code beyond} rows of {@code what} that do not pack. */
    static void checkBounds(long beyond, String what) throws SQLException {
        if (beyond > 0) {
            throw new SQLException(beyond + " " + what + " have ids beyond those hubql can index");
        }
    }

    /** {@code high << 32 | low}; an error for ids that do not pack (the build statements pack in SQL instead). */
    static long pack(long high, long low) throws SQLException {
        if (!fitsHigh(high) || low < 0 || low > LOW_32) {
            throw new SQLException("ids " + high + ", " + low + " are beyond those hubql can index");
        }
        return high << 32 | low;
    }

    static boolean fitsHigh(long high) {
        return high >= 0 && high <= Integer.MAX_VALUE;
    }

    /** Each value of a {@code group_concat} of packed ids: comma-separated longs, or null for no row. */
    static void forEach(@Nullable String text, LongConsumer action) {
        int length = text == null ? 0 : text.length();
        for (int at = 0; at < length; ) {
            int end = text.indexOf(',', at);
            end = end < 0 ? length : end;
            action.accept(Long.parseLong(text, at, end, 10));
            at = end + 1;
        }
    }

    /** Where {@code value} is, or would be inserted, in {@code sorted}. */
    static int firstAtLeast(long[] sorted, long value) {
        int found = Arrays.binarySearch(sorted, value);
        return found >= 0 ? found : -found - 1;
    }

    /** Where the values above {@code value} start in {@code sorted}. */
    static int firstAbove(long[] sorted, long value) {
        return value == Long.MAX_VALUE ? sorted.length : firstAtLeast(sorted, value + 1);
    }

    /** The positions in {@code sorted} of the values whose high id is {@code high}: {@code [from, to)}. */
    static int rangeStart(long[] sorted, long high) {
        return firstAtLeast(sorted, high << 32);
    }

    static int rangeEnd(long[] sorted, long high) {
        return firstAbove(sorted, high << 32 | LOW_32);
    }

    /** A growing array of longs, sorted once all are in. */
    static final class Builder {
        private long[] values;
        private int count;

        Builder(int capacity) {
            values = new long[capacity];
        }

        void add(long value) {
            if (count == values.length) {
                values = Arrays.copyOf(values, Math.max(16, count * 2));
            }
            values[count++] = value;
        }

        long[] inOrder() {
            return Arrays.copyOf(values, count);
        }

        long[] sorted() {
            long[] kept = inOrder();
            Arrays.sort(kept);
            return kept;
        }

        long[] sortedDistinct() {
            return Arrays.stream(values, 0, count).sorted().distinct().toArray();
        }
    }
}
