package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-request time limit cancels a statement that is still running, and the pool stays usable. */
class SqlDeadlineTest {
    private static final String SLOW = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 500000000)"
            + " SELECT max(x) AS id FROM c";

    @TempDir
    Path directory;

    @Test
    void a_statement_running_past_the_deadline_is_cancelled_and_reported_as_timed_out() throws Exception {
        try (Database database = Database.openSqlite(TestHub.small(directory), 2)) {
            long started = System.nanoTime();
            Sql sql = database.newSql(
                    new SqlTrace(false), started + Duration.ofMillis(300).toNanos());
            DataAccessException error = catchThrowableOfType(
                    DataAccessException.class, () -> sql.list(SLOW, List.of(), row -> row.id("id")));
            assertThat(error).isNotNull();
            assertThat(error.timedOut()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(database.ping()).isTrue();
        }
    }

    @Test
    void statements_that_finish_in_time_leave_no_cancellation_waiting_for_their_deadline() throws Exception {
        try (Database database = Database.openSqlite(TestHub.small(directory), 2)) {
            for (int i = 0; i < 2_000; i++) {
                Sql sql = database.newSql(
                        new SqlTrace(false),
                        System.nanoTime() + Duration.ofSeconds(30).toNanos());
                sql.list("SELECT 1 AS id", List.of(), row -> row.id("id"));
            }
            assertThat(database.pendingCancellations()).isLessThan(10);
        }
    }
}
