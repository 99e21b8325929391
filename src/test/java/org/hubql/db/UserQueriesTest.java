package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hubql.model.User;
import org.hubql.testkit.HubWriter;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;

/** {@code UserQueries}' {@code active} filter: the plans the SQLite spawner index allows, its rebuilds and back-off. */
class UserQueriesTest {
    private static final UserSelection ACTIVE =
            new UserSelection(null, null, true, null, null, null, null, UserSort.ID, false);
    private static final String RUNNING_SUBQUERY =
            "SELECT s.user_id FROM spawners s JOIN servers v ON v.id = s.server_id" + " WHERE s.user_id IS NOT NULL";

    @TempDir
    Path directory;

    @Test
    void an_active_page_walks_users_by_primary_key_and_reads_no_spawners() throws Exception {
        Path hub = TestHub.small(directory);
        try (Database database = Database.openSqlite(hub, 2)) {
            UserQueries users = database.queries().users();
            SqlTrace trace = new SqlTrace(true);
            Sql sql = database.newSql(trace, 0);
            assertThat(users.page(sql, ACTIVE, PageWindow.first(100)))
                    .extracting("name")
                    .containsExactly("alice", "müller");
            assertThat(users.page(sql, ACTIVE, new PageWindow(new KeysetPosition(null, 3), null, Walk.FORWARD, 100)))
                    .extracting("name")
                    .containsExactly("müller");

            assertThat(plan(hub, trace.statements().get(0).sql())).containsExactly("SCAN u");
            assertThat(plan(hub, trace.statements().get(1).sql()))
                    .containsExactly("SEARCH u USING INTEGER PRIMARY KEY (rowid>?)");
        }
    }

    @Test
    void the_index_is_rebuilt_as_upkeep_on_first_use_and_after_another_connection_commits_never_counted()
            throws Exception {
        Path hub = TestHub.small(directory);
        try (Database database = Database.openSqlite(hub, 1)) {
            assertThat(activePage(database)).isEqualTo(new Run(2, 1, 1));
            assertThat(activePage(database)).isEqualTo(new Run(2, 1, 0));

            HubWriter.commit(hub, "UPDATE users SET last_activity = '2026-11-27 08:00:00.000000' WHERE id = 3");
            assertThat(activePage(database)).isEqualTo(new Run(2, 1, 1));

            HubWriter.commit(
                    hub,
                    "INSERT INTO servers (id, proto, ip, port, base_url, cookie_name) VALUES (4, 'http', '127.0.0.1', 47004, '/user/bob/', 'c')",
                    "INSERT INTO spawners (id, user_id, server_id, name) VALUES (6, 3, 4, '')");
            assertThat(activePage(database)).isEqualTo(new Run(3, 1, 1));
            assertThat(activePage(database)).isEqualTo(new Run(3, 1, 0));
        }
    }

    @Test
    void a_hub_writing_between_every_two_statements_is_read_with_plain_sql_until_the_wait_is_over() throws Exception {
        Path hub = TestHub.small(directory);
        AtomicLong clock = new AtomicLong();
        try (Database database = Database.openSqlite(hub, 1, clock::get)) {
            assertThat(activePage(database)).isEqualTo(new Run(2, 1, 1));
            HubWriter.commit(hub, "UPDATE users SET last_activity = '2026-11-27 08:00:00.000000' WHERE id = 3");
            assertThat(activePage(database))
                    .as("served one statement: rebuilt once more")
                    .isEqualTo(new Run(2, 1, 1));

            HubWriter.commit(
                    hub,
                    "INSERT INTO servers (id, proto, ip, port, base_url, cookie_name) VALUES (4, 'http', '127.0.0.1', 47004, '/user/bob/', 'c')",
                    "INSERT INTO spawners (id, user_id, server_id, name) VALUES (6, 3, 4, '')");
            SqlTrace trace = new SqlTrace(true);
            List<User> page = database.queries().users().page(database.newSql(trace, 0), ACTIVE, PageWindow.first(100));
            assertThat(page).hasSize(3);
            assertThat(trace.upkeep()).isEmpty();
            assertThat(trace.statements().get(0).sql()).contains(RUNNING_SUBQUERY);

            clock.addAndGet(1_000_000_000L);
            assertThat(activePage(database)).as("a second later: rebuilt").isEqualTo(new Run(3, 1, 1));
        }
    }

    @Test
    void a_count_takes_the_running_users_as_one_parameter_from_the_fresh_index() throws Exception {
        try (Database database = Database.openSqlite(TestHub.small(directory), 1)) {
            UserQueries users = database.queries().users();
            SqlTrace trace = new SqlTrace(true);
            Sql sql = database.newSql(trace, 0);
            UserSelection idle = new UserSelection(null, false, false, null, null, null, null, UserSort.ID, false);

            assertThat(users.count(sql, ACTIVE)).isEqualTo(2);
            assertThat(users.count(sql, idle)).isEqualTo(3);
            assertThat(trace.statements())
                    .extracting(SqlTrace.TracedStatement::sql)
                    .allMatch(text -> text.contains("json_each(?)"));
        }
    }

    @Test
    void every_engine_can_take_the_portable_subquery_and_sqlite_a_function_of_its_connection() {
        String where = new UserWhere(Dialect.POSTGRESQL, ACTIVE, RunningUsers.SUBQUERY).text();
        assertThat(where).isEqualTo(" WHERE u.id IN (" + RUNNING_SUBQUERY + ")");
        UserSelection idle = new UserSelection(null, null, false, null, null, null, null, UserSort.ID, false);
        assertThat(new UserWhere(Dialect.MYSQL, idle, RunningUsers.SUBQUERY).text())
                .isEqualTo(" WHERE u.id NOT IN (" + RUNNING_SUBQUERY + ")");
        assertThat(new UserWhere(Dialect.SQLITE, ACTIVE, RunningUsers.calling("f")).text())
                .isEqualTo(" WHERE f(u.id)");
        assertThat(new UserWhere(Dialect.SQLITE, idle, RunningUsers.calling("f")).text())
                .isEqualTo(" WHERE NOT f(u.id)");
        UserWhere listed = new UserWhere(Dialect.SQLITE, idle, RunningUsers.listed(new long[] {2, 6}));
        assertThat(listed.text()).isEqualTo(" WHERE u.id NOT IN (SELECT value FROM json_each(?))");
        assertThat(listed.params()).containsExactly("[2,6]");
    }

    private record Run(int users, int statements, int rebuilds) {}

    private static Run activePage(Database database) {
        SqlTrace trace = new SqlTrace(true);
        int users = database.queries()
                .users()
                .page(database.newSql(trace, 0), ACTIVE, PageWindow.first(100))
                .size();
        return new Run(users, trace.count(), trace.upkeep().size());
    }

    /** The steps of EXPLAIN QUERY PLAN, on a read-only connection with a stand-in for the index function. */
    static List<String> plan(Path hub, String sql) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + hub)) {
            Function.create(
                    connection,
                    "hubql_running_user",
                    new Function() {
                        @Override
                        protected void xFunc() throws java.sql.SQLException {
                            result(0);
                        }
                    },
                    1,
                    0);
            List<String> steps = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
                while (rows.next()) {
                    steps.add(rows.getString("detail"));
                }
            }
            return steps;
        }
    }
}
