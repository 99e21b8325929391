package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.hubql.db.Database;
import org.hubql.db.SqlTrace;
import org.hubql.scopes.Viewer;
import org.hubql.testkit.HubUnderTest;
import org.hubql.testkit.TestViewers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The name, creation, activity and named-server filters of {@code Query.users}, and {@code Hub.activeUsers}, each
 * checked against plain SQL on the same database, on every engine and schema version, for an admin and for viewers
 * who may list only some users. "Now" is fixed, so the periods end at a known instant.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.hubql.testkit.HubUnderTest#all")
@Tag("slow")
class UserFiltersAgainstSqlTest {
    /** The DAY period starts exactly at alice's last activity, which counts (at or after, as JupyterHub counts). */
    private static final Instant NOW = Instant.parse("2026-11-27T19:54:14.871926Z");

    private static final String USERS =
            "query($f: UserFilter) { users(first: 1000, filter: $f) " + "{ totalCount nodes { databaseId } } }";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SQL_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final String STUDENTS = "id IN (SELECT user_id FROM user_group_map WHERE group_id = 2)";
    private static final String NAMED = "id IN (SELECT user_id FROM spawners WHERE name <> '' AND user_id IS NOT NULL)";
    private static final String RUNNING =
            "id IN (SELECT s.user_id FROM spawners s JOIN servers v ON v.id = s.server_id WHERE s.user_id IS NOT NULL)";

    /** Bounds at and between the stored datetimes, so every comparison meets equal values too. */
    private static final List<Instant> BOUNDS = List.of(
            Instant.parse("2026-01-05T09:00:00Z"),
            Instant.parse("2026-02-10T12:30:00.123456Z"),
            Instant.parse("2026-03-01T08:00:00Z"),
            Instant.parse("2026-03-02T12:00:00Z"),
            Instant.parse("2026-10-01T08:30:00.5Z"),
            Instant.parse("2026-11-21T09:15:00.25Z"),
            Instant.parse("2026-11-26T19:54:14.871926Z"),
            Instant.parse("2027-01-01T00:00:00Z"));

    @Parameter
    HubUnderTest hub;

    static HubUnderTest.Opened opened;
    static Database database;
    static HubGraph graph;
    static Connection plain;

