package org.hubql.testkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.hubql.db.DatabaseLocation;
import org.hubql.demo.HubCopier;
import org.hubql.demo.ServerDdl;
import org.junit.jupiter.api.Assumptions;

/**
 * A uniquely named database on the local PostgreSQL or MariaDB server holding a copy of a SQLite test hub, dropped
 * on close, so test runs never collide. Locally an unreachable server skips the tests that need it; on CI
 * ({@code CI=true}) it fails them.
 */
public final class ServerDatabase implements AutoCloseable {
    private final ServerDdl.Engine engine;
    private final String name;

    private ServerDatabase(ServerDdl.Engine engine, String name) {
        this.engine = engine;
        this.name = name;
    }

    /** A new database on {@code engine} with the tables of {@code schemaScript} and every row of {@code sqliteHub}. */
    public static ServerDatabase copyOf(Path sqliteHub, String schemaScript, ServerDdl.Engine engine) {
        ServerDatabase database = create(engine);
        try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + sqliteHub);
                Connection target = DriverManager.getConnection(database.jdbcUrl())) {
            HubCopier.copy(source, target, schemaScript, engine);
            return database;
        } catch (SQLException e) {
            database.close();
            throw new IllegalStateException("cannot copy " + sqliteHub + " to " + engine + ": " + e.getMessage(), e);
        }
    }

    /** A new empty database on {@code engine}. */
    public static ServerDatabase create(ServerDdl.Engine engine) {
        String name = "hubql_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = DriverManager.getConnection(adminUrl(engine));
                Statement statement = admin.createStatement()) {
            statement.execute(
                    engine == ServerDdl.Engine.POSTGRESQL
                            ? "CREATE DATABASE " + name + " ENCODING 'UTF8'"
                            : "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            String message = engine + " is not reachable on 127.0.0.1: " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + " (start it with .ci/run)", e);
            }
            Assumptions.abort(message);
        }
        return new ServerDatabase(engine, name);
    }

    private static String adminUrl(ServerDdl.Engine engine) {
        return engine == ServerDdl.Engine.POSTGRESQL
                ? "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"
                : "jdbc:mariadb://127.0.0.1:3306/test?user=root";
    }

    public String jdbcUrl() {
        return engine == ServerDdl.Engine.POSTGRESQL
                ? "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres"
                : "jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root";
    }

    public DatabaseLocation location() {
        return DatabaseLocation.parse(jdbcUrl());
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        try (Connection admin = DriverManager.getConnection(adminUrl(engine));
                Statement statement = admin.createStatement()) {
            statement.execute(
                    "DROP DATABASE IF EXISTS " + name + (engine == ServerDdl.Engine.POSTGRESQL ? " WITH (FORCE)" : ""));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }
}
