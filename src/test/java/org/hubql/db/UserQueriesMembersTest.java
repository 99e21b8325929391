package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubql.demo.DemoHub;
import org.hubql.model.User;
import org.hubql.testkit.HubWriter;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code UserQueries}' member pages and counts on SQLite, from the membership index, against plain SQL on the same file. */
class UserQueriesMembersTest {
    private static final String PLAIN_PAGE = "SELECT u.id FROM user_group_map m JOIN users u ON u.id = m.user_id"
            + " WHERE m.group_id = ? AND u.id > ? ORDER BY u.id LIMIT ?";
    private static final String PLAIN_COUNT = "SELECT COUNT(*) FROM user_group_map m WHERE m.group_id = ?";

    @TempDir
    Path directory;

    @Test
    void pages_and_counts_match_plain_sql_for_every_cursor_limit_and_group_including_missing_users() throws Exception {
        Path hub = DemoHub.write(directory.resolve("hub.sqlite"), 400, 5).file();
        HubWriter.commit(
                hub,
                "INSERT INTO groups (id, name) VALUES (900, 'nobody')",
                "INSERT INTO user_group_map (user_id, group_id) VALUES (5000, 2), (5001, 900)",
                "DELETE FROM users WHERE id IN (SELECT user_id FROM user_group_map WHERE group_id = 3 ORDER BY user_id LIMIT 2)");
        List<Long> groups = ids(hub, "SELECT id FROM groups UNION SELECT 901 ORDER BY 1");
        assertThat(groups).hasSizeGreaterThan(10);
        try (Database database = Database.openSqlite(hub, 2)) {
            UserQueries users = database.queries().users();
            Sql sql = database.newSql(new SqlTrace(false), 0);
            for (Long after : Arrays.asList(null, -1L, 0L, 7L, 150L, 399L, 4999L, 1L << 40)) {
                for (int limit : new int[] {2, 3, 50, 1000}) {
                    Map<Long, List<Long>> fromIndex = new LinkedHashMap<>();
                    users.membersOf(sql, groups, afterId(after, limit))
                            .forEach((group, page) -> fromIndex.put(
                                    group, page.stream().map(User::id).toList()));
                    assertThat(fromIndex)
                            .as("after %s, first %d", after, limit)
                            .isEqualTo(plainPages(hub, groups, after, limit));
                }
            }
            assertThat(users.memberCounts(sql, groups)).isEqualTo(plainCounts(hub, groups));
            assertThat(users.memberCounts(sql, groups).get(900L))
                    .as("a member without a user row is counted, as by SQL")
                    .isEqualTo(1);
        }
    }

    @Test
    void a_page_statement_reads_users_by_primary_key_and_counts_run_no_statement() throws Exception {
        Path hub = TestHub.small(directory);
        try (Database database = Database.openSqlite(hub, 2)) {
            UserQueries users = database.queries().users();
            SqlTrace trace = new SqlTrace(true);
            Sql sql = database.newSql(trace, 0);

            Map<Long, List<User>> pages = users.membersOf(sql, List.of(1L, 2L, 3L), afterId(1L, 2));
            assertThat(pages).containsOnlyKeys(1L, 2L);
            assertThat(pages.get(1L)).extracting(User::name).containsExactly("alice");
            assertThat(pages.get(2L)).extracting(User::name).containsExactly("alice", "bob");
            assertThat(users.memberCounts(sql, List.of(1L, 2L, 3L))).containsOnly(Map.entry(1L, 2), Map.entry(2L, 5));

            assertThat(trace.count()).isEqualTo(1);
            assertThat(PlainSqlite.plan(hub, trace.statements().get(0).sql()))
                    .containsExactly(
                            "SEARCH u USING INTEGER PRIMARY KEY (rowid=?)",
                            "LIST SUBQUERY 1",
                            "SCAN json_each VIRTUAL TABLE INDEX 1:");
        }
    }

