package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hubql.testkit.GatewayExtension;
import org.hubql.testkit.HubUnderTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Query.spawners} and {@code Query.apiTokens} against plain SQL on the same database, on every engine and
 * JupyterHub version: each filter selects what a hand-written WHERE selects, each order (both directions) sorts as
 * Java sorts the SQL rows, and every connection walks forward and backward, page by page, to the full list.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.hubql.testkit.HubUnderTest#all")
@Tag("slow")
class ListsAgainstSqlTest {
    private static final String SPAWNERS_FROM = "SELECT s.id FROM spawners s WHERE s.user_id IN (SELECT id FROM users)";

    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.eachHubUnderTest();

    @Parameter
    HubUnderTest hub;

    @Test
    void every_spawner_filter_selects_what_plain_sql_selects() throws Exception {
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("{}", "");
        filters.put("{active: true}", " AND s.server_id IN (SELECT id FROM servers)");
        filters.put("{active: false}", " AND (s.server_id IS NULL OR s.server_id NOT IN (SELECT id FROM servers))");
        filters.put("{named: true}", " AND s.name <> ''");
        filters.put("{named: false}", " AND s.name = ''");
        filters.put("{name: \"ml\"}", " AND s.name = 'ml'");
        filters.put("{user: \"alice\"}", " AND s.user_id = (SELECT id FROM users WHERE name = 'alice')");
        filters.put(
                "{group: \"staff\"}",
                " AND s.user_id IN (SELECT m.user_id FROM user_group_map m WHERE m.group_id = " + "(SELECT g.id FROM "
                        + groups() + " g WHERE g.name = 'staff'))");
        filters.put(
                "{lastActivityBefore: \"2026-11-22T00:00:00Z\"}",
                " AND s.last_activity < '2026-11-22 00:00:00.000000'");
        filters.put(
                "{lastActivityAfter: \"2026-11-22T00:00:00Z\"}", " AND s.last_activity > '2026-11-22 00:00:00.000000'");
        filters.put(
                "{active: true, lastActivityBefore: \"2026-11-26T00:00:00Z\"}",
                " AND s.server_id IN (SELECT id FROM servers) AND s.last_activity < '2026-11-26 00:00:00.000000'");
        if (hub.hasCreated()) {
            filters.put("{startedBefore: \"2026-11-22T00:00:00Z\"}", " AND s.started < '2026-11-22 00:00:00.000000'");
            filters.put("{startedAfter: \"2026-11-22T00:00:00Z\"}", " AND s.started > '2026-11-22 00:00:00.000000'");
        }
        filters.forEach((filter, where) -> {
            JsonNode page = gateway.data(
                            "{ spawners(first: 1000, filter: " + filter + ") { totalCount nodes { databaseId } } }")
                    .get("spawners");
            List<Long> expected = ids(SPAWNERS_FROM + where + " ORDER BY s.id");
            assertThat(databaseIds(page)).as(filter).isEqualTo(expected);
            assertThat(page.get("totalCount").asInt()).as(filter).isEqualTo(expected.size());
        });
        assertThat(ids(SPAWNERS_FROM)).as("the fixture has servers").hasSizeGreaterThan(3);
    }

