package org.hubql.db.sqlite;

/** Sorts row positions by a key of each row, keeping the given order among equal keys: a merge sort on ints. */
final class StableSort {
    private StableSort() {
        // non-constructable
    }

    /** {@code rows}, sorted in place by {@code keys[row]}, rows with equal keys in their given order; returns it. */
    static int[] byKey(int[] rows, long[] keys) {
        int[] from = rows;
        int[] to = new int[rows.length];
        for (int width = 1; width < rows.length; width *= 2) {
            for (int start = 0; start < rows.length; start += 2 * width) {
                merge(
                        from,
                        to,
                        start,
                        Math.min(start + width, rows.length),
                        Math.min(start + 2 * width, rows.length),
                        keys);
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        if (from != rows) {
            System.arraycopy(from, 0, rows, 0, rows.length);
        }
        return rows;
    }

    private static void merge(int[] from, int[] to, int start, int middle, int end, long[] keys) {
        int left = start;
        int right = middle;
        for (int at = start; at < end; at++) {
            if (left < middle && (right >= end || keys[from[left]] <= keys[from[right]])) {
                to[at] = from[left++];
            } else {
                to[at] = from[right++];
            }
        }
    }
}