    @Test
    void users_gone_since_the_index_was_read_drop_out_of_their_pages() throws Exception {
        try (Database database = Database.openSqlite(TestHub.small(directory), 1)) {
            UserQueries users = database.queries().users();
            Sql sql = database.newSql(new SqlTrace(false), 0);

            Map<Long, List<User>> pages =
                    users.membersByIds(sql, Map.of(1L, new long[] {1, 77, 2}, 2L, new long[] {78}));

            assertThat(pages).containsOnlyKeys(1L);
            assertThat(pages.get(1L)).extracting(User::id).containsExactly(1L, 2L);
        }
    }

    @Test
    void each_index_is_rebuilt_only_for_statements_that_need_it_and_only_after_a_commit() throws Exception {
        Path hub = TestHub.small(directory);
        UserSelection active = new UserSelection(null, null, true, null, null, null, null, UserSort.ID, false);
        try (Database database = Database.openSqlite(hub, 1)) {
            UserQueries users = database.queries().users();
            assertThat(rebuilt(database, sql -> users.page(sql, active, PageWindow.first(9))))
                    .containsExactly("spawners");
            assertThat(rebuilt(database, sql -> users.membersOf(sql, List.of(2L), PageWindow.first(9))))
                    .containsExactly("user_group_map");
            assertThat(rebuilt(database, sql -> users.memberCounts(sql, List.of(2L))))
                    .isEmpty();
            assertThat(rebuilt(database, sql -> users.page(sql, active, PageWindow.first(9))))
                    .isEmpty();

            HubWriter.commit(hub, "DELETE FROM user_group_map WHERE user_id = 3 AND group_id = 2");
            assertThat(rebuilt(database, sql -> users.page(sql, active, PageWindow.first(9))))
                    .containsExactly("spawners");
            assertThat(rebuilt(database, sql -> users.memberCounts(sql, List.of(2L))))
                    .containsExactly("user_group_map");
            assertThat(users.memberCounts(database.newSql(new SqlTrace(false), 0), List.of(2L)))
                    .containsEntry(2L, 4);
            assertThat(rebuilt(database, sql -> users.membersOf(sql, List.of(2L), PageWindow.first(9))))
                    .isEmpty();
        }
    }

    private static List<String> rebuilt(Database database, java.util.function.Consumer<Sql> work) {
        SqlTrace trace = new SqlTrace(true);
        work.accept(database.newSql(trace, 0));
        return trace.upkeep().stream()
                .map(SqlTrace.TracedStatement::sql)
                .map(sql -> sql.contains("FROM spawners")
                        ? "spawners"
                        : sql.contains("FROM user_group_map") ? "user_group_map" : sql)
                .toList();
    }

    private static Map<Long, List<Long>> plainPages(Path hub, List<Long> groups, Long after, int limit)
            throws SQLException {
        Map<Long, List<Long>> pages = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub);
                PreparedStatement statement = connection.prepareStatement(PLAIN_PAGE)) {
            for (long group : groups) {
                statement.setLong(1, group);
                statement.setLong(2, after == null ? Long.MIN_VALUE : after);
                statement.setInt(3, limit);
                List<Long> page = longs(statement);
                if (!page.isEmpty()) {
                    pages.put(group, page);
                }
            }
        }
        return pages;
    }

    private static Map<Long, Integer> plainCounts(Path hub, List<Long> groups) throws SQLException {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub);
                PreparedStatement statement = connection.prepareStatement(PLAIN_COUNT)) {
            for (long group : groups) {
                statement.setLong(1, group);
                long count = longs(statement).get(0);
                if (count > 0) {
                    counts.put(group, (int) count);
                }
            }
        }
        return counts;
    }

    private static List<Long> longs(PreparedStatement statement) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
        }
        return values;
    }

    private static List<Long> ids(Path hub, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return longs(statement);
        }
    }

    /** The window whose statement fetches up to {@code limit} rows with an id above {@code after}, as plain SQL would. */
    private static PageWindow afterId(Long after, int limit) {
        return after == null
                ? PageWindow.first(limit - 1)
                : new PageWindow(new KeysetPosition(null, after + 1), null, Walk.FORWARD, limit - 2);
    }
}
