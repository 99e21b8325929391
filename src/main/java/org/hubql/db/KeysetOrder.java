package org.hubql.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An order a connection pages in, by keyset: an optional sort column, then the row id, so that every position is
 * unique. Rows without a sort value (never active, never expiring …) come last in the requested direction,
 * ascending or descending, on every engine; walking backward reverses the whole order, those rows included, so
 * a backward page is exactly the forward rows before the cursor.
 */
public record KeysetOrder(Optional<String> sortColumn, boolean nullable, String idColumn, boolean descending) {

    /** By id alone. */
    public static KeysetOrder byId(String idColumn, boolean descending) {
        return new KeysetOrder(Optional.empty(), false, idColumn, descending);
    }

    /** By a column that is never null (a name), then by id. */
    public static KeysetOrder by(String sortColumn, String idColumn, boolean descending) {
        return new KeysetOrder(Optional.of(sortColumn), false, idColumn, descending);
    }

    /** By a column that may be null, then by id; rows whose column is null come last. */
    public static KeysetOrder byNullable(String sortColumn, String idColumn, boolean descending) {
        return new KeysetOrder(Optional.of(sortColumn), true, idColumn, descending);
    }

    /** The ORDER BY list that walks this order the given way. */
    public String orderBy(Walk walk) {
        String direction = descendingOn(walk) ? " DESC" : " ASC";
        String id = idColumn + direction;
        return sortColumn
                .map(column -> (nullable ? nullsLastOn(walk, column) + ", " : "") + column + direction + ", " + id)
                .orElse(id);
    }

    /** The condition for the rows past {@code position} walking the given way; {@code inclusive} keeps its own row. */
    public SqlFragment beyond(KeysetPosition position, Walk walk, boolean inclusive) {
        String op = descendingOn(walk) ? "<" : ">";
        String idOp = op + (inclusive ? "=" : "");
        if (sortColumn.isEmpty()) {
            return fragment(idColumn + " " + idOp + " ?", position.id());
        }
        String column = sortColumn.get();
        Object value = position.sortValue();
        boolean nullsBeyond = nullable && walk == Walk.FORWARD;
        if (value == null) {
            return nullsBeyond
                    ? fragment("(" + column + " IS NULL AND " + idColumn + " " + idOp + " ?)", position.id())
                    : fragment("(" + column + " IS NOT NULL OR " + idColumn + " " + idOp + " ?)", position.id());
        }
        String past = column + " " + op + " ? OR (" + column + " = ? AND " + idColumn + " " + idOp + " ?)";
        return nullsBeyond
                ? fragment("(" + column + " IS NULL OR " + past + ")", value, value, position.id())
                : fragment("(" + past + ")", value, value, position.id());
    }

    private boolean descendingOn(Walk walk) {
        return descending != (walk == Walk.BACKWARD);
    }

    /** Nulls sort as 1 after the others' 0: last walking forward, first walking backward. */
    private static String nullsLastOn(Walk walk, String column) {
        return "CASE WHEN " + column + " IS NULL THEN 1 ELSE 0 END" + (walk == Walk.BACKWARD ? " DESC" : " ASC");
    }

    private static SqlFragment fragment(String text, Object... params) {
        return new SqlFragment(text, new ArrayList<>(List.of(params)));
    }
}
