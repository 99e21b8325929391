package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hubql.demo.DemoHub;
import org.hubql.testkit.HubWriter;
import org.hubql.testkit.RunningGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub changes its tokens' expiry, or its servers and their activity, while hubql serves pages by date from each
 * pooled connection's token or spawner list index: every page and count after a commit is the file's.
 */
@Tag("slow")
class LiveDatePagesTest {
    private static final Page EXPIRING = new Page(
            "apiTokens",
            "{ apiTokens(first: 1000, filter: {expiresBefore: \"2026-12-20T00:00:00Z\"},"
                    + " orderBy: {field: EXPIRES_AT}) { totalCount nodes { databaseId } } }",
            "SELECT t.id FROM api_tokens t WHERE t.expires_at < '2026-12-20 00:00:00.000000'"
                    + " ORDER BY t.expires_at, t.id");
    private static final Page IDLE = new Page(
            "spawners",
            "{ spawners(first: 1000, filter: {active: true, lastActivityBefore: \"2026-10-20T00:00:00Z\"},"
                    + " orderBy: {field: LAST_ACTIVITY}) { totalCount nodes { databaseId } } }",
            "SELECT s.id FROM spawners s JOIN users u ON u.id = s.user_id JOIN servers v ON v.id = s.server_id"
                    + " WHERE s.last_activity < '2026-10-20 00:00:00.000000' ORDER BY s.last_activity, s.id");

    @TempDir
    Path directory;

    /** A connection's query, the field it answers, and the ids plain SQL gives in its order. */
    private record Page(String field, String query, String plain) {}

    @Test
    void each_expiry_change_is_seen_by_the_next_request_on_every_connection() throws Exception {
        Path hub =
                DemoHub.write(directory.resolve("hub.sqlite"), 120, 9, "5.5.1").file();
        assertAfterEachCommit(
                hub,
                EXPIRING,
                "UPDATE api_tokens SET expires_at = '2026-12-01 00:00:00.000000' WHERE id % 4 = 1",
                "UPDATE api_tokens SET expires_at = NULL WHERE id % 8 = 1",
                "INSERT INTO api_tokens (id, user_id, prefix, expires_at)"
                        + " VALUES (9001, 3, 'new', '2026-11-01 00:00:00.000000')",
                "DELETE FROM api_tokens WHERE id IN (9001, 2, 3)");
    }

    @Test
    void each_server_stop_and_activity_change_is_seen_by_the_next_request_on_every_connection() throws Exception {
        Path hub =
                DemoHub.write(directory.resolve("hub.sqlite"), 120, 9, "5.5.1").file();
        HubWriter.commit(
                hub, "UPDATE spawners SET last_activity = printf('2026-10-%02d 00:00:00.000000', id % 28 + 1)");
        assertAfterEachCommit(
                hub,
                IDLE,
                "UPDATE spawners SET last_activity = '2026-10-01 00:00:00.000000' WHERE id % 4 = 1",
                "DELETE FROM servers WHERE id IN (SELECT server_id FROM spawners WHERE id % 3 = 0)",
                "UPDATE spawners SET last_activity = NULL WHERE id % 8 = 1",
                "INSERT INTO servers (id, port) VALUES (9001, 9001)",
                "INSERT INTO spawners (id, user_id, server_id, name, last_activity)"
                        + " VALUES (9001, 3, 9001, 'new', '2026-10-02 00:00:00.000000')",
                "DELETE FROM users WHERE id = 3");
    }

    private static void assertAfterEachCommit(Path hub, Page page, String... commits) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (RunningGateway gateway = RunningGateway.serve(hub, false);
                HubWriter hubWriter = HubWriter.open(hub)) {
            assertEverywhere(gateway, hub, clients, page);
            for (String commit : commits) {
                hubWriter.commit(commit);
                assertEverywhere(gateway, hub, clients, page);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static void assertEverywhere(RunningGateway gateway, Path hub, ExecutorService clients, Page page)
            throws Exception {
        List<Long> expected = ids(hub, page.plain());
        assertThat(expected).isNotEmpty();
        List<Future<?>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(clients.submit(() -> {
                JsonNode answer = gateway.data(page.query()).get(page.field());
                List<Long> seen = new ArrayList<>();
                answer.get("nodes")
                        .forEach(node -> seen.add(node.get("databaseId").asLong()));
                assertThat(seen).isEqualTo(expected);
                assertThat(answer.get("totalCount").asInt()).isEqualTo(expected.size());
            }));
        }
        for (Future<?> answer : answers) {
            answer.get(60, TimeUnit.SECONDS);
        }
    }

    private static List<Long> ids(Path hub, String plain) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(plain)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
