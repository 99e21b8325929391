package org.hubql.db.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** An index read from a scratch SQLite file the way the hub's is: its build statement, then its packed text. */
final class BuildStatement {
    /** How an index reads its build statement's {@code packed} and {@code beyond} columns. */
    interface Reader<T> {
        T read(String packed, long beyond) throws SQLException;
    }

    private BuildStatement() {
        // non-constructable
    }

    /** A connection to a new SQLite file in {@code directory}, for the test's tables. */
    static Connection scratch(Path directory) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("index.sqlite"));
    }

    static <T> T read(Statement statement, String select, Reader<T> reader) throws SQLException {
        try (ResultSet row = statement.executeQuery(select)) {
            row.next();
            return reader.read(row.getString("packed"), row.getLong("beyond"));
        }
    }
}
