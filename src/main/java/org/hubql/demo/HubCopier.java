package org.hubql.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Copies a JupyterHub SQLite database into an empty PostgreSQL or MariaDB database: creates the tables (see
 * {@link ServerDdl}), then copies every row, converting what SQLite stores as text or integers into the server's
 * types the way SQLAlchemy would have written them there (booleans, naive-UTC datetimes, binary).
 */
public final class HubCopier {
    private static final int BATCH = 1_000;

    private HubCopier() {}

    /** Creates the tables of {@code sqliteDdl} in {@code target} and copies every row of {@code source} into them. */
    public static void copy(Connection source, Connection target, String sqliteDdl, ServerDdl.Engine engine)
            throws SQLException {
        try (Statement statement = target.createStatement()) {
            for (String ddl : ServerDdl.translate(sqliteDdl, engine)) {
                statement.execute(ddl);
            }
        }
        boolean autoCommit = target.getAutoCommit();
        target.setAutoCommit(false);
        try {
            for (String table : ServerDdl.tables(sqliteDdl)) {
                copyTable(source, target, table, engine);
            }
            target.commit();
        } catch (SQLException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(autoCommit);
        }
    }

    /** True when {@code target} already holds a JupyterHub {@code users} table. */
    public static boolean hasHubTables(Connection target) throws SQLException {
        try (ResultSet rs = target.getMetaData().getTables(target.getCatalog(), target.getSchema(), "%", null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase("users")) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void copyTable(Connection source, Connection target, String table, ServerDdl.Engine engine)
            throws SQLException {
        Map<String, Integer> targetTypes = columnTypes(target, ServerDdl.quote(table, engine));
        try (Statement select = source.createStatement();
                ResultSet rows = select.executeQuery("SELECT * FROM \"" + table + "\"")) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            String insert = "INSERT INTO " + ServerDdl.quote(table, engine) + " ("
                    + String.join(
                            ", ",
                            columns.stream()
                                    .map(c -> ServerDdl.quote(c, engine))
                                    .toList()) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            try (PreparedStatement statement = target.prepareStatement(insert)) {
                int pending = 0;
                while (rows.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        bind(statement, i + 1, rows, i + 1, targetTypes.get(columns.get(i)));
                    }
                    statement.addBatch();
                    if (++pending == BATCH) {
                        statement.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    statement.executeBatch();
                }
            }
        }
    }

    private static Map<String, Integer> columnTypes(Connection target, String quotedTable) throws SQLException {
        Map<String, Integer> types = new HashMap<>();
        try (Statement statement = target.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM " + quotedTable + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                types.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), meta.getColumnType(i));
            }
        }
        return types;
    }

    private static void bind(PreparedStatement statement, int index, ResultSet rows, int column, int targetType)
            throws SQLException {
        Object value = rows.getObject(column);
        if (value == null) {
            statement.setNull(index, targetType);
            return;
        }
        switch (targetType) {
            case Types.BOOLEAN, Types.BIT, Types.TINYINT -> statement.setBoolean(index, asBoolean(value));
            case Types.TIMESTAMP ->
                statement.setObject(
                        index, LocalDateTime.parse(value.toString().strip().replace(' ', 'T')));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                statement.setBytes(index, rows.getBytes(column));
            default ->
                statement.setObject(
                        index, value instanceof Number || value instanceof String ? value : value.toString());
        }
    }

    private static boolean asBoolean(Object value) {
        return value instanceof Number number
                ? number.intValue() != 0
                : Boolean.parseBoolean(value.toString()) || "1".equals(value.toString());
    }
}
