package org.hubql.db.sqlite;

import java.sql.SQLException;
import java.util.Optional;
import org.hubql.db.sqlite.TokenPick.TokenDate;
import org.hubql.db.sqlite.TokenPick.TokenFilter;
import org.jspecify.annotations.Nullable;

/**
 * Every API token's id, owner and dates ({@code created}, {@code last_activity}, {@code expires_at}), read from
 * {@code api_tokens} in one statement, and the tokens sorted by each date then id ({@link DatedRows}): what a hub
 * without an index on those columns would otherwise scan and sort for every page of tokens ordered or filtered by
 * date. About 40 bytes a token, plus 4 for each order once a page has asked for it.
 *
 * <p>A hub whose dates are not all text of SQLAlchemy's shape ({@link DateKey}) would compare them in SQL otherwise
 * than here: its index is {@link #UNREADABLE}, and answers nothing.
 *
 * <p>Not thread-safe: an order is sorted the first time a page asks for it, and only the thread holding the index's
 * connection asks ({@link ConnectionIndexes}).
 */
final class TokenIndex {
    /** One call per row ({@code %s} writes null as nothing): a third less work for SQLite than eleven {@code ||}. */
    private static final String ROW =
            "printf('%d,%s,%s,%s,%s,%s', t.id, t.user_id, t.service_id, t.created, t.last_activity, t.expires_at)";

    /**
     * Every token as {@code id,user,service,created,last_activity,expires_at} (empty for null), rows separated by
     * {@code ;}, in the table's rowid order, which {@link #read} checks; {@code beyond} counts the rows whose values
     * this index could misread: a date that is not text, or is empty, or an owner that is not an integer.
     */
    static final String SELECT = "SELECT group_concat(" + ROW + ", ';') AS packed, COALESCE(SUM("
            + PackedRows.notText("t.created") + " OR " + PackedRows.notText("t.last_activity") + " OR "
            + PackedRows.notText("t.expires_at") + " OR " + PackedRows.notInteger("t.user_id") + " OR "
            + PackedRows.notInteger("t.service_id") + "), 0) AS beyond"
            + " FROM api_tokens t";

    static final TokenIndex UNREADABLE =
            new TokenIndex(false, DatedRows.none(TokenDate.values().length), new long[0], new long[0]);

    private static final int FIELDS = 6;
    private static final int FIRST_DATE = 3;

    private final boolean readable;
    private final DatedRows rows;
    private final long[] users;
    private final long[] services;

    private TokenIndex(boolean readable, DatedRows rows, long[] users, long[] services) {
        this.readable = readable;
        this.rows = rows;
        this.users = users;
        this.services = services;
    }

    /** Reads the one row of {@link #SELECT}; a row it cannot read exactly makes the index {@link #UNREADABLE}. */
    static TokenIndex read(@Nullable String packed, long beyond) throws SQLException {
        if (beyond > 0) {
            return UNREADABLE;
        }
        PackedRows rows = new PackedRows(packed, FIELDS);
        int count = rows.rows();
        long[] ids = new long[count];
        long[] users = new long[count];
        long[] services = new long[count];
        long[][] dates = new long[TokenDate.values().length][count];
        for (int row = 0; row < count; row++) {
            if (!rows.next() || !rows.dates(FIRST_DATE, dates, row)) {
                return UNREADABLE;
            }
            ids[row] = rows.integer(0, -1);
            users[row] = rows.integer(1, -1);
            services[row] = rows.integer(2, -1);
        }
        return DatedRows.of(ids, dates)
                .map(dated -> new TokenIndex(true, dated, users, services))
                .orElse(UNREADABLE);
    }

    /** The ids of the page {@code pick} asks for, in its walk's order; empty when the index cannot answer it. */
    Optional<long[]> page(TokenPick pick) {
        return match(pick.filter()).flatMap(match -> rows.page(pick.order(), pick.window(), match));
    }

    /** How many tokens {@code filter} keeps; empty when the index cannot answer it. */
    Optional<Integer> count(TokenFilter filter) {
        return match(filter).map(TokenMatch::count);
    }

    private Optional<TokenMatch> match(TokenFilter filter) {
        return readable ? TokenMatch.of(filter, this) : Optional.empty();
    }

    DatedRows rows() {
        return rows;
    }

    long user(int row) {
        return users[row];
    }

    long service(int row) {
        return services[row];
    }

    int size() {
        return rows.size();
    }
}
