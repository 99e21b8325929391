package org.hubql.db.sqlite;

import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import org.hubql.db.sqlite.TokenPick.Position;
import org.hubql.db.sqlite.TokenPick.TokenDate;
import org.hubql.db.sqlite.TokenPick.TokenFilter;
import org.jspecify.annotations.Nullable;

/**
 * Every API token's id, owner and dates ({@code created}, {@code last_activity}, {@code expires_at}), read from
 * {@code api_tokens} in one statement, and the tokens sorted by each date then id: what a hub without an index on
 * those columns would otherwise scan and sort for every page of tokens ordered or filtered by date. About 40 bytes a
 * token, plus 4 for each order once a page has asked for it.
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
     * {@code ;}, in the table's rowid order, which {@link #read} checks; {@code beyond} counts the rows whose values this index could misread: a date that is not
     * text, or is empty, or an owner that is not an integer.
     */
    static final String SELECT = "SELECT group_concat(" + ROW + ", ';') AS packed, COALESCE(SUM("
            + notText("t.created") + " OR " + notText("t.last_activity") + " OR " + notText("t.expires_at") + " OR "
            + notInteger("t.user_id") + " OR " + notInteger("t.service_id") + "), 0) AS beyond"
            + " FROM api_tokens t";

    static final TokenIndex UNREADABLE = new TokenIndex(false, new long[0], new long[0], new long[0], new long[3][0]);

    private static final int FIELDS = 6;

    private final boolean readable;
    private final long[] ids;
    private final long[] users;
    private final long[] services;
    private final long[][] dates;
    private final TokenOrderView[] views = new TokenOrderView[TokenDate.values().length + 1];

    private TokenIndex(boolean readable, long[] ids, long[] users, long[] services, long[][] dates) {
        this.readable = readable;
        this.ids = ids;
        this.users = users;
        this.services = services;
        this.dates = dates;
    }

    private static String notText(String column) {
        return "(typeof(" + column + ") NOT IN ('text', 'null') OR " + column + " = '')";
    }

    private static String notInteger(String column) {
        return "typeof(" + column + ") NOT IN ('integer', 'null')";
    }

    /** Reads the one row of {@link #SELECT}; a row it cannot read exactly makes the index {@link #UNREADABLE}. */
    static TokenIndex read(@Nullable String packed, long beyond) throws SQLException {
        if (beyond > 0) {
            return UNREADABLE;
        }
        int count = packed == null ? 0 : countRows(packed);
        long[] ids = new long[count];
        long[] users = new long[count];
        long[] services = new long[count];
        long[][] dates = new long[TokenDate.values().length][count];
        int[] ends = new int[FIELDS];
        int at = 0;
        for (int row = 0; row < count; row++) {
            int rowEnd = packed.indexOf(';', at);
            rowEnd = rowEnd < 0 ? packed.length() : rowEnd;
            if (!split(packed, at, rowEnd, ends)) {
                return UNREADABLE;
            }
            ids[row] = Long.parseLong(packed, at, ends[0], 10);
            users[row] = owner(packed, ends[0] + 1, ends[1]);
            services[row] = owner(packed, ends[1] + 1, ends[2]);
            for (TokenDate date : TokenDate.values()) {
                int field = 3 + date.ordinal();
                OptionalLong key = date(packed, ends[field - 1] + 1, ends[field]);
                if (key.isEmpty() || (row > 0 && ids[row] <= ids[row - 1])) {
                    return UNREADABLE;
                }
                dates[date.ordinal()][row] = key.getAsLong();
            }
            at = rowEnd + 1;
        }
        return new TokenIndex(true, ids, users, services, dates);
    }

    private static int countRows(String packed) {
        int rows = 1;
        for (int i = packed.indexOf(';'); i >= 0; i = packed.indexOf(';', i + 1)) {
            rows++;
        }
        return rows;
    }

    /** Where each of the row's fields ends; false when it has not exactly {@value #FIELDS}. */
    private static boolean split(String packed, int from, int to, int[] ends) {
        int field = 0;
        for (int i = from; i < to && field < FIELDS; i++) {
            if (packed.charAt(i) == ',') {
                ends[field++] = i;
            }
        }
        if (field != FIELDS - 1) {
            return false;
        }
        ends[FIELDS - 1] = to;
        return true;
    }

    private static long owner(String packed, int from, int to) {
        return from == to ? -1 : Long.parseLong(packed, from, to, 10);
    }

    private static OptionalLong date(String packed, int from, int to) {
        return from == to ? OptionalLong.of(DateKey.NULL) : DateKey.of(packed, from, to);
    }

    /** The ids of the page {@code pick} asks for, in its walk's order; empty when the index cannot answer it. */
    Optional<long[]> page(TokenPick pick) {
        Optional<TokenMatch> match = match(pick.filter());
        if (match.isEmpty()) {
            return Optional.empty();
        }
        TokenOrderView view = view(pick.order().date());
        Optional<Place> anchor = pick.anchor().isEmpty()
                ? Optional.of(Place.NONE)
                : place(pick.anchor().get(), view);
        Optional<Place> far = pick.farEnd().isEmpty()
                ? Optional.of(Place.NONE)
                : place(pick.farEnd().get(), view);
        if (anchor.isEmpty() || far.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                view.walk(pick.descending(), pick.backward(), anchor.get(), far.get(), pick.limit(), match.get()));
    }

    /** How many tokens {@code filter} keeps; empty when the index cannot answer it. */
    Optional<Integer> count(TokenFilter filter) {
        return match(filter).map(match -> match.count(this));
    }

    private Optional<TokenMatch> match(TokenFilter filter) {
        return readable ? TokenMatch.of(filter, this) : Optional.empty();
    }

    private Optional<Place> place(Position position, TokenOrderView view) {
        if (view.date().isEmpty() || position.date().isEmpty()) {
            return Optional.of(new Place(true, DateKey.NULL, position.id()));
        }
        OptionalLong key = DateKey.of(position.date().get());
        return key.isPresent() ? Optional.of(new Place(true, key.getAsLong(), position.id())) : Optional.empty();
    }

    TokenOrderView view(Optional<TokenDate> date) {
        int slot = date.map(TokenDate::ordinal).orElse(views.length - 1);
        if (views[slot] == null) {
            views[slot] = date.map(this::byDate).orElseGet(() -> TokenOrderView.byId(ids));
        }
        return views[slot];
    }

    private TokenOrderView byDate(TokenDate date) {
        return TokenOrderView.byDate(date, ids, dates[date.ordinal()]);
    }

    long id(int row) {
        return ids[row];
    }

    long user(int row) {
        return users[row];
    }

    long service(int row) {
        return services[row];
    }

    long date(TokenDate date, int row) {
        return dates[date.ordinal()][row];
    }

    int size() {
        return ids.length;
    }

    /** A keyset position as the order view compares it: {@code present} false for "no bound". */
    record Place(boolean present, long key, long id) {
        static final Place NONE = new Place(false, DateKey.NULL, 0);
    }
}
