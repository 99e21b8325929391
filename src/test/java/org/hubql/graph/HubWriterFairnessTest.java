package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hubql.demo.DemoHub;
import org.hubql.testkit.RunningGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hub's writer is never refused because of hubql: while clients run wide queries (key lists long enough to be
 * read in several statements), a writer behaving like JupyterHub ({@code BEGIN IMMEDIATE; UPDATE …; COMMIT} every
 * 10 ms, SQLAlchemy's 5 s busy timeout) commits every time, in both journal modes, and every query is answered.
 */
@Tag("slow")
class HubWriterFairnessTest {
    private static final String WIDE = "{ users(first: 1000) { nodes { name lastActivity server { url } "
            + "spawners { name server { url } } groups { name } apiTokens { prefix } } } }";
    private static final int COMMITS = 200;

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"delete", "wal"})
    void every_commit_of_the_hub_succeeds_while_hubql_serves_wide_queries(String journal) throws Exception {
        Path hub = DemoHub.write(directory.resolve("hub.sqlite"), 1_000, 5).file();
        journalMode(hub, journal);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        List<String> failedCommits = new ArrayList<>();
        try (RunningGateway gateway = RunningGateway.serve(hub, false)) {
            List<Future<?>> queries = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                queries.add(clients.submit(() -> {
                    while (writing.get()) {
                        JsonNode users = gateway.data(WIDE).at("/users/nodes");
                        assertThat(users.size()).isEqualTo(1_000);
                        answered.incrementAndGet();
                    }
                    return null;
                }));
            }
            try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + hub);
                    Statement statement = writer.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 5000");
                for (int commit = 0; commit < COMMITS; commit++) {
                    commitActivity(statement, 1 + commit % 1_000, failedCommits);
                    Thread.sleep(10);
                }
            } finally {
                writing.set(false);
            }
            for (Future<?> query : queries) {
                query.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(failedCommits).isEmpty();
        assertThat(answered.get()).as("queries ran while the hub wrote").isPositive();
    }

    private static void commitActivity(Statement statement, long userId, List<String> failures) {
        try {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute(
                    "UPDATE users SET last_activity = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE id = " + userId);
            statement.execute("COMMIT");
        } catch (SQLException e) {
            failures.add(e.getMessage());
            try {
                statement.execute("ROLLBACK");
            } catch (SQLException ignored) {
                // no transaction was open
            }
        }
    }

    private static void journalMode(Path hub, String mode) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = " + mode);
        }
    }
}