    @Test
    void every_token_filter_selects_what_plain_sql_selects() throws Exception {
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("{}", "");
        filters.put("{ownerKind: USER}", " WHERE t.user_id IS NOT NULL");
        filters.put("{ownerKind: SERVICE}", " WHERE t.service_id IS NOT NULL");
        filters.put("{user: \"alice\"}", " WHERE t.user_id = (SELECT id FROM users WHERE name = 'alice')");
        filters.put(
                "{service: \"announcement\"}",
                " WHERE t.service_id = (SELECT id FROM services WHERE name = 'announcement')");
        if (hub.hasCreated()) {
            filters.put("{expires: false}", " WHERE t.expires_at IS NULL");
            filters.put("{expires: true}", " WHERE t.expires_at IS NOT NULL");
            filters.put(
                    "{expiresBefore: \"2026-11-30T00:00:00Z\"}", " WHERE t.expires_at < '2026-11-30 00:00:00.000000'");
            filters.put("{expired: true}", " WHERE t.expires_at < " + now());
            filters.put("{expired: false}", " WHERE (t.expires_at IS NULL OR t.expires_at >= " + now() + ")");
            filters.put("{neverUsed: true}", " WHERE t.last_activity IS NULL");
            filters.put("{neverUsed: false}", " WHERE t.last_activity IS NOT NULL");
            filters.put(
                    "{lastActivityBefore: \"2026-11-26T12:00:00Z\"}",
                    " WHERE t.last_activity < '2026-11-26 12:00:00.000000'");
            filters.put("{createdBefore: \"2026-06-01T10:00:00Z\"}", " WHERE t.created < '2026-06-01 10:00:00.000000'");
            filters.put("{createdAfter: \"2026-06-01T10:00:00Z\"}", " WHERE t.created > '2026-06-01 10:00:00.000000'");
            filters.put("{noteContains: \"SERVER AT\"}", " WHERE LOWER(t.note) LIKE '%server at%'");
            filters.put("{noteContains: \"%\"}", " WHERE 1 = 0");
        }
        if (hub.isFive()) {
            filters.put("{clientId: \"jupyterhub\"}", " WHERE t.client_id = 'jupyterhub'");
            filters.put("{scope: \"inherit\"}", " WHERE t.scopes LIKE '%\"inherit\"%'");
            filters.put("{scope: \"read:users:name!user=müller\"}", " WHERE t.id = 6");
            filters.put("{scope: \"read\"}", " WHERE 1 = 0");
        }
        filters.forEach((filter, where) -> {
            JsonNode page = gateway.data(
                            "{ apiTokens(first: 1000, filter: " + filter + ") { totalCount nodes { databaseId } } }")
                    .get("apiTokens");
            List<Long> expected = ids("SELECT t.id FROM api_tokens t" + where + " ORDER BY t.id");
            assertThat(databaseIds(page)).as(filter).isEqualTo(expected);
            assertThat(page.get("totalCount").asInt()).as(filter).isEqualTo(expected.size());
        });
    }

    @Test
    void filters_and_orders_on_columns_the_hub_lacks_are_refused_and_the_fields_read_null() throws Exception {
        if (hub.hasCreated()) {
            return;
        }
        for (String arguments : List.of(
                "filter: {startedAfter: \"2026-01-01T00:00:00Z\"}", "orderBy: {field: STARTED, direction: DESC}")) {
            JsonNode response = gateway.query("{ spawners(" + arguments + ") { nodes { name } } }");
            assertThat(response.at("/errors/0/extensions/code").asText()).isEqualTo("BAD_USER_INPUT");
            assertThat(response.at("/errors/0/message").asText()).contains("`spawners.started`");
        }
        for (String arguments :
                List.of("filter: {expired: true}", "filter: {scope: \"x\"}", "orderBy: {field: EXPIRES_AT}")) {
            JsonNode response = gateway.query("{ apiTokens(" + arguments + ") { nodes { prefix } } }");
            assertThat(response.at("/errors/0/extensions/code").asText())
                    .as(arguments)
                    .isEqualTo("BAD_USER_INPUT");
            assertThat(response.at("/errors/0/message").asText()).contains("api_tokens.");
        }
        JsonNode token = gateway.data("{ apiTokens(first: 1) { nodes { created expiresAt lastActivity scopes } } }")
                .at("/apiTokens/nodes/0");
        assertThat(token.get("expiresAt").isNull()).isTrue();
        assertThat(token.get("scopes").isNull()).isTrue();
    }

