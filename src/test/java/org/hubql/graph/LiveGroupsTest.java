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
import org.hubql.demo.DemoHub;
import org.hubql.testkit.HubWriter;
import org.hubql.testkit.RunningGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group member pages and counts follow a hub that keeps writing, on every pooled connection (and whichever copy
 * of the membership index serves it): each answer equals the plain SQL answer for the commits before the request.
 */
@Tag("slow")
class LiveGroupsTest {
    private static final String MEMBERS =
            "{ groups(first: 20) { nodes { databaseId all: users(first: 500) { totalCount nodes { databaseId } }"
                    + " few: users(first: 2) { nodes { databaseId } } } } }";

    @TempDir
    Path directory;

    @Test
    void each_added_and_removed_membership_and_deleted_user_is_seen_by_the_next_request_on_every_connection()
            throws Exception {
        Path hub = DemoHub.write(directory.resolve("hub.sqlite"), 150, 3).file();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        AtomicBoolean writing = new AtomicBoolean(true);
        try (RunningGateway gateway = RunningGateway.serve(hub, false);
                HubWriter hubWriter = HubWriter.open(hub)) {
            Future<?> activity = Executors.newSingleThreadExecutor().submit(() -> touchUsersUntil(hub, writing));
            try {
                assertEverywhere(gateway, hub, clients);

                hubWriter.commit(
                        "INSERT INTO user_group_map (user_id, group_id) SELECT id, 2 FROM users"
                                + " WHERE id NOT IN (SELECT user_id FROM user_group_map WHERE group_id = 2) ORDER BY id LIMIT 3");
                assertEverywhere(gateway, hub, clients);

                hubWriter.commit(
                        "DELETE FROM user_group_map WHERE group_id = 2 AND user_id IN (SELECT MIN(user_id) FROM user_group_map WHERE group_id = 2)");
                assertEverywhere(gateway, hub, clients);

                hubWriter.commit(
                        "INSERT INTO groups (id, name) VALUES (900, 'late')",
                        "INSERT INTO user_group_map (user_id, group_id) VALUES (7, 900), (5, 900), (6, 900)");
                assertEverywhere(gateway, hub, clients);

                hubWriter.commit("DELETE FROM users WHERE id = 5");
                assertEverywhere(gateway, hub, clients);

                hubWriter.commit("DELETE FROM user_group_map WHERE group_id = 900");
                assertEverywhere(gateway, hub, clients);
            } finally {
                writing.set(false);
                activity.get(10, TimeUnit.SECONDS);
                clients.shutdownNow();
            }
        }
    }

    private static void assertEverywhere(RunningGateway gateway, Path hub, ExecutorService clients) throws Exception {
        Map<Long, String> expected = membersFromSql(hub);
        List<Future<?>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(
                    clients.submit(() -> assertThat(membersFromGraph(gateway)).isEqualTo(expected)));
        }
        for (Future<?> answer : answers) {
            answer.get(30, TimeUnit.SECONDS);
        }
    }

    /** Per group: its member count, its members, then its first two members, as text. */
    private static Map<Long, String> membersFromGraph(RunningGateway gateway) {
        Map<Long, String> byGroup = new TreeMap<>();
        for (JsonNode group : gateway.data(MEMBERS).at("/groups/nodes")) {
            StringBuilder text = new StringBuilder()
                    .append(group.at("/all/totalCount").asInt())
                    .append(':');
            group.at("/all/nodes")
                    .forEach(user ->
                            text.append(' ').append(user.get("databaseId").asLong()));
            text.append(" |");
            group.at("/few/nodes")
                    .forEach(user ->
                            text.append(' ').append(user.get("databaseId").asLong()));
            byGroup.put(group.get("databaseId").asLong(), text.toString());
        }
        return byGroup;
    }

    private static Map<Long, String> membersFromSql(Path hub) throws SQLException {
        Map<Long, String> byGroup = new TreeMap<>();
        Map<Long, List<Long>> members = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub);
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "SELECT g.id, (SELECT COUNT(*) FROM user_group_map m WHERE m.group_id = g.id) FROM groups g")) {
                while (rows.next()) {
                    byGroup.put(rows.getLong(1), rows.getInt(2) + ":");
                    members.put(rows.getLong(1), new ArrayList<>());
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT m.group_id, u.id FROM user_group_map m JOIN users u ON u.id = m.user_id ORDER BY m.group_id, u.id")) {
                while (rows.next()) {
                    members.get(rows.getLong(1)).add(rows.getLong(2));
                }
            }
        }
        members.forEach((group, ids) -> {
            StringBuilder text = new StringBuilder(byGroup.get(group));
            ids.forEach(id -> text.append(' ').append(id));
            text.append(" |");
            ids.stream().limit(2).forEach(id -> text.append(' ').append(id));
            byGroup.put(group, text.toString());
        });
        return byGroup;
    }

    /** The hub's routine writes, touching neither groups nor memberships, a hundred a second. */
    private static Void touchUsersUntil(Path hub, AtomicBoolean writing) throws Exception {
        try (HubWriter connection = HubWriter.open(hub)) {
            for (int commit = 0; writing.get(); commit++) {
                connection.commit("UPDATE users SET last_activity = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE id = "
                        + (10 + commit % 100));
                Thread.sleep(10);
            }
        }
        return null;
    }
}