    @BeforeParameterizedClassInvocation
    static void open(HubUnderTest hub) throws Exception {
        opened = hub.open("hub-text-filters.sql");
        database = Database.open(opened.location());
        graph = new HubGraph(database, GraphOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        plain = DriverManager.getConnection(
                opened.location().file() != null
                        ? "jdbc:sqlite:" + opened.location().file()
                        : opened.location().jdbcUrl());
    }

    @AfterParameterizedClassInvocation
    static void close() throws Exception {
        plain.close();
        database.close();
        opened.close();
    }

    @Test
    void name_filters_match_plain_text_with_wildcards_and_nul_taken_literally() throws Exception {
        for (String text : List.of("a", "A", "al", "b", "%", "_", "a_", "a%", "\\", "k\\s", "100%", "", "\0", "a\0")) {
            assertThat(userIds(Map.of("nameContains", text)))
                    .as("nameContains %s", printable(text))
                    .isEqualTo(namesWhere(name -> name.contains(text.toLowerCase(Locale.ROOT))));
            assertThat(userIds(Map.of("nameStartsWith", text)))
                    .as("nameStartsWith %s", printable(text))
                    .isEqualTo(namesWhere(name -> name.startsWith(text.toLowerCase(Locale.ROOT))));
        }
        assertThat(userIds(Map.of("nameContains", "%"))).containsExactly(7L);
        assertThat(userIds(Map.of("nameContains", "_"))).containsExactly(8L);
        assertThat(userIds(Map.of("nameContains", "\\"))).containsExactly(10L);
        assertThat(userIds(Map.of("nameContains", "\0"))).isEmpty();
        assertThat(userIds(Map.of("group", "\0"))).isEmpty();
    }

    @Test
    void a_nul_in_a_looked_up_name_finds_nothing_instead_of_failing() {
        JsonNode found = run(
                TestViewers.admin(1),
                "query($n: String!) { user(name: $n) { name } group(name: $n) { name } service(name: $n) { name } "
                        + "admin: user(name: \"alice\") { spawner(name: $n) { name } } }",
                Map.of("n", "a\0"));
        assertThat(found.get("user").isNull()).isTrue();
        assertThat(found.get("group").isNull()).isTrue();
        assertThat(found.get("service").isNull()).isTrue();
        assertThat(found.at("/admin/spawner").isNull()).isTrue();
    }

    @Test
    void named_server_and_never_active_filters_match_the_database() throws Exception {
        assertThat(userIds(Map.of("hasNamedServers", true))).isEqualTo(ids(NAMED));
        assertThat(userIds(Map.of("hasNamedServers", false))).isEqualTo(ids("NOT (" + NAMED + ")"));
        assertThat(userIds(Map.of("hasNamedServers", true))).containsExactly(2L, 6L, 8L);
        if (!hub.hasCreated()) {
            return;
        }
        assertThat(userIds(Map.of("neverActive", true))).isEqualTo(ids("last_activity IS NULL"));
        assertThat(userIds(Map.of("neverActive", false))).isEqualTo(ids("last_activity IS NOT NULL"));
    }

    @Test
    void created_bounds_are_strict_skip_nulls_and_match_the_database() throws Exception {
        if (!hub.hasCreated()) {
            return;
        }
        for (Instant bound : BOUNDS) {
            assertThat(userIds(Map.of("createdAfter", bound.toString())))
                    .as("createdAfter %s", bound)
                    .isEqualTo(ids("created > " + literal(bound)));
            assertThat(userIds(Map.of("createdBefore", bound.toString())))
                    .as("createdBefore %s", bound)
                    .isEqualTo(ids("created < " + literal(bound)));
        }
        assertThat(ids("created IS NULL")).isNotEmpty();
    }

    @Test
    void new_filters_combine_with_the_others_and_with_each_other() throws Exception {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("nameStartsWith", "a");
        filter.put("hasNamedServers", true);
        filter.put("active", true);
        assertThat(userIds(filter))
                .isEqualTo(ids("LOWER(name) LIKE 'a%' AND " + NAMED + " AND " + RUNNING))
                .containsExactly(2L);
        assertThat(userIds(Map.of("group", "students", "hasNamedServers", false, "admin", false)))
                .isEqualTo(
                        ids(STUDENTS + " AND NOT (" + NAMED + ") AND (admin IS NULL OR admin = " + falseValue() + ")"));
        assertThat(userIds(Map.of("nameContains", "b", "lastActivityAfter", "2026-11-01T00:00:00Z")))
                .isEqualTo(ids("LOWER(name) LIKE '%b%' AND last_activity > "
                        + literal(Instant.parse("2026-11-01T00:00:00Z"))));
        if (hub.hasCreated()) {
            Instant march = Instant.parse("2026-03-01T08:00:00Z");
            assertThat(userIds(Map.of("createdAfter", march.toString(), "neverActive", false, "group", "students")))
                    .isEqualTo(ids("created > " + literal(march) + " AND last_activity IS NOT NULL AND " + STUDENTS));
        }
    }

    @Test
    void a_viewer_listing_only_some_users_gets_those_in_rows_and_total_count() throws Exception {
        Viewer studentsReader = TestViewers.user(database, 2, "list:users!group=students", "read:users!group=students");
        for (Map<String, Object> filter : List.of(
                Map.<String, Object>of("nameStartsWith", "a"),
                Map.<String, Object>of("hasNamedServers", true),
                Map.<String, Object>of("hasNamedServers", false),
                Map.<String, Object>of("nameContains", "_"))) {
            JsonNode users = run(studentsReader, USERS, Map.of("f", filter)).get("users");
            List<Long> expected = new ArrayList<>(userIds(filter));
            expected.retainAll(ids(STUDENTS));
            assertThat(databaseIds(users)).as(filter.toString()).isEqualTo(expected);
            assertThat(users.get("totalCount").asInt()).as(filter.toString()).isEqualTo(expected.size());
        }
    }

    @Test
    void active_users_per_period_count_like_jupyterhubs_metric() throws Exception {
        JsonNode counts = run(
                        TestViewers.admin(1),
                        "{ hub { day: activeUsers(period: DAY) week: activeUsers(period: WEEK) "
                                + "month: activeUsers(period: MONTH) } }",
                        Map.of())
                .get("hub");
        assertThat(counts.get("day").asInt()).isEqualTo(activeSince(NOW.minusSeconds(24 * 3600)));
        assertThat(counts.get("week").asInt()).isEqualTo(activeSince(NOW.minusSeconds(7 * 24 * 3600)));
        assertThat(counts.get("month").asInt()).isEqualTo(activeSince(NOW.minusSeconds(30 * 24 * 3600)));
        assertThat(counts.get("day").asInt())
                .isLessThanOrEqualTo(counts.get("week").asInt())
                .isPositive();
        assertThat(counts.get("week").asInt()).isLessThan(counts.get("month").asInt());
    }

    @Test
    void active_users_since_includes_the_instant_itself() throws Exception {
        for (Instant since : BOUNDS) {
            JsonNode hubInfo = run(
                            TestViewers.admin(1),
                            "query($s: DateTime!) { hub { activeUsersSince(since: $s) } }",
                            Map.of("s", since.toString()))
                    .get("hub");
            assertThat(hubInfo.get("activeUsersSince").asInt())
                    .as(since.toString())
                    .isEqualTo(activeSince(since));
        }
    }

    @Test
    void active_users_need_read_hub_as_the_other_hub_counts_do() throws Exception {
        String query = "{ hub { activeUsers(period: MONTH) userCount } }";
        Viewer lister = TestViewers.user(database, 2, "list:users!group=students", "read:users!group=students");
        ExecutionResult refused = graph.execute(new GraphRequest(query, null, Map.of()), new SqlTrace(false), lister);
        JsonNode response = JSON.valueToTree(refused.toSpecification());
        assertThat(response.at("/data/hub/activeUsers").isNull()).isTrue();
        assertThat(response.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        assertThat(response.toString()).contains("read:hub");

        Viewer hubReader = TestViewers.service(database, 1, "read:hub");
        JsonNode counted = run(hubReader, query, Map.of()).get("hub");
        assertThat(counted.get("activeUsers").asInt()).isEqualTo(activeSince(NOW.minusSeconds(30 * 24 * 3600)));
    }

    @Test
    void filters_on_columns_the_hub_lacks_are_refused_with_the_version_needed() throws Exception {
        if (hub.hasCreated()) {
            return;
        }
        for (Map<String, Object> filter : List.of(
                Map.<String, Object>of("createdAfter", "2026-01-01T00:00:00Z"),
                Map.<String, Object>of("createdBefore", "2026-01-01T00:00:00Z"),
                Map.<String, Object>of("neverActive", true))) {
            ExecutionResult result = graph.execute(
                    new GraphRequest(USERS, null, Map.of("f", filter)), new SqlTrace(false), TestViewers.admin(1));
            JsonNode response = JSON.valueToTree(result.toSpecification());
            assertThat(response.at("/errors/0/extensions/code").asText()).isEqualTo("BAD_USER_INPUT");
            assertThat(response.at("/errors/0/message").asText())
                    .contains(filter.keySet().iterator().next())
                    .contains("0.9");
        }
    }

    private List<Long> userIds(Map<String, Object> filter) throws Exception {
        JsonNode users = run(TestViewers.admin(1), USERS, Map.of("f", filter)).get("users");
        List<Long> ids = databaseIds(users);
        assertThat(users.get("totalCount").asInt()).as(filter.toString()).isEqualTo(ids.size());
        return ids;
    }

    private static List<Long> databaseIds(JsonNode users) {
        List<Long> ids = new ArrayList<>();
        users.get("nodes").forEach(node -> ids.add(node.get("databaseId").asLong()));
        return ids;
    }

    private static JsonNode run(Viewer viewer, String query, Map<String, Object> variables) {
        ExecutionResult result =
                graph.execute(new GraphRequest(query, null, new HashMap<>(variables)), new SqlTrace(false), viewer);
        assertThat(result.getErrors())
                .as(query + " " + printable(variables.toString()))
                .isEmpty();
        return JSON.valueToTree(result.getData());
    }

    private static List<Long> ids(String where) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement statement = plain.createStatement();
                ResultSet rs = statement.executeQuery("SELECT id FROM users WHERE " + where + " ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** The users whose lower-cased name, read with plain SQL, passes the test: Java's plain-text matching. */
    private static List<Long> namesWhere(Predicate<String> test) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement statement = plain.createStatement();
                ResultSet rs = statement.executeQuery("SELECT id, name FROM users ORDER BY id")) {
            while (rs.next()) {
                if (test.test(rs.getString("name").toLowerCase(Locale.ROOT))) {
                    ids.add(rs.getLong("id"));
                }
            }
        }
        return ids;
    }

    private static int activeSince(Instant since) throws SQLException {
        try (Statement statement = plain.createStatement();
                ResultSet rs =
                        statement.executeQuery("SELECT COUNT(*) FROM users WHERE last_activity >= " + literal(since))) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A datetime literal every engine compares with its datetime column: SQLAlchemy's naive-UTC text. */
    private static String literal(Instant instant) {
        return "'" + SQL_DATETIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "'";
    }

    private String falseValue() {
        return hub.engine().equals("postgresql") ? "FALSE" : "0";
    }

    private static String printable(String text) {
        return text.replace("\0", "\\0");
    }
}