    @Test
    void spawner_orders_sort_as_java_sorts_the_sql_rows_both_ways_and_walk_both_ways() throws Exception {
        Map<String, String> columns = new java.util.LinkedHashMap<>();
        columns.put("ID", "NULL");
        columns.put("LAST_ACTIVITY", "s.last_activity");
        columns.put("USER_NAME", "u.name");
        if (hub.hasCreated()) {
            columns.put("STARTED", "s.started");
        }
        for (Map.Entry<String, String> order : columns.entrySet()) {
            List<Row> rows =
                    rows("SELECT s.id, " + order.getValue() + " FROM spawners s JOIN users u ON u.id = s.user_id");
            for (String direction : List.of("ASC", "DESC")) {
                String orderBy = "orderBy: {field: " + order.getKey() + ", direction: " + direction + "}";
                assertThat(walk("spawners", orderBy, 1000, true))
                        .as(orderBy)
                        .isEqualTo(sorted(rows, direction.equals("DESC")));
                assertWalksAgree("spawners", orderBy);
            }
        }
    }

    @Test
    void token_orders_sort_as_java_sorts_the_sql_rows_both_ways_and_walk_both_ways() throws Exception {
        Map<String, String> columns = new java.util.LinkedHashMap<>();
        columns.put("ID", "NULL");
        if (hub.hasCreated()) {
            columns.put("CREATED", "t.created");
            columns.put("LAST_ACTIVITY", "t.last_activity");
            columns.put("EXPIRES_AT", "t.expires_at");
        }
        for (Map.Entry<String, String> order : columns.entrySet()) {
            List<Row> rows = rows("SELECT t.id, " + order.getValue() + " FROM api_tokens t");
            for (String direction : List.of("ASC", "DESC")) {
                String orderBy = "orderBy: {field: " + order.getKey() + ", direction: " + direction + "}";
                assertThat(walk("apiTokens", orderBy, 1000, true))
                        .as(orderBy)
                        .isEqualTo(sorted(rows, direction.equals("DESC")));
                assertWalksAgree("apiTokens", orderBy);
            }
        }
    }

    @Test
    void users_groups_and_members_walk_backward_to_the_forward_list() {
        for (String order : List.of("ID", "NAME", "LAST_ACTIVITY")) {
            for (String direction : List.of("ASC", "DESC")) {
                assertWalksAgree("users", "orderBy: {field: " + order + ", direction: " + direction + "}");
            }
        }
        assertWalksAgree("users", "filter: {active: false}");
        assertWalksAgree("groups", "");
        assertWalksAgree("group(name: \"students\") { users", "");
    }

    @Test
    void both_cursors_bound_a_page_and_first_with_last_is_refused() {
        List<Long> all = walk("users", "", 1000, true);
        JsonNode edges =
                gateway.data("{ users(first: 6) { edges { cursor } } }").at("/users/edges");
        JsonNode between = gateway.data(
                        "query($a: String, $b: String) { users(after: $a, before: $b) { nodes { databaseId } "
                                + "pageInfo { hasPreviousPage hasNextPage } } }",
                        HubQueryTest.variables(
                                "a",
                                edges.at("/1/cursor").asText(),
                                "b",
                                edges.at("/4/cursor").asText()))
                .get("users");
        assertThat(databaseIds(between)).isEqualTo(all.subList(2, 4));
        assertThat(between.at("/pageInfo/hasPreviousPage").asBoolean()).isTrue();
        JsonNode both = gateway.query("{ users(first: 1, last: 1) { nodes { name } } }");
        assertThat(both.at("/errors/0/extensions/code").asText()).isEqualTo("BAD_USER_INPUT");
        JsonNode negative = gateway.query("{ spawners(last: -1) { nodes { name } } }");
        assertThat(negative.at("/errors/0/message").asText()).contains("`last` must be between 0 and");
    }

    /**
     * Walks {@code list} forward and backward one and two rows at a time and checks each page's Relay flags and
     * cursors; all walks must visit the rows of one big page, in its order.
     */
    private static void assertWalksAgree(String list, String arguments) {
        List<Long> all = walk(list, arguments, 1000, true);
        for (int size : new int[] {1, 2}) {
            assertThat(walk(list, arguments, size, true))
                    .as(list + " " + arguments + " forward by " + size)
                    .isEqualTo(all);
            assertThat(walk(list, arguments, size, false))
                    .as(list + " " + arguments + " backward by " + size)
                    .isEqualTo(all);
        }
    }

