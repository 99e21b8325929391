package org.hubql.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The first column of every row of a plain statement, on any engine: what tests compare hubql's reads with. */
final class FirstColumn {
    private FirstColumn() {
        // non-constructable
    }

    /** As ids: {@code getObject(1, Long.class)} is refused by PostgreSQL's driver for an {@code int4} column. */
    static List<Long> longs(Connection connection, String select) throws SQLException {
        return of(connection, select, rows -> rows.getLong(1));
    }

    static List<String> texts(Connection connection, String select) throws SQLException {
        return of(connection, select, rows -> rows.getString(1));
    }

    private interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> List<T> of(Connection connection, String select, Reader<T> reader) throws SQLException {
        List<T> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(select)) {
            while (rows.next()) {
                values.add(reader.read(rows));
            }
        }
        return values;
    }
}
