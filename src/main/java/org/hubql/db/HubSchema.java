package org.hubql.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The tables and columns one hub database actually has, read once at start-up. Queries select only columns
 * that exist, so a field a hub's JupyterHub version lacks reads as null instead of failing.
 */
public final class HubSchema {
    private final Map<String, Set<String>> columnsByTable;
    private final @Nullable String revision;
    private final Dialect dialect;

    HubSchema(Map<String, Set<String>> columnsByTable, @Nullable String revision, Dialect dialect) {
        this.columnsByTable = Map.copyOf(columnsByTable);
        this.revision = revision;
        this.dialect = dialect;
    }

    static HubSchema read(Connection connection, Dialect dialect) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        Map<String, Set<String>> columns = new HashMap<>();
        try (ResultSet rs = metaData.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                columns.computeIfAbsent(table, t -> new HashSet<>())
                        .add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return new HubSchema(
                columns, columns.containsKey("alembic_version") ? readRevision(connection) : null, dialect);
    }

    private static @Nullable String readRevision(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT version_num FROM alembic_version")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** A table name as it must appear in SQL on this engine ({@code groups} is reserved in MySQL 8). */
    public String table(String table) {
        return dialect.quote(table);
    }

    public Dialect dialect() {
        return dialect;
    }

    public boolean hasTable(String table) {
        return columnsByTable.containsKey(table);
    }

    public boolean has(String table, String column) {
        Set<String> columns = columnsByTable.get(table);
        return columns != null && columns.contains(column);
    }

    /** The alembic revision, e.g. {@code 3ec6993fe20c}; null when the table is missing or empty. */
    public @Nullable String revision() {
        return revision;
    }

    /** {@code alias.col, alias.col, …} for the wanted columns this hub has, in the order given. */
    public String select(String alias, String table, String... wanted) {
        return Arrays.stream(wanted)
                .filter(column -> has(table, column))
                .map(column -> alias + "." + column)
                .collect(Collectors.joining(", "));
    }

    /**
     * The JupyterHub release line whose schema this is, judged by the columns present (alembic revisions of
     * intermediate releases are not all known here): {@code 0.8}, {@code 0.9}, {@code 1.x}, {@code 2.x–4.x}, {@code 5.x}.
     */
    public @Nullable String releaseLine() {
        if (hasTable("shares")) {
            return "5.x";
        }
        if (hasTable("roles")) {
            return "2.x-4.x";
        }
        if (has("spawners", "user_options")) {
            return "1.x";
        }
        if (has("users", "created")) {
            return "0.9";
        }
        if (hasTable("spawners")) {
            return "0.8";
        }
        return null;
    }

    /** Hubs from 2.0 on keep OAuth tokens in {@code api_tokens}; earlier ones in {@code oauth_access_tokens}. */
    public boolean oauthTokensInApiTokens() {
        return !hasTable("oauth_access_tokens") && has("api_tokens", "client_id");
    }

    /** The same tables, columns and revision: what hubql built its queries from. */
    @Override
    public boolean equals(Object other) {
        return other instanceof HubSchema schema
                && columnsByTable.equals(schema.columnsByTable)
                && Objects.equals(revision, schema.revision)
                && dialect == schema.dialect;
    }

    @Override
    public int hashCode() {
        return Objects.hash(columnsByTable, revision, dialect);
    }
}
