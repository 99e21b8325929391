package org.hubql.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Everything that differs between the database engines a hub may live on: how a key list is passed, how
 * datetimes are stored and how values are bound. The queries themselves are written once, in portable SQL.
 */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql"),
    MYSQL("mysql");

    /** SQLAlchemy's SQLite storage format, {@code 2026-11-26 19:54:14.871926}, read leniently. */
    private static final DateTimeFormatter SQLITE_DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalStart()
            .appendLiteral('Z')
            .optionalEnd()
            .toFormatter();

    private static final DateTimeFormatter SQLITE_WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final String engineName;

    Dialect(String engineName) {
        this.engineName = engineName;
    }

    public String engineName() {
        return engineName;
    }

    /** An identifier quoted for this engine; {@code groups} is a reserved word in MySQL 8. */
    public String quote(String identifier) {
        return this == MYSQL ? "`" + identifier + "`" : "\"" + identifier + "\"";
    }

    /** The statement each new pooled connection runs so that no statement on it can ever write. */
    public String readOnlySessionSql() {
        return switch (this) {
            case SQLITE -> "PRAGMA query_only = ON";
            case POSTGRESQL -> "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";
            case MYSQL -> "SET SESSION TRANSACTION READ ONLY";
        };
    }

    /**
     * Connections to keep: SQLite reads run in-process, so two per core; a database server is shared with the hub
     * (and with other hubql instances behind a load balancer), so a fixed few.
     */
    public int poolSize(int cores) {
        return this == SQLITE ? Math.max(4, 2 * cores) : 8;
    }

    /**
     * The most keys one {@link KeyedQuery} statement matches: on SQLite a longer key list is read in several short
     * statements, so that a hub's commit never waits behind one long read (each statement holds the file's SHARED
     * lock while it runs); a database server reads them in one.
     */
    public int keysPerStatement() {
        return this == SQLITE ? SQLITE_KEYS_PER_STATEMENT : Integer.MAX_VALUE;
    }

    /** About 5 ms of reading on 2 cores, for the widest rows of a wide query (a user's spawners with their servers). */
    private static final int SQLITE_KEYS_PER_STATEMENT = 250;

    /** The longest key list PostgreSQL compares row by row ({@code = ANY}) rather than hashes ({@link #in}). */
    private static final int POSTGRESQL_KEYS_COMPARED = 16;

    /** A column's table alias in an {@code ORDER BY}: {@code s.} of {@code s.user_id}. */
    private static final Pattern TABLE_ALIAS = Pattern.compile("\\b[a-z]+\\.");

    /**
     * {@code column IN (keys)} with a constant statement text whatever the number of keys, so no engine's
     * parameter limit is ever reached and statements stay cacheable: SQLite ({@code json_each}) and MySQL/MariaDB
     * ({@code JSON_TABLE}, MySQL 8.0.4+ and MariaDB 10.6+) get the keys as one JSON array, PostgreSQL as one array.
     * On PostgreSQL a long list is unnested in a subquery: {@code = ANY(?)} compares every row of a column without
     * an index (JupyterHub's {@code spawners.user_id}, {@code user_group_map.user_id}) with every key, 17.7 ms
     * against 2.4 ms for the semi-join on 10,000 spawners and 500 keys; a short one stays {@code = ANY(?)}, which a
     * lookup by an indexed column answers without the subquery's hashing. One key is compared as itself
     * ({@code column = ?}) on every engine: PostgreSQL then keeps one generic plan for the statement where an array
     * parameter is planned again at every run (a lookup of one user by name: 65 against 41 µs of the server's CPU per
     * request), and SQLite and MariaDB read no JSON. A relation has at most these three texts.
     */
    public SqlFragment in(String column, Collection<?> keys) {
        if (keys.size() == 1) {
            return new SqlFragment(column + " = ?", List.of(keys.iterator().next()));
        }
        return switch (this) {
            case SQLITE ->
                new SqlFragment(column + " IN (SELECT value FROM json_each(?))", List.of(JsonText.array(keys)));
            case POSTGRESQL -> postgresqlIn(column, keys);
            case MYSQL -> mysqlIn(column, keys);
        };
    }

    /**
     * A filtered {@code SELECT} followed by {@code tail} (an {@code ORDER BY}, a {@code GROUP BY}, or nothing). With an
     * {@code ORDER BY} on MySQL/MariaDB the rows are filtered in a derived table and sorted after: MariaDB 10.11
     * otherwise sorts the whole table before it applies a key list's semi-join when the key column has no index
     * (JupyterHub's {@code spawners.user_id}): 10.1 ms against 3.8 ms for 101 users' spawners of a 10,000-user hub.
     * A {@code LIMIT} keeps the derived table from being merged back; its columns are the select's, so the order's
     * table aliases become the derived table's.
     */
    String sortedAfterFilter(String filtered, String tail) {
        if (tail.isEmpty()) {
            return filtered;
        }
        if (this != MYSQL || !tail.startsWith("ORDER BY ")) {
            return filtered + " " + tail;
        }
        return "SELECT * FROM (" + filtered + " LIMIT " + Long.MAX_VALUE + ") keyed "
                + TABLE_ALIAS.matcher(tail).replaceAll("keyed.");
    }

    /**
     * {@code text} occurs in {@code column}, as plain text: no character of it is a wildcard, and a NUL is a
     * character like any other. This is {@code POSITION} (SQLite: {@code instr}, which compares byte lengths where
     * {@code LIKE} would stop at the first NUL and match everything) instead of {@code LIKE}, so nothing needs
     * escaping on any engine.
     */
    public SqlFragment contains(String column, String text) {
        return position(column, text, " > 0");
    }

    /** {@code column} begins with {@code text}, as plain text (see {@link #contains}). */
    public SqlFragment startsWith(String column, String text) {
        return position(column, text, " = 1");
    }

    private SqlFragment position(String column, String text, String test) {
        if (!canStore(text)) {
            return new SqlFragment("1 = 0", List.of());
        }
        String position = this == SQLITE ? "instr(" + column + ", ?)" : "POSITION(? IN " + column + ")";
        return new SqlFragment(position + test, List.of(text));
    }

    /**
     * Whether a text column on this engine can hold {@code text}: PostgreSQL's {@code text} cannot hold a NUL (it
     * refuses such a parameter outright), so no stored value contains or equals one there.
     */
    public boolean canStore(String text) {
        return this != POSTGRESQL || text.indexOf('\0') < 0;
    }

    private static SqlFragment postgresqlIn(String column, Collection<?> keys) {
        return new SqlFragment(
                column + (keys.size() <= POSTGRESQL_KEYS_COMPARED ? " = ANY(?)" : " IN (SELECT unnest(?))"),
                List.of(new SqlArray(keys)));
    }

    private static SqlFragment mysqlIn(String column, Collection<?> keys) {
        boolean numeric = !keys.isEmpty() && keys.iterator().next() instanceof Number;
        String type = numeric ? "BIGINT" : "VARCHAR(1024)";
        return new SqlFragment(
                column + " IN (SELECT k.v FROM JSON_TABLE(?, '$[*]' COLUMNS (v " + type + " PATH '$')) k)",
                List.of(JsonText.array(keys)));
    }

    /**
     * {@code column}, a JSON list of strings as JupyterHub stores it (TEXT), contains {@code value}: parsed as JSON,
     * so escaped characters compare as what they stand for.
     */
    public SqlFragment jsonListContains(String column, String value) {
        return switch (this) {
            case SQLITE ->
                new SqlFragment("EXISTS (SELECT 1 FROM json_each(" + column + ") j WHERE j.value = ?)", List.of(value));
            case POSTGRESQL ->
                new SqlFragment("CAST(" + column + " AS jsonb) @> jsonb_build_array(CAST(? AS text))", List.of(value));
            case MYSQL ->
                new SqlFragment(
                        "EXISTS (SELECT 1 FROM JSON_TABLE(" + column
                                + ", '$[*]' COLUMNS (v VARCHAR(1024) PATH '$')) j WHERE j.v = ?)",
                        List.of(value));
        };
    }

    @Nullable
    Instant readDateTime(ResultSet rs, int index) throws SQLException {
        if (this == SQLITE) {
            String text = rs.getString(index);
            return text == null || text.isBlank()
                    ? null
                    : SqliteDateTime.parse(text.trim(), SQLITE_DATETIME).toInstant(ZoneOffset.UTC);
        }
        LocalDateTime value = rs.getObject(index, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    void bind(Connection connection, PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            LocalDateTime naiveUtc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            if (this == SQLITE) {
                statement.setString(index, SQLITE_WRITE.format(naiveUtc));
            } else {
                statement.setObject(index, naiveUtc);
            }
        } else if (value instanceof SqlArray array) {
            statement.setArray(index, connection.createArrayOf(array.sqlType(), array.values()));
        } else if (value instanceof Boolean bool && this == SQLITE) {
            statement.setInt(index, bool ? 1 : 0);
        } else {
            statement.setObject(index, value);
        }
    }
}
