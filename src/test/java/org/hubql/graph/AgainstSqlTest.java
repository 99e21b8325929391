package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hubql.demo.DemoHub;
import org.hubql.testkit.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything the graph says about a generated hub, checked against direct SQL on the same file. */
class AgainstSqlTest {
    private static final String PAGE = "query($after: String) { users(first: 100, after: $after) { "
            + "nodes { databaseId name admin spawners { name active server { url } } groups { name } apiTokens { prefix } "
            + "oauthTokens { prefix client { identifier } } } pageInfo { hasNextPage endCursor } } }";

    @TempDir
    static Path directory;

    static Path hub;
    static RunningGateway gateway;

    @BeforeAll
    static void serve() throws Exception {
        hub = DemoHub.write(directory.resolve("hub.sqlite"), 450, 3).file();
        gateway = RunningGateway.serve(hub, false);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void every_user_with_its_relations_matches_the_database() throws Exception {
        Map<Long, String> fromGraph = new TreeMap<>();
        String after = null;
        do {
            JsonNode page =
                    gateway.data(PAGE, HubQueryTest.variables("after", after)).get("users");
            for (JsonNode user : page.get("nodes")) {
                fromGraph.put(user.get("databaseId").asLong(), describe(user));
            }
            after = page.at("/pageInfo/hasNextPage").asBoolean()
                    ? page.at("/pageInfo/endCursor").asText()
                    : null;
        } while (after != null);

        assertThat(fromGraph).hasSize(450).isEqualTo(fromSql());
    }

    @Test
    void hub_counts_match_the_database() throws Exception {
        JsonNode hubInfo = gateway.data(
                        "{ hub { userCount adminCount groupCount serviceCount activeServerCount apiTokenCount } }")
                .get("hub");
        assertThat(hubInfo.get("userCount").asLong()).isEqualTo(count("SELECT COUNT(*) FROM users"));
        assertThat(hubInfo.get("adminCount").asLong()).isEqualTo(count("SELECT COUNT(*) FROM users WHERE admin = 1"));
        assertThat(hubInfo.get("groupCount").asLong()).isEqualTo(count("SELECT COUNT(*) FROM groups"));
        assertThat(hubInfo.get("serviceCount").asLong()).isEqualTo(count("SELECT COUNT(*) FROM services"));
        assertThat(hubInfo.get("activeServerCount").asLong())
                .isEqualTo(count("SELECT COUNT(*) FROM spawners s JOIN servers v ON v.id = s.server_id"));
        assertThat(hubInfo.get("apiTokenCount").asLong()).isEqualTo(count("SELECT COUNT(*) FROM api_tokens"));
    }

    @Test
    void the_active_filter_matches_the_database() throws Exception {
        JsonNode active = gateway.data(
                        "{ users(first: 1000, filter: {active: true}) { totalCount nodes { databaseId } } }")
                .get("users");
        List<Long> ids = new ArrayList<>();
        active.get("nodes").forEach(node -> ids.add(node.get("databaseId").asLong()));
        assertThat(ids)
                .isEqualTo(
                        longs(
                                "SELECT DISTINCT s.user_id FROM spawners s JOIN servers v ON v.id = s.server_id ORDER BY s.user_id"));
        assertThat(active.get("totalCount").asInt()).isEqualTo(ids.size());
    }

    private static String describe(JsonNode user) {
        List<String> spawners = new ArrayList<>();
        user.get("spawners")
                .forEach(s -> spawners.add(s.get("name").asText() + "="
                        + s.get("active").asBoolean() + "@"
                        + (s.get("server").isNull() ? "-" : s.at("/server/url").asText())));
        List<String> groups = new ArrayList<>();
        user.get("groups").forEach(g -> groups.add(g.get("name").asText()));
        List<String> tokens = new ArrayList<>();
        user.get("apiTokens").forEach(t -> tokens.add(t.get("prefix").asText()));
        List<String> oauth = new ArrayList<>();
        user.get("oauthTokens")
                .forEach(t -> oauth.add(t.get("prefix").asText() + ">"
                        + t.at("/client/identifier").asText()));
        return user.get("name").asText() + "|" + user.get("admin").asBoolean() + "|" + spawners + "|" + groups + "|"
                + tokens + "|" + oauth;
    }

    private static Map<Long, String> fromSql() throws Exception {
        Map<Long, String> users = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT id, name, admin FROM users")) {
            while (rs.next()) {
                long id = rs.getLong("id");
                users.put(
                        id,
                        rs.getString("name") + "|" + (rs.getInt("admin") == 1) + "|"
                                + strings(
                                        connection,
                                        "SELECT s.name || '=' || (CASE WHEN v.id IS NULL THEN 'false' ELSE 'true' END) || '@' || "
                                                + "COALESCE(v.proto || '://' || v.ip || ':' || v.port || v.base_url, '-') FROM spawners s "
                                                + "LEFT JOIN servers v ON v.id = s.server_id WHERE s.user_id = " + id
                                                + " ORDER BY s.name, s.id")
                                + "|"
                                + strings(
                                        connection,
                                        "SELECT g.name FROM user_group_map m JOIN groups g ON g.id = m.group_id WHERE m.user_id = "
                                                + id + " ORDER BY g.name, g.id")
                                + "|"
                                + strings(
                                        connection,
                                        "SELECT prefix FROM api_tokens WHERE user_id = " + id + " ORDER BY id")
                                + "|"
                                + strings(
                                        connection,
                                        "SELECT prefix || '>' || client_id FROM oauth_access_tokens WHERE user_id = "
                                                + id + " ORDER BY id"));
            }
        }
        return users;
    }

    private static List<String> strings(Connection connection, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static List<Long> longs(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub)) {
            return strings(connection, sql).stream().map(Long::parseLong).toList();
        }
    }

    private static long count(String sql) throws Exception {
        return longs(sql).get(0);
    }
}
