package org.hubql.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Turns a finished 0.8.1 demo hub into the same hub as JupyterHub 5.5.1 would hold it, in a new file: the 5.5.1
 * tables, then {@code upgrade-0.8.1-to-5.5.1.sql} over the old file attached as {@code old}. The demo tokens stay
 * valid: their hashes are copied as they are.
 */
final class DemoUpgrade {
    static final String SCHEMA = "/demo/schema-5.5.1.sql";
    private static final String UPGRADE = "/demo/upgrade-0.8.1-to-5.5.1.sql";

    private DemoUpgrade() {}

    static void to551(Path old, Path target) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:sqlite:" + target.toAbsolutePath().toUri());
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "ATTACH DATABASE '" + old.toAbsolutePath().toString().replace("'", "''") + "' AS old");
            connection.setAutoCommit(false);
            for (String sql : ServerDdl.statements(resource(SCHEMA))) {
                statement.execute(sql);
            }
            for (String sql : ServerDdl.statements(resource(UPGRADE))) {
                statement.execute(sql);
            }
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("DETACH DATABASE old");
        }
    }

    static String resource(String path) throws IOException {
        try (InputStream in = DemoUpgrade.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("resource " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
