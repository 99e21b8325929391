package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.hubql.demo.DemoHub;
import org.hubql.model.ApiToken;
import org.hubql.testkit.HubWriter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code TokenQueries.byUserIds} on SQLite: ids from the token index, rows by primary key, the same tokens as plain SQL. */
class TokenQueriesTest {
    private static final int USERS = 300;

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"0.8.1", "5.5.1"})
    void every_users_tokens_match_plain_sql_before_and_after_the_hub_writes(String schema) throws Exception {
        Path hub =
                DemoHub.write(directory.resolve("hub.sqlite"), USERS, 4, schema).file();
        try (Database database = Database.openSqlite(hub, 2)) {
            TokenQueries tokens = database.queries().tokens();
            assertThat(fromIndex(database, tokens)).isEqualTo(fromSql(hub)).isNotEmpty();

            long moved = single(hub, "SELECT MIN(id) FROM api_tokens WHERE user_id = 4");
            long gone = single(hub, "SELECT MIN(id) FROM api_tokens WHERE user_id = 3");
            HubWriter.commit(
                    hub,
                    "INSERT INTO api_tokens (id, hashed, prefix, user_id) VALUES (90001, 'h90001', 'p90001', 5)",
                    "DELETE FROM api_tokens WHERE id = " + gone,
                    "UPDATE api_tokens SET user_id = 6 WHERE id = " + moved);
            Map<Long, List<Long>> after = fromIndex(database, tokens);
            assertThat(after).isEqualTo(fromSql(hub));
            assertThat(after.get(5L)).contains(90001L);
            assertThat(after.get(6L)).contains(moved);
            assertThat(after.getOrDefault(3L, List.of())).doesNotContain(gone);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.8.1"})
    void a_batch_reads_tokens_by_primary_key_and_does_not_scan_the_table(String schema) throws Exception {
        Path hub =
                DemoHub.write(directory.resolve("hub.sqlite"), USERS, 4, schema).file();
        try (Database database = Database.openSqlite(hub, 2)) {
            SqlTrace trace = new SqlTrace(true);
            database.queries().tokens().byUserIds(database.newSql(trace, 0), List.of(1L, 2L, 3L));
            assertThat(trace.count()).isEqualTo(1);
            assertThat(trace.upkeep()).hasSize(1);
            assertThat(PlainSqlite.plan(hub, trace.statements().get(0).sql().replace("?", "'[1,2]'")))
                    .contains("SEARCH t USING INTEGER PRIMARY KEY (rowid=?)")
                    .noneMatch(step -> step.startsWith("SCAN t"));
        }
    }

    /** Each user's token ids through hubql, a hundred users per batch. */
    private static Map<Long, List<Long>> fromIndex(Database database, TokenQueries tokens) {
        Map<Long, List<Long>> byUser = new TreeMap<>();
        for (long first = 1; first <= USERS; first += 100) {
            List<Long> batch = LongStream.range(first, first + 100).boxed().toList();
            tokens.byUserIds(database.newSql(new SqlTrace(false), 0), batch)
                    .forEach((user, list) ->
                            byUser.put(user, list.stream().map(ApiToken::id).toList()));
        }
        return byUser;
    }

    private static Map<Long, List<Long>> fromSql(Path hub) throws Exception {
        Map<Long, List<Long>> byUser = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub);
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT user_id, id FROM api_tokens WHERE user_id BETWEEN 1 AND " + USERS
                                + " ORDER BY user_id, id")) {
            while (rows.next()) {
                byUser.computeIfAbsent(rows.getLong(1), user -> new ArrayList<>())
                        .add(rows.getLong(2));
            }
        }
        return byUser.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private static long single(Path hub, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
