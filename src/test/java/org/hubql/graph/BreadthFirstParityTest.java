package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hubql.db.Database;
import org.hubql.db.SqlTrace;
import org.hubql.scopes.Viewer;
import org.hubql.testkit.HubUnderTest;
import org.hubql.testkit.TestViewers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The breadth-first strategy answers exactly as graphql-java's own strategy does, byte for byte, on every engine
 * and schema: the same data in the same key order, the same errors. Documents it cannot take are handed back.
 */
@ParameterizedClass(name = "{0} {1}")
@CsvSource({"sqlite, 0.8.1", "sqlite, 5.5.1", "postgresql, 5.5.1", "mariadb, 0.8.1"})
@Tag("slow")
class BreadthFirstParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Viewer ADMIN = TestViewers.admin(1);

    /** Documents the breadth-first strategy runs itself, with their variables. */
    private static final List<GraphRequest> PLAIN = List.of(
            request("{ users(first: 1000) { nodes { id name admin lastActivity server { url } spawners { name active "
                    + "lastActivity server { url } } groups { name } apiTokens { prefix } } } }"),
            request("{ users(first: 20, filter: {active: true}) { totalCount nodes { name lastActivity server { url } "
                    + "groups { name } } pageInfo { hasNextPage endCursor } } }"),
            request(
                    "{ groups { totalCount nodes { name users(first: 5) { totalCount nodes { name } pageInfo { endCursor } } } } }"),
            request(
                    "query($n: String!) { user(name: $n) { __typename databaseId created spawner(name: \"\") { started "
                            + "userOptions server { port baseUrl ip proto spawner { user { name } } } } } }",
                    "n",
                    "admin"),
            request(
                    "query($n: String!) { a: user(name: $n) { n: name ...who } b: user(name: \"nobody\") { name } "
                            + "c: user(name: $n) { ... on User { admin name } } } fragment who on User { id name groups { id } }",
                    "n",
                    "admin"),
            request(
                    "query($skip: Boolean!, $with: Boolean!) { users(first: 7, orderBy: {field: NAME, direction: DESC}) "
                            + "{ edges { cursor node { name @skip(if: $skip) admin @include(if: $with) databaseId } } } }",
                    "skip",
                    true,
                    "with",
                    false),
            request(
                    "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on User { name spawners { name } } "
                            + "... on Group { name users { nodes { name } } } ... on Service { name apiTokens { prefix } } } }",
                    "ids",
                    List.of(
                            NodeId.encode("User", 2),
                            NodeId.encode("Group", 1),
                            NodeId.encode("User", 999_999),
                            NodeId.encode("Service", 1),
                            NodeId.encode("User", 3))),
            request(
                    "{ __typename hub { engine schemaRevision userCount adminCount groupCount activeServerCount apiTokenCount } "
                            + "viewer { __typename ... on User { name admin } } services { name admin url server { url service { name } } "
                            + "apiTokens { prefix user { name } service { name } } } }"),
            request(
                    "{ oauthClients { identifier description redirectUri accessTokens { prefix grantType expiresAt "
                            + "client { identifier } user { name oauthTokens { prefix } oauthCodes { expiresAt client { identifier } } } } } }"),
            request(
                    "{ roles { name description scopes users { name } groups { name } services { name } } users(first: 30) "
                            + "{ nodes { roles { name } shares { scopes owner { name } spawner { name } user { name } group { name } } "
                            + "receivedShares { createdAt } apiTokens { created lastActivity expiresAt note scopes clientId } "
                            + "spawners { shares { expiresAt } shareCodes { prefix exchangeCount owner { name } } state } state } } }"),
            request(
                    "{ users(first: 3, filter: {admin: false, nameContains: \"a\"}) { nodes { name name groups { name users "
                            + "{ nodes { name } } } } } }"),
            request("{ hub { userCount day: activeUsers(period: DAY) month: activeUsers(period: MONTH) "
                    + "activeUsersSince(since: \"2026-01-01T00:00:00Z\") } users(first: 5, filter: "
                    + "{nameStartsWith: \"a\", hasNamedServers: false}) { totalCount nodes { name } } }"));

    @Parameter(0)
    String engine;

    @Parameter(1)
    String schema;

    private HubUnderTest.Opened hub;
    private Database database;
    private HubGraph breadthFirst;
    private HubGraph standard;

    @BeforeEach
    void open() throws Exception {
        hub = HubUnderTest.demo(engine, schema, 120, 11);
        database = Database.open(hub.location());
        breadthFirst =
                new HubGraph(database, GraphOptions.defaults().withPlans(false).withBreadthFirst(true));
        standard =
                new HubGraph(database, GraphOptions.defaults().withPlans(false).withBreadthFirst(false));
    }

    @AfterEach
    void close() {
        database.close();
        hub.close();
    }

    @Test
    void plain_queries_give_the_same_response_and_are_not_handed_back() throws Exception {
        for (GraphRequest request : PLAIN) {
            String expected = run(standard, request, ADMIN);
            assertThat(expected).doesNotContain("\"errors\"");
            assertThat(run(breadthFirst, request, ADMIN)).as(request.query()).isEqualTo(expected);
            assertThat(run(breadthFirst, request, Viewer.local()))
                    .as(request.query())
                    .isEqualTo(run(standard, request, Viewer.local()));
        }
        assertThat(breadthFirst.handedBack()).isZero();
    }

    @Test
    void the_same_statements_run_as_on_graphql_javas_strategy() {
        for (GraphRequest request : PLAIN) {
            assertThat(statements(breadthFirst, request)).as(request.query()).isEqualTo(statements(standard, request));
        }
    }

    @Test
    void errors_are_left_to_graphql_java_and_come_out_the_same() throws Exception {
        List<GraphRequest> failing = List.of(
                request("{ users(after: \"not a cursor\") { nodes { name } } }"),
                request("{ users(first: 2) { nodes { name } } groups(after: \"nope\") { nodes { name } } }"));
        for (GraphRequest request : failing) {
            String expected = run(standard, request, ADMIN);
            assertThat(expected).contains("\"errors\"");
            assertThat(run(breadthFirst, request, ADMIN)).as(request.query()).isEqualTo(expected);
        }
        assertThat(breadthFirst.handedBack()).isEqualTo(2);
    }

    @Test
    void introspection_goes_to_graphql_java() throws Exception {
        GraphRequest introspection = request("{ __schema { queryType { name } } users(first: 1) { nodes { name } } }");
        assertThat(run(breadthFirst, introspection, ADMIN)).isEqualTo(run(standard, introspection, ADMIN));
        assertThat(breadthFirst.handedBack()).isEqualTo(1);
    }

    /**
     * Restricted viewers get the same answers, refusals included; the documents they may read whole are not handed
     * back: a user's own view, a teaching assistant reading a group's members, a name-only lister, an idle culler.
     */
    @Test
    void restricted_viewers_get_the_same_answers() throws Exception {
        String group = database.newSql(new SqlTrace(false), System.nanoTime() + 10_000_000_000L)
                .single(
                        "SELECT g.name FROM " + database.dialect().quote("groups") + " g WHERE g.id = 1",
                        List.of(),
                        row -> row.text("name"));
        List<Viewer> viewers = List.of(
                TestViewers.user(database, 2, "self"),
                TestViewers.user(
                        database,
                        3,
                        "list:users!group=" + group,
                        "read:users!group=" + group,
                        "read:groups!group=" + group,
                        "list:groups!group=" + group),
                TestViewers.user(database, 4, "list:users", "read:users:name"),
                TestViewers.service(
                        database, 1, "list:users", "read:users:activity", "read:servers", "delete:servers"));
        for (Viewer viewer : viewers) {
            for (GraphRequest request : PLAIN) {
                assertThat(run(breadthFirst, request, viewer))
                        .as(viewer + " " + request.query())
                        .isEqualTo(run(standard, request, viewer));
            }
        }
        long handedBack = breadthFirst.handedBack();
        for (Viewer viewer : viewers.subList(2, 4)) {
            GraphRequest readable =
                    request("{ users(first: 50) { totalCount nodes { id name admin } pageInfo { endCursor } } }");
            assertThat(run(breadthFirst, readable, viewer)).doesNotContain("\"errors\"");
        }
        assertThat(breadthFirst.handedBack()).isEqualTo(handedBack);
    }

    private static String run(HubGraph graph, GraphRequest request, Viewer viewer) throws Exception {
        ExecutionResult result = graph.execute(request, new SqlTrace(false), viewer);
        return JSON.writeValueAsString(result.toSpecification());
    }

    private static List<String> statements(HubGraph graph, GraphRequest request) {
        SqlTrace trace = new SqlTrace(true);
        graph.execute(request, trace, ADMIN);
        return trace.statements().stream()
                .map(SqlTrace.TracedStatement::sql)
                .sorted()
                .toList();
    }

    private static GraphRequest request(String query, Object... variables) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            values.put((String) variables[i], variables[i + 1]);
        }
        return new GraphRequest(query, null, values);
    }
}
