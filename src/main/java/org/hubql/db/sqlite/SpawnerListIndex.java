package org.hubql.db.sqlite;

import java.sql.SQLException;
import java.util.Optional;
import org.hubql.db.sqlite.SpawnerPick.SpawnerDate;
import org.hubql.db.sqlite.SpawnerPick.SpawnerFilter;
import org.jspecify.annotations.Nullable;

/**
 * Every spawner {@code Query.spawners} lists (those whose user row exists): its id, user, whether its server runs
 * (its {@code servers} row exists) and whether it is named, and its dates ({@code last_activity}, {@code started}),
 * read from {@code spawners} in one statement, with the spawners sorted by each date then id ({@link DatedRows}):
 * what a hub without an index on those columns would otherwise scan and sort for every page of spawners ordered by
 * date, and for its count. About 34 bytes a spawner, plus 4 for each order once a page has asked for it.
 *
 * <p>A hub whose dates are not all text of SQLAlchemy's shape ({@link DateKey}) would compare them in SQL otherwise
 * than here: its index is {@link #UNREADABLE}, and answers nothing.
 *
 * <p>Not thread-safe: an order is sorted the first time a page asks for it, and only the thread holding the index's
 * connection asks ({@link ConnectionIndexes}).
 */
final class SpawnerListIndex {
    /**
     * One call per row; {@code %d} writes a null condition (no server, no name) as 0, and {@code %s} a null date as
     * nothing. The servers' and users' ids are looked up in sets SQLite builds once, as in {@link SpawnerIndex}; a
     * {@code user_id} in the users' set is what the listing's join keeps.
     */
    private static final String ROW = "printf('%d,%d,%d,%d,%s,%s', s.id, s.user_id,"
            + " s.server_id IN (SELECT v.id FROM servers v), s.name <> '', s.last_activity, s.started)";

    /**
     * Every listed spawner as {@code id,user,running,named,last_activity,started} (empty for a null date), rows
     * separated by {@code ;}, in the table's rowid order, which {@link #read} checks; {@code beyond} counts the rows
     * whose dates this index could misread: not text, or empty.
     */
    static final String SELECT = "SELECT group_concat(" + ROW + ", ';') AS packed, COALESCE(SUM("
            + PackedRows.notText("s.last_activity") + " OR " + PackedRows.notText("s.started") + "), 0) AS beyond"
            + " FROM spawners s WHERE s.user_id IN (SELECT u.id FROM users u)";

    static final SpawnerListIndex UNREADABLE = new SpawnerListIndex(
            false, DatedRows.none(SpawnerDate.values().length), new long[0], new boolean[0], new boolean[0]);

    private static final int FIELDS = 6;
    private static final int FIRST_DATE = 4;

    private final boolean readable;
    private final DatedRows rows;
    private final long[] users;
    private final boolean[] running;
    private final boolean[] named;

    private SpawnerListIndex(boolean readable, DatedRows rows, long[] users, boolean[] running, boolean[] named) {
        this.readable = readable;
        this.rows = rows;
        this.users = users;
        this.running = running;
        this.named = named;
    }

    /** Reads the one row of {@link #SELECT}; a row it cannot read exactly makes the index {@link #UNREADABLE}. */
    static SpawnerListIndex read(@Nullable String packed, long beyond) throws SQLException {
        if (beyond > 0) {
            return UNREADABLE;
        }
        PackedRows rows = new PackedRows(packed, FIELDS);
        int count = rows.rows();
        long[] ids = new long[count];
        long[] users = new long[count];
        boolean[] running = new boolean[count];
        boolean[] named = new boolean[count];
        long[][] dates = new long[SpawnerDate.values().length][count];
        for (int row = 0; row < count; row++) {
            if (!rows.next() || !rows.dates(FIRST_DATE, dates, row)) {
                return UNREADABLE;
            }
            ids[row] = rows.integer(0, -1);
            users[row] = rows.integer(1, -1);
            running[row] = rows.flag(2);
            named[row] = rows.flag(3);
        }
        return DatedRows.of(ids, dates)
                .map(dated -> new SpawnerListIndex(true, dated, users, running, named))
                .orElse(UNREADABLE);
    }

    /** The ids of the page {@code pick} asks for, in its walk's order; empty when the index cannot answer it. */
    Optional<long[]> page(SpawnerPick pick) {
        return match(pick.filter()).flatMap(match -> rows.page(pick.order(), pick.window(), match));
    }

    /** How many spawners {@code filter} keeps; empty when the index cannot answer it. */
    Optional<Integer> count(SpawnerFilter filter) {
        return match(filter).map(SpawnerMatch::count);
    }

    private Optional<SpawnerMatch> match(SpawnerFilter filter) {
        return readable ? SpawnerMatch.of(filter, this) : Optional.empty();
    }

    DatedRows rows() {
        return rows;
    }

    long user(int row) {
        return users[row];
    }

    boolean running(int row) {
        return running[row];
    }

    boolean named(int row) {
        return named[row];
    }

    int size() {
        return rows.size();
    }
}
