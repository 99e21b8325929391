package org.hubql.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/** Plain SQL on a hub file, on a read-only connection of its own: what tests compare hubql's answers with. */
final class PlainSqlite {
    private PlainSqlite() {
        // non-constructable
    }

    /** The first column of every row of {@code select}, as ids. */
    static List<Long> ids(Path hub, String select) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = readOnly(hub);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(select)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    /** The steps of SQLite's EXPLAIN QUERY PLAN for {@code sql}. */
    static List<String> plan(Path hub, String sql) throws SQLException {
        List<String> steps = new ArrayList<>();
        try (Connection connection = readOnly(hub);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            while (rows.next()) {
                steps.add(rows.getString("detail"));
            }
        }
        return steps;
    }

    private static Connection readOnly(Path hub) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.createConnection("jdbc:sqlite:" + hub);
    }
}
