package org.hubql.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Writes the demo hub into an empty PostgreSQL or MariaDB/MySQL database, so the gateway and its benchmarks can run
 * on each engine: the same hub as {@link DemoHub} for the same seed and schema version, with the JupyterHub tables
 * translated by {@link ServerDdl}. A database that already holds a {@code users} table is refused and left untouched.
 */
public final class DemoServerHub {
    private DemoServerHub() {}

    /** Writes a demo hub with {@code users} users to the database at {@code jdbcUrl} ({@code user}/{@code password} may be null). */
    public static DemoHubSummary write(
            String jdbcUrl, String user, String password, int users, long seed, String schema) throws DemoHubException {
        ServerDdl.Engine engine = engineOf(jdbcUrl);
        Path directory = null;
        try (Connection target = DriverManager.getConnection(jdbcUrl, credentials(user, password))) {
            if (HubCopier.hasHubTables(target)) {
                throw new DemoHubException("the target database already holds JupyterHub tables; not touching it");
            }
            directory = Files.createTempDirectory("hubql-demo-");
            DemoHubSummary summary = DemoHub.write(directory.resolve("hub.sqlite"), users, seed, schema);
            String ddl = "5.5.1".equals(schema) ? DemoUpgrade.resource(DemoUpgrade.SCHEMA) : DemoSchema.ddl();
            try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + summary.file())) {
                HubCopier.copy(source, target, ddl, engine);
            }
            Files.deleteIfExists(summary.file());
            return summary;
        } catch (SQLException | IOException e) {
            String message = String.valueOf(e.getMessage());
            if (password != null && !password.isEmpty()) {
                message = message.replace(password, "***");
            }
            throw new DemoHubException("cannot write the demo hub to the " + engine + " database: " + message, e);
        } finally {
            if (directory != null) {
                directory.toFile().delete();
            }
        }
    }

    private static ServerDdl.Engine engineOf(String jdbcUrl) throws DemoHubException {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return ServerDdl.Engine.POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:")) {
            return ServerDdl.Engine.MARIADB;
        }
        throw new DemoHubException("demo-db writes SQLite files, PostgreSQL or MariaDB/MySQL databases only");
    }

    private static Properties credentials(String user, String password) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }
}
