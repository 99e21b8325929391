package org.hubql.testkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Plays JupyterHub: a writable connection to a hub file that commits while hubql reads the same file. */
public final class HubWriter implements AutoCloseable {
    private final Connection connection;

    private HubWriter(Connection connection) {
        this.connection = connection;
    }

    public static HubWriter open(Path hub) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 10000");
        }
        return new HubWriter(connection);
    }

    /** One transaction of these statements, committed once; the hub file changes once. */
    public static void commit(Path hub, String... statements) throws SQLException {
        try (HubWriter writer = open(hub)) {
            writer.commit(statements);
        }
    }

    /** One transaction of these statements, committed once. */
    public void commit(String... statements) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