    /** Every row of {@code list}, by pages of {@code size}, forward from the start or backward from the end. */
    private static List<Long> walk(String list, String arguments, int size, boolean forward) {
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        boolean firstPage = true;
        String nested = list.contains("{") ? " }" : "";
        String field =
                list.contains("{") ? list.substring(list.indexOf('{') + 1).trim() : list;
        String root = list.contains("{") ? list.substring(0, list.indexOf('(')) : null;
        while (true) {
            String paging = forward ? "first: $size, after: $cursor" : "last: $size, before: $cursor";
            String query = "query($size: Int, $cursor: String) { " + list + "(" + paging
                    + (arguments.isEmpty() ? "" : ", " + arguments)
                    + ") { totalCount edges { cursor node { databaseId } } "
                    + "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }" + nested;
            JsonNode data = gateway.data(query, HubQueryTest.variables("size", size, "cursor", cursor));
            JsonNode page = root == null ? data.get(field) : data.get(root).get(field);
            JsonNode edges = page.get("edges");
            List<Long> ids = new ArrayList<>();
            edges.forEach(edge -> ids.add(edge.at("/node/databaseId").asLong()));
            JsonNode info = page.get("pageInfo");
            boolean more = info.get(forward ? "hasNextPage" : "hasPreviousPage").asBoolean();
            boolean behind =
                    info.get(forward ? "hasPreviousPage" : "hasNextPage").asBoolean();
            assertThat(behind)
                    .as("a page after the first says rows lie behind it")
                    .isEqualTo(!firstPage);
            if (!edges.isEmpty()) {
                assertThat(info.get("startCursor").asText())
                        .isEqualTo(edges.at("/0/cursor").asText());
                assertThat(info.get("endCursor").asText())
                        .isEqualTo(
                                edges.at("/" + (edges.size() - 1) + "/cursor").asText());
            }
            if (forward) {
                seen.addAll(ids);
            } else {
                seen.addAll(0, ids);
            }
            assertThat(page.get("totalCount").asInt()).isGreaterThanOrEqualTo(seen.size());
            if (!more) {
                assertThat(page.get("totalCount").asInt()).isEqualTo(seen.size());
                return seen;
            }
            assertThat(ids).hasSize(size);
            cursor = info.get(forward ? "endCursor" : "startCursor").asText();
            firstPage = false;
        }
    }

    private record Row(long id, String value) {}

    /** Rows without a value last in either direction, then by value, then by id, as the schema promises; ID orders select no value. */
    private static List<Long> sorted(List<Row> rows, boolean descending) {
        Comparator<Row> byValue = Comparator.comparing(Row::value);
        Comparator<Row> byId = Comparator.comparingLong(Row::id);
        Comparator<Row> order =
                descending ? byValue.reversed().thenComparing(byId.reversed()) : byValue.thenComparing(byId);
        List<Row> present =
                new ArrayList<>(rows.stream().filter(row -> row.value() != null).toList());
        List<Row> absent =
                new ArrayList<>(rows.stream().filter(row -> row.value() == null).toList());
        present.sort(order);
        absent.sort(descending ? byId.reversed() : byId);
        List<Long> ids = new ArrayList<>();
        present.forEach(row -> ids.add(row.id()));
        absent.forEach(row -> ids.add(row.id()));
        return ids;
    }

    /** The id and the sort value as text ({@code T} read as a space, so datetimes of every engine sort as text). */
    private static List<Row> rows(String sql) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = gateway.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                String value = rs.getString(2);
                rows.add(new Row(rs.getLong(1), value == null ? null : value.replace('T', ' ')));
            }
        }
        return rows;
    }

    private static List<Long> ids(String sql) {
        try (Connection connection = gateway.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static List<Long> databaseIds(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("nodes").forEach(node -> ids.add(node.get("databaseId").asLong()));
        return ids;
    }

    private String groups() {
        return hub.engine().equals("mariadb") ? "`groups`" : "\"groups\"";
    }

    /** Now, as a datetime literal every engine compares with its stored datetimes. */
    private static String now() {
        return "'"
                + java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                        .toString()
                        .replace('T', ' ') + "'";
    }
}
