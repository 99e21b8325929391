package org.hubql.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The fixed query set of the benchmark: each as GraphQL text with its variables. {@link Baseline} answers the same
 * queries with hand-written SQL. {@link #ALL} are timed in process at every hub size; {@link #NESTED} is issue 14's
 * nested query, timed over HTTP by {@link NestedOverHttp} at the page sizes it chooses.
 */
enum BenchQuery {
    USER_BY_NAME("query($name: String!) { user(name: $name) { id name admin lastActivity } }"),
    DASHBOARD(
            "{ users(first: 100, filter: {active: true}) { nodes { name lastActivity server { url } groups { name } } } }"),
    WIDE("{ users(first: 1000) { nodes { id name admin lastActivity server { url } "
            + "spawners { name active lastActivity server { url } } groups { name } apiTokens { prefix } } } }"),
    GROUP_MEMBERS("{ groups { nodes { name users(first: 50) { nodes { name } } } } }"),
    NODE("query($id: ID!) { node(id: $id) { id ... on User { name admin lastActivity } } }"),
    IDLE_SERVERS("query($before: DateTime!) { spawners(first: 100, filter: {active: true, lastActivityBefore: $before})"
            + " { nodes { name lastActivity user { name } } } }"),
    IDLE_SERVERS_OLDEST("query($before: DateTime!) { spawners(first: 100,"
            + " filter: {active: true, lastActivityBefore: $before}, orderBy: {field: LAST_ACTIVITY})"
            + " { nodes { name lastActivity user { name } } } }"),
    EXPIRING_TOKENS("query($before: DateTime!) { apiTokens(first: 100, filter: {expiresBefore: $before})"
            + " { nodes { prefix expiresAt user { name } } } }"),
    NESTED("query($first: Int!) { users(first: $first) { nodes { name admin lastActivity"
            + " spawners { name server { ip port baseUrl } } groups { name } } } }");

    /** The queries {@link InProcessBench} times at every hub size. */
    static final List<BenchQuery> ALL = List.of(
            USER_BY_NAME, DASHBOARD, WIDE, GROUP_MEMBERS, NODE, IDLE_SERVERS, IDLE_SERVERS_OLDEST, EXPIRING_TOKENS);

    /** The page {@link #NESTED} asks for unless told otherwise: the smaller one. */
    static final int NESTED_DEFAULT_FIRST = 500;

    private final String text;

    BenchQuery(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    String label() {
        return switch (this) {
            case USER_BY_NAME -> "user(name)";
            case DASHBOARD -> "dashboard page";
            case WIDE -> "wide nested (1000 users)";
            case GROUP_MEMBERS -> "groups { users(first: 50) }";
            case NODE -> "node(id)";
            case IDLE_SERVERS -> "idle servers page";
            case IDLE_SERVERS_OLDEST -> "idle servers page, longest idle first";
            case EXPIRING_TOKENS -> "expiring tokens page";
            case NESTED -> "nested users page";
        };
    }

    /** The variables for a hub in which {@code probe} is a user that exists. */
    Map<String, Object> variables(Probe probe) {
        return switch (this) {
            case USER_BY_NAME -> Map.of("name", probe.userName());
            case NODE -> Map.of("id", userNodeId(probe.userId()));
            case IDLE_SERVERS, IDLE_SERVERS_OLDEST ->
                Map.of("before", probe.idleBefore().toString());
            case EXPIRING_TOKENS -> Map.of("before", probe.expiringBefore().toString());
            case NESTED -> nestedVariables(NESTED_DEFAULT_FIRST);
            default -> Map.of();
        };
    }

    /** {@link #NESTED}'s variables for a page of {@code first} users. */
    static Map<String, Object> nestedVariables(int first) {
        return Map.of("first", first);
    }

    static String userNodeId(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("User:" + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An existing user of the hub under test, half-way through it by id; three days before the last server activity
     * (servers idle since match); half-way between the first and last token expiry.
     */
    record Probe(long userId, String userName, Instant idleBefore, Instant expiringBefore) {}
}
