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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hubql.demo.DemoHub;
import org.hubql.testkit.HubWriter;
import org.hubql.testkit.RunningGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JupyterHub keeps writing to its SQLite file while hubql serves it: every answer reflects the commits made
 * before the request, on whichever pooled connection (and whichever copy of the spawner index) serves it.
 */
@Tag("slow")
class LiveHubTest {
    private static final String ACTIVE =
            "{ users(first: 1000, filter: {active: true}) { totalCount nodes { databaseId } } }";
    private static final String INACTIVE = "{ users(first: 1000, filter: {active: false}) { nodes { databaseId } } }";
    private static final String SPAWNERS =
            "{ users(first: 1000) { nodes { databaseId server { url } spawners { databaseId name } } } }";

    @TempDir
    Path directory;

    @Test
    void each_start_stop_new_and_moved_spawner_is_seen_by_the_next_request_on_every_connection() throws Exception {
        Path hub = DemoHub.write(directory.resolve("hub.sqlite"), 120, 9).file();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger unrelatedCommits = new AtomicInteger();
        try (RunningGateway gateway = RunningGateway.serve(hub, false);
                HubWriter hubWriter = HubWriter.open(hub)) {
            Future<?> activity =
                    Executors.newSingleThreadExecutor().submit(() -> touchUsersUntil(hub, writing, unrelatedCommits));
            try {
                assertEverywhere(gateway, hub, clients);
                long user = someUserWithoutRunningServer(hub);
                long other = user + 1;

                hubWriter.commit(
                        "INSERT INTO servers (id, proto, ip, port, base_url, cookie_name) VALUES (9001, 'http', '127.0.0.1', 49001, '/user/x/', 'c')",
                        "INSERT INTO spawners (id, user_id, server_id, name) VALUES (9001, " + user
                                + ", 9001, 'fresh')");
                assertEverywhere(gateway, hub, clients);

                hubWriter.commit("DELETE FROM servers WHERE id = 9001");
                assertEverywhere(gateway, hub, clients);

                hubWriter.commit(
                        "INSERT INTO servers (id, proto, ip, port, base_url, cookie_name) VALUES (9002, 'http', '127.0.0.1', 49002, '/user/y/', 'c')",
                        "UPDATE spawners SET server_id = 9002 WHERE id = 9001");
                assertEverywhere(gateway, hub, clients);

                hubWriter.commit("UPDATE spawners SET user_id = " + other + " WHERE id = 9001");
                assertEverywhere(gateway, hub, clients);

                hubWriter.commit(
                        "UPDATE spawners SET server_id = NULL WHERE id = 9001", "DELETE FROM servers WHERE id = 9002");
                assertEverywhere(gateway, hub, clients);

                hubWriter.commit("DELETE FROM spawners WHERE id = 9001");
                assertEverywhere(gateway, hub, clients);
            } finally {
                writing.set(false);
                activity.get(10, TimeUnit.SECONDS);
                clients.shutdownNow();
            }
            assertThat(unrelatedCommits.get()).isPositive();
        }
    }

    /** Eight requests of each kind at once, so that several pooled connections answer, each against the file. */
    private static void assertEverywhere(RunningGateway gateway, Path hub, ExecutorService clients) throws Exception {
        List<Long> active = ids(
                hub,
                "SELECT DISTINCT s.user_id FROM spawners s JOIN servers v ON v.id = s.server_id "
                        + "WHERE s.user_id IS NOT NULL ORDER BY s.user_id");
        List<Long> inactive = ids(
                hub,
                "SELECT id FROM users WHERE id NOT IN (SELECT s.user_id FROM spawners s "
                        + "JOIN servers v ON v.id = s.server_id WHERE s.user_id IS NOT NULL) ORDER BY id");
        Map<Long, String> spawners = spawnersFromSql(hub);
        List<Future<?>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(clients.submit(() -> {
                JsonNode users = gateway.data(ACTIVE).get("users");
                assertThat(databaseIds(users.get("nodes"))).isEqualTo(active);
                assertThat(users.get("totalCount").asInt()).isEqualTo(active.size());
            }));
            answers.add(clients.submit(
                    () -> assertThat(databaseIds(gateway.data(INACTIVE).at("/users/nodes")))
                            .isEqualTo(inactive)));
            answers.add(
                    clients.submit(() -> assertThat(spawnersFromGraph(gateway)).isEqualTo(spawners)));
        }
        for (Future<?> answer : answers) {
            answer.get(30, TimeUnit.SECONDS);
        }
    }

    private static Map<Long, String> spawnersFromGraph(RunningGateway gateway) {
        Map<Long, String> byUser = new TreeMap<>();
        for (JsonNode user : gateway.data(SPAWNERS).at("/users/nodes")) {
            StringBuilder text = new StringBuilder(
                    user.get("server").isNull() ? "-" : user.at("/server/url").asText());
            user.get("spawners")
                    .forEach(s -> text.append(' ')
                            .append(s.get("databaseId").asLong())
                            .append(':')
                            .append(s.get("name").asText()));
            byUser.put(user.get("databaseId").asLong(), text.toString());
        }
        return byUser;
    }

    private static Map<Long, String> spawnersFromSql(Path hub) throws SQLException {
        Map<Long, String> byUser = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub);
                Statement statement = connection.createStatement()) {
            try (ResultSet users = statement.executeQuery(
                    "SELECT u.id, COALESCE(v.proto || '://' || v.ip || ':' || v.port || v.base_url, '-') "
                            + "FROM users u LEFT JOIN spawners s ON s.user_id = u.id AND s.name = '' LEFT JOIN servers v ON v.id = s.server_id")) {
                while (users.next()) {
                    byUser.put(users.getLong(1), users.getString(2));
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT user_id, id, name FROM spawners WHERE user_id IS NOT NULL ORDER BY user_id, name, id")) {
                while (rows.next()) {
                    byUser.merge(rows.getLong(1), " " + rows.getLong(2) + ":" + rows.getString(3), String::concat);
                }
            }
        }
        return byUser;
    }

    private static List<Long> databaseIds(JsonNode nodes) {
        List<Long> ids = new ArrayList<>();
        nodes.forEach(node -> ids.add(node.get("databaseId").asLong()));
        return ids;
    }

    private static long someUserWithoutRunningServer(Path hub) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT MIN(id) FROM users WHERE id + 1 IN (SELECT id FROM users) AND id NOT IN "
                                + "(SELECT s.user_id FROM spawners s JOIN servers v ON v.id = s.server_id WHERE s.user_id IS NOT NULL)")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * The hub's routine writes (activity updates), touching neither spawners nor servers, a hundred a second: a
     * writer with no pause at all would starve readers of SQLite's lock, with or without hubql.
     */
    private static Void touchUsersUntil(Path hub, AtomicBoolean writing, AtomicInteger commits) throws Exception {
        try (HubWriter connection = HubWriter.open(hub)) {
            while (writing.get()) {
                connection.commit("UPDATE users SET last_activity = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE id = "
                        + (1 + commits.get() % 100));
                commits.incrementAndGet();
                Thread.sleep(10);
            }
        }
        return null;
    }

    private static List<Long> ids(Path hub, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
