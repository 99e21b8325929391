package org.hubql.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;

/** One reused {@code INSERT} statement whose rows are sent to SQLite in batches. */
final class BatchedInsert implements AutoCloseable {
    private static final int BATCH_SIZE = 1000;

    private final PreparedStatement statement;
    private final int columnCount;
    private int pending;

    BatchedInsert(Connection connection, String table, String... columns) throws SQLException {
        String placeholders = String.join(", ", Collections.nCopies(columns.length, "?"));
        this.statement = connection.prepareStatement(
                "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders + ")");
        this.columnCount = columns.length;
    }

    void add(Object... values) throws SQLException {
        if (values.length != columnCount) {
            throw new IllegalArgumentException("expected " + columnCount + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.addBatch();
        if (++pending == BATCH_SIZE) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
