package org.hubql.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Builds hub database files for tests from the SQL under {@code src/test/resources/fixtures}. */
public final class TestHub {
    private TestHub() {
        // non-constructable
    }

    /** A new SQLite file at {@code file}: the schema, then each fixture script, in order. */
    public static Path sqlite(Path file, String schema, String... fixtures) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            runScript(statement, fixture(schema));
            for (String name : fixtures) {
                runScript(statement, fixture(name));
            }
            return file;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot build test hub " + file + ": " + e.getMessage(), e);
        }
    }

    /** A 0.8 hub with the hand-written edge cases of {@code hub-0.8-small.sql}. */
    public static Path small(Path directory) {
        return sqlite(directory.resolve("small.sqlite"), "schema-0.8.1.sql", "hub-0.8-small.sql");
    }

    private static void runScript(Statement statement, String script) throws SQLException {
        for (String sql : script.split(";\\s*\\n")) {
            String trimmed = stripComments(sql).trim();
            if (!trimmed.isEmpty()) {
                statement.execute(trimmed);
            }
        }
    }

    private static String stripComments(String sql) {
        StringBuilder kept = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.trim().startsWith("--")) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    /** A test script; the JupyterHub DDL ({@code schema-*.sql}) is the product's own copy, shipped for demo hubs. */
    public static String fixture(String name) {
        return resource((name.startsWith("schema-") ? "/demo/" : "/fixtures/") + name);
    }

    /** A text resource from the classpath, e.g. the demo hub's DDL. */
    public static String resource(String path) {
        try (InputStream in = TestHub.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
