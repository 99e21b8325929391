package org.hubql.db.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hubql.testkit.HubWriter;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/** When a connection's indexes are rebuilt, how they back off from a hub that keeps writing, and their SQL function. */
class SqliteIndexesTest {
    private static final long SECOND = 1_000_000_000L;
    private static final List<Long> ALICE_AND_DAVE = List.of(2L, 5L);

    @TempDir
    Path directory;

    Path hub;
    Connection connection;
    final AtomicLong clock = new AtomicLong();
    final Scope scope = new Scope();
    HubIndexes indexes;
    int writes;

    @BeforeEach
    void open() throws SQLException {
        hub = TestHub.small(directory);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        connection = config.createConnection("jdbc:sqlite:" + hub);
        indexes = HubIndexes.sqlite(clock::get);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void an_index_is_built_on_first_use_and_again_only_after_another_connection_commits() throws Exception {
        assertThat(spawnerIds()).containsExactly(1L, 2L);
        assertThat(spawnerIds()).containsExactly(1L, 2L);
        assertThat(scope.rebuilt).containsExactly("spawners");

        commit("INSERT INTO spawners (id, user_id, server_id, name) VALUES (6, 5, NULL, 'x')");
        assertThat(spawnerIds()).containsExactly(1L, 2L, 6L);
        assertThat(indexes.on(scope).tokenIdsOf(ALICE_AND_DAVE)).isPresent();
        assertThat(scope.rebuilt).containsExactly("spawners", "spawners", "api_tokens");
    }

    @Test
    void an_index_that_served_one_question_before_the_hub_wrote_waits_doubling_before_its_next_rebuild()
            throws Exception {
        assertThat(answered()).isTrue();
        write();
        assertThat(answered()).as("rebuilt at once: nothing was wasted yet").isTrue();

        long wait = SECOND;
        for (int round = 0; round < 8; round++) {
            write();
            clock.addAndGet(wait - 1);
            assertThat(answered()).as("within the wait of %d s", wait / SECOND).isFalse();
            clock.addAndGet(1);
            assertThat(answered()).as("after the wait of %d s", wait / SECOND).isTrue();
            wait = Math.min(2 * wait, 60 * SECOND);
        }
        assertThat(wait).isEqualTo(60 * SECOND);
    }

    @Test
    void an_index_that_served_two_questions_after_its_wait_is_rebuilt_at_once_again() throws Exception {
        assertThat(answered()).isTrue();
        write();
        assertThat(answered()).isTrue();
        write();
        clock.addAndGet(SECOND);
        assertThat(answered()).as("rebuilt after a second's wait").isTrue();
        assertThat(answered()).as("and used twice").isTrue();

        write();
        assertThat(answered())
                .as("the two seconds it was given to wait still hold")
                .isFalse();
        clock.addAndGet(2 * SECOND);
        assertThat(answered()).isTrue();
        write();
        assertThat(answered()).as("it had paid off: no wait").isTrue();
    }

    @Test
    void the_running_user_function_answers_from_the_fresh_index_of_its_connection() throws Exception {
        assertThat(indexes.on(scope).runningUserFunction()).contains(SqliteIndexes.RUNNING_USER);
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT id FROM users WHERE hubql_running_user(id) ORDER BY id")) {
            List<Long> running = new ArrayList<>();
            while (rows.next()) {
                running.add(rows.getLong(1));
            }
            assertThat(running).containsExactly(2L, 6L);
        }
        assertThat(indexes.on(scope).runningUserIds())
                .hasValueSatisfying(ids -> assertThat(ids).containsExactly(2L, 6L));
    }

    @Test
    void a_hub_on_a_server_answers_nothing_and_borrows_no_connection() throws Exception {
        Lookup lookup = HubIndexes.none().on(scope);
        assertThat(lookup.spawnerIdsOf(ALICE_AND_DAVE)).isEmpty();
        assertThat(lookup.memberCounts(List.of(1L))).isEmpty();
        assertThat(lookup.runningUserFunction()).isEmpty();
        assertThat(scope.borrowed).isZero();
    }

    private long[] spawnerIds() throws SQLException {
        return indexes.on(scope).spawnerIdsOf(ALICE_AND_DAVE).orElseThrow();
    }

    private boolean answered() throws SQLException {
        return indexes.on(scope).spawnerIdsOf(ALICE_AND_DAVE).isPresent();
    }

    private void commit(String statement) throws SQLException {
        HubWriter.commit(hub, statement);
    }

    /** A commit that changes a row, as the hub's activity updates do. */
    private void write() throws SQLException {
        commit("UPDATE users SET last_activity = '2026-12-01 00:00:0" + writes++ % 10 + ".000000' WHERE id = 3");
    }

    /** The connection of the test, and the rebuilds it ran, by table. */
    final class Scope implements IndexScope {
        final List<String> rebuilt = new ArrayList<>();
        int borrowed;

        @Override
        public Connection connection() {
            borrowed++;
            return connection;
        }

        @Override
        public Packed scan(String select) throws SQLException {
            try (Statement statement = connection().createStatement();
                    ResultSet row = statement.executeQuery(select)) {
                row.next();
                return new Packed(row.getString("packed"), row.getLong("beyond"));
            }
        }

        @Override
        public void rebuilt(String select, int entries, long nanos) {
            rebuilt.add(
                    select.contains("FROM spawners")
                            ? "spawners"
                            : select.contains("FROM api_tokens") ? "api_tokens" : select);
        }
    }
}
