package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On SQLite prepared statements are reused per connection and forgotten with the connections the pool closes; elsewhere each run has its own. */
class StatementCacheTest {
    @TempDir
    Path directory;

    @Test
    void a_statement_is_prepared_once_per_connection() throws Exception {
        StatementCache cache = StatementCache.perConnection();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + TestHub.small(directory))) {
            StatementCache.Prepared first = cache.prepare(connection, "SELECT 1");
            assertThat(cache.prepare(connection, "SELECT 1")).isSameAs(first);
            assertThat(cache.prepare(connection, "SELECT 2")).isNotSameAs(first);
            first.release();
            assertThat(first.statement.isClosed()).isFalse();
        }
    }

    @Test
    void closed_connections_are_dropped_when_a_new_one_arrives() throws Exception {
        StatementCache cache = StatementCache.perConnection();
        String url = "jdbc:sqlite:" + TestHub.small(directory);
        for (int i = 0; i < 20; i++) {
            try (Connection retired = DriverManager.getConnection(url)) {
                cache.prepare(retired, "SELECT 1");
            }
        }
        try (Connection current = DriverManager.getConnection(url)) {
            cache.prepare(current, "SELECT 1");
            assertThat(cache.connections()).isLessThan(5);
        }
    }

    @Test
    void a_statement_prepared_per_run_is_closed_after_it() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + TestHub.small(directory))) {
            StatementCache.Prepared prepared = StatementCache.perRun().prepare(connection, "SELECT 1");
            prepared.release();
            assertThat(prepared.statement.isClosed()).isTrue();
        }
    }
}
