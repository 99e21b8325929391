package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prepared statements are reused per connection, and forgotten with the connections the pool closes. */
class StatementCacheTest {
    @TempDir
    Path directory;

    @Test
    void a_statement_is_prepared_once_per_connection() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + TestHub.small(directory))) {
            StatementCache.Prepared first = StatementCache.prepare(connection, "SELECT 1");
            assertThat(StatementCache.prepare(connection, "SELECT 1")).isSameAs(first);
            assertThat(StatementCache.prepare(connection, "SELECT 2")).isNotSameAs(first);
        }
    }

    @Test
    void closed_connections_are_dropped_when_a_new_one_arrives() throws Exception {
        String url = "jdbc:sqlite:" + TestHub.small(directory);
        for (int i = 0; i < 20; i++) {
            try (Connection retired = DriverManager.getConnection(url)) {
                StatementCache.prepare(retired, "SELECT 1");
            }
        }
        try (Connection current = DriverManager.getConnection(url)) {
            StatementCache.prepare(current, "SELECT 1");
            assertThat(StatementCache.connections()).isLessThan(5);
        }
    }
}
