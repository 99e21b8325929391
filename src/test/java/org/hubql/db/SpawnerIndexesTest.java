package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hubql.model.Spawner;
import org.hubql.model.User;
import org.hubql.testkit.HubWriter;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;

/** The SQLite spawner index as the queries use it: the plans it allows, when it is rebuilt, and stale entries. */
class SpawnerIndexesTest {
    private static final UserSelection ACTIVE = new UserSelection(null, null, true, null, null, null, null, UserSort.ID, false);

    @TempDir
    Path directory;

    @Test
    void an_active_page_walks_users_by_primary_key_and_reads_no_spawners() throws Exception {
        Path hub = TestHub.small(directory);
        try (Database database = Database.openSqlite(hub, 2)) {
            Queries queries = Queries.forSchema(database.schema());
            SqlTrace trace = new SqlTrace(true);
            Sql sql = database.newSql(trace, 0);
            assertThat(queries.users().page(sql, ACTIVE, null, 101)).extracting("name").containsExactly("alice", "müller");
            assertThat(queries.users().page(sql, ACTIVE, new UserKeyset(null, 2), 101)).extracting("name").containsExactly("müller");

            List<String> firstPage = plan(hub, trace.statements().get(0).sql());
            List<String> nextPage = plan(hub, trace.statements().get(1).sql());
            assertThat(firstPage).containsExactly("SCAN u");
            assertThat(nextPage).containsExactly("SEARCH u USING INTEGER PRIMARY KEY (rowid>?)");
        }
    }

    @Test
    void the_spawners_of_a_batch_of_users_are_read_by_primary_key() throws Exception {
        Path hub = TestHub.small(directory);
        try (Database database = Database.openSqlite(hub, 2)) {
            Queries queries = Queries.forSchema(database.schema());
            SqlTrace trace = new SqlTrace(true);
            Map<Long, List<Spawner>> spawners = queries.spawners().byUserIds(database.newSql(trace, 0), List.of(1L, 2L, 3L, 6L));

            assertThat(spawners).containsOnlyKeys(1L, 2L, 6L);
            assertThat(spawners.get(2L)).extracting(Spawner::name).containsExactly("", "ml");
            assertThat(plan(hub, trace.statements().get(0).sql()))
                    .contains("SEARCH s USING INTEGER PRIMARY KEY (rowid=?)")
                    .noneMatch(step -> step.startsWith("SCAN s"));
        }
    }

    @Test
    void the_index_is_rebuilt_as_upkeep_on_first_use_and_after_another_connection_commits_never_counted() throws Exception {
        Path hub = TestHub.small(directory);
        try (Database database = Database.openSqlite(hub, 1)) {
            Queries queries = Queries.forSchema(database.schema());
            assertThat(activePage(database, queries)).isEqualTo(new Run(2, 1, 1));
            assertThat(activePage(database, queries)).isEqualTo(new Run(2, 1, 0));

            HubWriter.commit(hub, "UPDATE users SET last_activity = '2026-11-27 08:00:00.000000' WHERE id = 3");
            assertThat(activePage(database, queries)).isEqualTo(new Run(2, 1, 1));

            HubWriter.commit(hub, "INSERT INTO servers (id, proto, ip, port, base_url, cookie_name) VALUES (4, 'http', '127.0.0.1', 47004, '/user/bob/', 'c')",
                    "INSERT INTO spawners (id, user_id, server_id, name) VALUES (6, 3, 4, '')");
            assertThat(activePage(database, queries)).isEqualTo(new Run(3, 1, 1));
            assertThat(activePage(database, queries)).isEqualTo(new Run(3, 1, 0));
        }
    }

