package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hubql.db.Database;
import org.hubql.db.SqlTrace;
import org.hubql.http.ResponseJson;
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
 * Compiled plans answer exactly as the strategies they wrap, byte for byte as HTTP writes the answer and as
 * {@code ExecutionResult.toSpecification()} gives it, with the same statements, on every engine and schema; the
 * documents they cover take the plan, and the others run as before.
 */
@ParameterizedClass(name = "{0} {1}")
@CsvSource({"sqlite, 0.8.1", "sqlite, 5.5.1", "postgresql, 5.5.1", "mariadb, 0.8.1"})
@Tag("slow")
class PlanParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ResponseJson RESPONSE = new ResponseJson(JSON);
    private static final Viewer ADMIN = TestViewers.admin(1);

    /** Documents a plan covers, with their variables. */
    private static final List<GraphRequest> PLANNED = List.of(
            request("{ users(first: 1000) { nodes { id name admin lastActivity server { url } spawners { name active "
                    + "lastActivity server { url } } groups { name } apiTokens { prefix } } } }"),
            request(
                    "query($n: Int) { users(first: $n) { totalCount edges { cursor node { name admin lastActivity "
                            + "spawners { name server { ip port baseUrl } } groups { name } } } "
                            + "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }",
                    "n",
                    40),
            request(
                    "query($n: String!) { a: user(name: $n) { __typename n: name ...who spawners { ... on Spawner "
                            + "{ name } ... { started } } } b: user(name: \"nobody\") { name } c: user(name: $n) { name } } "
                            + "fragment who on User { id name groups { id name } }",
                    "n",
                    "admin"),
            request("{ groups { totalCount nodes { __typename name users(first: 5) { totalCount nodes { name } "
                    + "pageInfo { endCursor } } } } }"),
            request(
                    "query($n: String!) { user(name: $n) { databaseId created spawner(name: \"\") { started userOptions "
                            + "server { port baseUrl ip proto spawner { user { name } } } } } }",
                    "n",
                    "admin"),
            request("{ users(first: 7, orderBy: {field: NAME, direction: DESC}, filter: {admin: false}) "
                    + "{ edges { cursor node { name admin databaseId } } } }"),
            request("{ users(first: 30) { nodes { name apiTokens { created lastActivity expiresAt note scopes "
                    + "clientId user { name } } roles { name } spawners { state shares { expiresAt } } } } }"),
            request("{ users(first: 20, filter: {active: true}) { totalCount nodes { name lastActivity server { url } "
                    + "groups { name users(first: 2) { nodes { name } } } } pageInfo { hasNextPage endCursor } } }"),
            // keyed fields sharing a loader on one level (active, server), keys the page primed (user), no key (server)
            request("{ users(first: 60) { nodes { name spawners { active user { name } server { ip } } "
                    + "a: spawners { server { port } } groups { name } g: groups { id } } } }"),
            // keys a keyed field read on one level, asked again below: by keyed fields, and through a fetcher's loader
            request("{ users(first: 40) { nodes { name spawners { name user { name server { url } "
                    + "spawners { name } } } } } }"));

    /** Documents a plan does not cover: another root field, a directive, introspection, an interface. */
    private static final List<GraphRequest> NOT_PLANNED = List.of(
            request("{ hub { userCount } users(first: 2) { nodes { name } } }"),
            request(
                    "query($skip: Boolean!) { users(first: 7) { nodes { name @skip(if: $skip) admin } } }",
                    "skip",
                    true),
            request("{ __schema { queryType { name } } users(first: 1) { nodes { name } } }"),
            request("{ users(first: 3) { nodes { name ... on Node { id } } } }"),
            request("{ viewer { __typename ... on User { name } } }"));

    /** Documents a plan covers, whose answers carry errors: the plan hands them back. */
    private static final List<GraphRequest> FAILING = List.of(
            request("{ users(after: \"not a cursor\") { nodes { name } } }"),
            request("{ users(first: 2) { nodes { name } } groups(after: \"nope\") { nodes { name } } }"));

    @Parameter(0)
    String engine;

    @Parameter(1)
    String schema;

    private HubUnderTest.Opened hub;
    private Database database;
    private HubGraph planned;
    private HubGraph unplanned;

    @BeforeEach
    void open() throws Exception {
        hub = HubUnderTest.demo(engine, schema, 120, 11);
        database = Database.open(hub.location());
        planned = new HubGraph(database, GraphOptions.defaults().withPlans(true));
        unplanned = new HubGraph(database, GraphOptions.defaults().withPlans(false));
    }

    @AfterEach
    void close() {
        database.close();
        hub.close();
    }

    @Test
    void covered_documents_take_the_plan_and_give_the_same_bytes() throws Exception {
        for (GraphRequest request : PLANNED) {
            String expected = run(unplanned, request, ADMIN);
            assertThat(expected).as(request.query()).doesNotContain("\"errors\"");
            assertThat(run(planned, request, ADMIN)).as(request.query()).isEqualTo(expected);
        }
        assertThat(planned.planned()).isEqualTo(PLANNED.size());
        assertThat(planned.planHandedBack()).isZero();
    }

    @Test
    void the_data_of_a_plan_reads_as_graphql_javas_maps() {
        for (GraphRequest request : PLANNED) {
            ExecutionResult expected = unplanned.execute(request, new SqlTrace(false), ADMIN);
            ExecutionResult actual = planned.execute(request, new SqlTrace(false), ADMIN);
            assertThat(actual.toSpecification()).as(request.query()).isEqualTo(expected.toSpecification());
        }
    }

    @Test
    void the_same_statements_run_with_and_without_plans() {
        for (GraphRequest request : PLANNED) {
            assertThat(statements(planned, request)).as(request.query()).isEqualTo(statements(unplanned, request));
        }
        assertThat(planned.planned()).isEqualTo(PLANNED.size());
    }

    @Test
    void documents_outside_the_subset_run_as_before() throws Exception {
        for (GraphRequest request : NOT_PLANNED) {
            assertThat(run(planned, request, ADMIN)).as(request.query()).isEqualTo(run(unplanned, request, ADMIN));
        }
        assertThat(planned.planned()).isZero();
        assertThat(planned.planHandedBack()).isZero();
    }

    @Test
    void errors_are_handed_back_and_come_out_the_same() throws Exception {
        for (GraphRequest request : FAILING) {
            String expected = run(unplanned, request, ADMIN);
            assertThat(expected).contains("\"errors\"");
            assertThat(run(planned, request, ADMIN)).as(request.query()).isEqualTo(expected);
        }
        assertThat(planned.planHandedBack()).isEqualTo(FAILING.size());
        assertThat(planned.planned()).isZero();
    }

    /**
     * Restricted viewers get the same answers, refusals included: a user's own view, a teaching assistant reading a
     * group's members (filtered scopes), a name-only lister, an idle culler, and the benchmark's reader holding
     * what the documents read, unfiltered, whose documents all take the plan with the admin's statements.
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
            for (GraphRequest request : PLANNED) {
                assertThat(run(planned, request, viewer))
                        .as(viewer + " " + request.query())
                        .isEqualTo(run(unplanned, request, viewer));
            }
        }
        GraphRequest names = request("{ users(first: 50) { totalCount nodes { name } pageInfo { endCursor } } }");
        long before = planned.planned();
        List<Viewer> listers = viewers.subList(1, 4); // all but the user reading only themselves
        for (Viewer viewer : listers) {
            String answer = run(planned, names, viewer);
            assertThat(answer).as(viewer.toString()).doesNotContain("\"errors\"");
            assertThat(answer).as(viewer.toString()).isEqualTo(run(unplanned, names, viewer));
        }
        assertThat(planned.planned()).isEqualTo(before + listers.size());
    }

    @Test
    void an_unfiltered_reader_takes_the_plan_for_every_covered_document() throws Exception {
        Viewer reader = TestViewers.user(
                database, 2, "list:users", "read:users", "read:servers", "read:tokens", "list:groups", "read:groups");
        List<GraphRequest> readable = PLANNED.subList(0, 4);
        for (GraphRequest request : readable) {
            String expected = run(unplanned, request, ADMIN);
            assertThat(run(unplanned, request, reader)).as(request.query()).isEqualTo(expected);
            assertThat(run(planned, request, reader)).as(request.query()).isEqualTo(expected);
        }
        assertThat(planned.planned()).isEqualTo(readable.size());
        assertThat(planned.planHandedBack()).isZero();
    }

    /**
     * A refusal two levels below a keyed field hands the operation back after the plan has read that field's keys:
     * graphql-java's strategy finds them in the loaders and runs no statement the unplanned run does not.
     */
    @Test
    void a_hand_back_below_read_levels_runs_no_statement_twice() throws Exception {
        Viewer reader = TestViewers.user(database, 2, "list:users", "read:users", "read:servers");
        GraphRequest refusedBelow =
                request("{ users(first: 40) { nodes { name spawners { name user { name apiTokens { prefix } } } } } }");
        String expected = run(unplanned, refusedBelow, reader);
        assertThat(expected).contains("\"errors\"").contains("apiTokens");
        assertThat(run(planned, refusedBelow, reader)).isEqualTo(expected);
        assertThat(planned.planHandedBack()).isEqualTo(1);
        assertThat(statements(planned, refusedBelow, reader)).isEqualTo(statements(unplanned, refusedBelow, reader));
        assertThat(planned.planHandedBack()).isEqualTo(2);
    }

    private static String run(HubGraph graph, GraphRequest request, Viewer viewer) {
        ExecutionResult result = graph.execute(request, new SqlTrace(false), viewer);
        return new String(RESPONSE.write(ResponseBody.of(result, Map.of())), StandardCharsets.UTF_8);
    }

    private static List<String> statements(HubGraph graph, GraphRequest request) {
        return statements(graph, request, ADMIN);
    }

    private static List<String> statements(HubGraph graph, GraphRequest request, Viewer viewer) {
        SqlTrace trace = new SqlTrace(true);
        graph.execute(request, trace, viewer);
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
