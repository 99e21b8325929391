package org.hubql.db.sqlite;

import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The text a row-per-entry index's build statement packs its rows in: rows separated by {@code ;}, each of a fixed
 * number of fields separated by {@code ,}, an empty field standing for null; read row by row.
 */
final class PackedRows {
    private final String packed;
    private final int[] ends;
    private final int rows;
    private int rowStart;
    private int next;

    PackedRows(@Nullable String packed, int fields) {
        this.packed = packed == null ? "" : packed;
        this.ends = new int[fields];
        this.rows = packed == null ? 0 : countRows(packed);
    }

    /** {@code typeof(column)} is neither text nor null, or it is empty: a date this reading would misread. */
    static String notText(String column) {
        return "(typeof(" + column + ") NOT IN ('text', 'null') OR " + column + " = '')";
    }

    /** {@code typeof(column)} is neither integer nor null. */
    static String notInteger(String column) {
        return "typeof(" + column + ") NOT IN ('integer', 'null')";
    }

    private static int countRows(String packed) {
        int rows = 1;
        for (int i = packed.indexOf(';'); i >= 0; i = packed.indexOf(';', i + 1)) {
            rows++;
        }
        return rows;
    }

    int rows() {
        return rows;
    }

    /** Moves to the next row; false when it has not exactly as many fields as each row should. */
    boolean next() {
        int end = packed.indexOf(';', next);
        end = end < 0 ? packed.length() : end;
        int field = 0;
        for (int i = next; i < end && field < ends.length; i++) {
            if (packed.charAt(i) == ',') {
                ends[field++] = i;
            }
        }
        if (field != ends.length - 1) {
            return false;
        }
        ends[ends.length - 1] = end;
        rowStart = next;
        next = end + 1;
        return true;
    }

    private int start(int field) {
        return field == 0 ? rowStart : ends[field - 1] + 1;
    }

    /** The field as an integer; {@code ifNull} when it is empty. */
    long integer(int field, long ifNull) {
        int from = start(field);
        return from == ends[field] ? ifNull : Long.parseLong(packed, from, ends[field], 10);
    }

    /** The field as a date's key, {@link DateKey#NULL} when empty; empty when it is not of SQLAlchemy's shape. */
    private OptionalLong date(int field) {
        int from = start(field);
        return from == ends[field] ? OptionalLong.of(DateKey.NULL) : DateKey.of(packed, from, ends[field]);
    }

    /**
     * Reads the row's last fields, from {@code first} on, as the keys of {@code dates[0]}, {@code dates[1]}, … at
     * {@code row}; false when one of them is not a date of SQLAlchemy's shape.
     */
    boolean dates(int first, long[][] dates, int row) {
        for (int date = 0; date < dates.length; date++) {
            OptionalLong key = date(first + date);
            if (key.isEmpty()) {
                return false;
            }
            dates[date][row] = key.getAsLong();
        }
        return true;
    }

    /** Whether the field is {@code 1}, as SQLite writes a true condition. */
    boolean flag(int field) {
        return integer(field, 0) == 1;
    }
}
