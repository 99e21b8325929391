package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.hubql.demo.DemoHub;
import org.hubql.testkit.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code filter: {active}} on a generated SQLite hub, page by page, against the plain subquery run on the same file. */
class ActiveFilterTest {
    private static final String RUNNING =
            "SELECT s.user_id FROM spawners s JOIN servers v ON v.id = s.server_id WHERE s.user_id IS NOT NULL";

    @TempDir
    static Path directory;

    static Path hub;
    static RunningGateway gateway;

    @BeforeAll
    static void serve() throws Exception {
        hub = DemoHub.write(directory.resolve("hub.sqlite"), 450, 5).file();
        gateway = RunningGateway.serve(hub, false);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @ParameterizedTest(name = "active: {0}, name contains \"{1}\", {2} {3}")
    @CsvSource({
        "true, , ID, ASC", "false, , ID, ASC", "true, , ID, DESC", "false, , ID, DESC",
        "true, , NAME, ASC", "false, , NAME, DESC", "true, , LAST_ACTIVITY, DESC", "false, , LAST_ACTIVITY, ASC",
        "true, a, ID, ASC", "false, a, NAME, ASC", "true, e, LAST_ACTIVITY, ASC", "false, o, ID, DESC"
    })
    void pages_match_the_subquery(boolean active, String nameContains, String field, String direction)
            throws Exception {
        String filter =
                "{active: " + active + (nameContains == null ? "" : ", nameContains: \"" + nameContains + "\"") + "}";
        List<Long> expected = fromSql(active, nameContains, field, direction);
        assertThat(expected).hasSizeGreaterThan(14);

        List<Long> paged = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = gateway.data(
                            "query($after: String) { users(first: 13, after: $after, filter: " + filter
                                    + ", orderBy: {field: " + field + ", direction: " + direction
                                    + "}) { totalCount nodes { databaseId } "
                                    + "pageInfo { hasNextPage endCursor } } }",
                            HubQueryTest.variables("after", after))
                    .get("users");
            assertThat(page.get("totalCount").asInt()).isEqualTo(expected.size());
            page.get("nodes").forEach(node -> paged.add(node.get("databaseId").asLong()));
            after = page.at("/pageInfo/hasNextPage").asBoolean()
                    ? page.at("/pageInfo/endCursor").asText()
                    : null;
        } while (after != null);

        assertThat(paged).isEqualTo(expected);
    }

    @Test
    void the_dashboard_page_lists_the_first_running_users_with_their_servers() throws Exception {
        JsonNode nodes = gateway.data(
                        "{ users(first: 100, filter: {active: true}) { nodes { databaseId server { url } } } }")
                .at("/users/nodes");
        List<Long> expected = fromSql(true, null, "ID", "ASC");

        List<Long> ids = new ArrayList<>();
        nodes.forEach(node -> ids.add(node.get("databaseId").asLong()));
        assertThat(ids).isEqualTo(expected.subList(0, Math.min(100, expected.size())));
    }

    private static List<Long> fromSql(boolean active, String nameContains, String field, String direction)
            throws Exception {
        String order = switch (field) {
            case "ID" -> "u.id " + direction;
            case "NAME" -> "u.name " + direction + ", u.id " + direction;
            default -> "u.last_activity IS NULL, u.last_activity " + direction + ", u.id " + direction;
        };
        String sql = "SELECT u.id FROM users u WHERE u.id " + (active ? "IN" : "NOT IN") + " (" + RUNNING + ")"
                + (nameContains == null ? "" : " AND instr(lower(u.name), ?) > 0") + " ORDER BY " + order;
        List<Long> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hub);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (nameContains != null) {
                statement.setString(1, nameContains);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }
}