    @Test
    void a_hub_writing_between_every_two_statements_is_read_with_plain_sql_until_rebuilding_pays_again() throws Exception {
        Path hub = TestHub.small(directory);
        try (Database database = Database.openSqlite(hub, 1)) {
            Queries queries = Queries.forSchema(database.schema());
            assertThat(activePage(database, queries)).isEqualTo(new Run(2, 1, 1));
            HubWriter.commit(hub, "UPDATE users SET last_activity = '2026-11-27 08:00:00.000000' WHERE id = 3");
            long rebuilt = System.nanoTime();
            assertThat(activePage(database, queries)).as("served one statement: rebuilt once more").isEqualTo(new Run(2, 1, 1));

            HubWriter.commit(hub, "INSERT INTO servers (id, proto, ip, port, base_url, cookie_name) VALUES (4, 'http', '127.0.0.1', 47004, '/user/bob/', 'c')",
                    "INSERT INTO spawners (id, user_id, server_id, name) VALUES (6, 3, 4, '')");
            SqlTrace trace = new SqlTrace(true);
            List<User> page = queries.users().page(database.newSql(trace, 0), ACTIVE, null, 101);
            assumeTrue(System.nanoTime() - rebuilt < 900_000_000L, "the test ran within the second rebuilds wait");
            assertThat(page).hasSize(3);
            assertThat(trace.upkeep()).isEmpty();
            assertThat(trace.statements().get(0).sql()).contains("SELECT s.user_id FROM spawners s JOIN servers v");
        }
    }

    @Test
    void spawners_are_grouped_by_their_own_user_whatever_ids_a_stale_index_names() throws Exception {
        Path hub = TestHub.small(directory);
        try (Database database = Database.openSqlite(hub, 2)) {
            SpawnerQueries spawners = Queries.forSchema(database.schema()).spawners();
            Sql sql = database.newSql(new SqlTrace(false), 0);

            Map<Long, List<Spawner>> byUser = spawners.byIdsForUsers(sql, Set.of(2L, 5L, 6L), index -> List.of(1L, 2L, 3L, 4L, 5L, 99L));

            assertThat(byUser).containsOnlyKeys(2L, 6L);
            assertThat(byUser.get(2L)).extracting(Spawner::id).containsExactly(1L, 2L);
            assertThat(byUser.get(6L)).extracting(Spawner::id).containsExactly(5L);
        }
    }

    @Test
    void a_count_takes_the_running_users_as_one_parameter_from_the_fresh_index() throws Exception {
        try (Database database = Database.openSqlite(TestHub.small(directory), 1)) {
            UserQueries users = Queries.forSchema(database.schema()).users();
            SqlTrace trace = new SqlTrace(true);
            Sql sql = database.newSql(trace, 0);
            UserSelection idle = new UserSelection(null, false, false, null, null, null, null, UserSort.ID, false);

            assertThat(users.count(sql, ACTIVE)).isEqualTo(2);
            assertThat(users.count(sql, idle)).isEqualTo(3);
            assertThat(trace.statements()).extracting(SqlTrace.TracedStatement::sql).allMatch(text -> text.contains("json_each(?)"));
        }
    }

    @Test
    void other_engines_keep_the_portable_subquery() {
        String where = new UserWhere(Dialect.POSTGRESQL, ACTIVE, false, true).text();
        assertThat(where).isEqualTo(" WHERE u.id IN (SELECT s.user_id FROM spawners s JOIN servers v ON v.id = s.server_id"
                + " WHERE s.user_id IS NOT NULL)");
        assertThat(new UserWhere(Dialect.POSTGRESQL, ACTIVE, true, true).text()).isEqualTo(where);
        assertThat(new UserWhere(Dialect.MYSQL, ACTIVE, true, true).needsSpawnerIndex()).isFalse();
        assertThat(new UserWhere(Dialect.SQLITE, ACTIVE, false, true).text()).isEqualTo(" WHERE hubql_running_user(u.id)");
        assertThat(new UserWhere(Dialect.SQLITE, ACTIVE, false, false).text()).as("SQLite without its index").isEqualTo(where);
    }

    private record Run(int users, int statements, int rebuilds) {
    }

    private static Run activePage(Database database, Queries queries) {
        SqlTrace trace = new SqlTrace(true);
        int users = queries.users().page(database.newSql(trace, 0), ACTIVE, null, 101).size();
        return new Run(users, trace.count(), trace.upkeep().size());
    }

    /** The steps of EXPLAIN QUERY PLAN, on a read-only connection with a stand-in for the index function. */
    private static List<String> plan(Path hub, String sql) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + hub)) {
            Function.create(connection, ConnectionIndexes.RUNNING_USER, new Function() {
                @Override
                protected void xFunc() throws java.sql.SQLException {
                    result(0);
                }
            }, 1, 0);
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
