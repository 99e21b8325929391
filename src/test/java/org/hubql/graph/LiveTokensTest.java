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
 * A hub changes its tokens' expiry while hubql serves token pages from each pooled connection's token index: every
 * page and count after a commit is the file's.
 */
@Tag("slow")
class LiveTokensTest {
    private static final String EXPIRING = "{ apiTokens(first: 1000, filter: {expiresBefore: \"2026-12-20T00:00:00Z\"},"
            + " orderBy: {field: EXPIRES_AT}) { totalCount nodes { databaseId } } }";
    private static final String PLAIN =
            "SELECT t.id FROM api_tokens t WHERE t.expires_at < '2026-12-20 00:00:00.000000'"
                    + " ORDER BY t.expires_at, t.id";

    @TempDir
    Path directory;

    @Test
    void each_expiry_change_is_seen_by_the_next_request_on_every_connection() throws Exception {
        Path hub =
                DemoHub.write(directory.resolve("hub.sqlite"), 120, 9, "5.5.1").file();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (RunningGateway gateway = RunningGateway.serve(hub, false);
                HubWriter hubWriter = HubWriter.open(hub)) {
            assertEverywhere(gateway, hub, clients);
            hubWriter.commit("UPDATE api_tokens SET expires_at = '2026-12-01 00:00:00.000000' WHERE id % 4 = 1");
            assertEverywhere(gateway, hub, clients);
            hubWriter.commit("UPDATE api_tokens SET expires_at = NULL WHERE id % 8 = 1");
            assertEverywhere(gateway, hub, clients);
            hubWriter.commit("INSERT INTO api_tokens (id, user_id, prefix, expires_at)"
                    + " VALUES (9001, 3, 'new', '2026-11-01 00:00:00.000000')");
            assertEverywhere(gateway, hub, clients);
            hubWriter.commit("DELETE FROM api_tokens WHERE id IN (9001, 2, 3)");
            assertEverywhere(gateway, hub, clients);
        } finally {
            clients.shutdownNow();
        }
    }

    private static void assertEverywhere(RunningGateway gateway, Path hub, ExecutorService clients) throws Exception {
        List<Long> expected = ids(hub);
        assertThat(expected).isNotEmpty();
        List<Future<?>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(clients.submit(() -> {
                JsonNode page = gateway.data(EXPIRING).get("apiTokens");
                List<Long> seen = new ArrayList<>();
                page.get("nodes")
                        .forEach(node -> seen.add(node.get("databaseId").asLong()));
                assertThat(seen).isEqualTo(expected);
                assertThat(page.get("totalCount").asInt()).isEqualTo(expected.size());
            }));
        }
        for (Future<?> answer : answers) {
            answer.get(60, TimeUnit.SECONDS);
        }
    }

    private static List<Long> ids(Path hub) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(PLAIN)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
