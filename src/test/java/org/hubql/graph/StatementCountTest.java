package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hubql.db.Dialect;
import org.hubql.testkit.HubUnderTest;
import org.hubql.testkit.RunningGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The statements a query runs depend on its shape, never on how many rows it touches, on every engine and schema;
 * on SQLite a long key list is read in several statements of the same text ({@link Dialect#keysPerStatement()}), so
 * there the count grows by that factor at most.
 */
@ParameterizedClass(name = "{0} {1}")
@CsvSource({
    "sqlite, 0.8.1",
    "sqlite, 5.5.1",
    "postgresql, 0.8.1",
    "postgresql, 5.5.1",
    "mariadb, 0.8.1",
    "mariadb, 5.5.1"
})
@Tag("slow")
class StatementCountTest {
    @Parameter(0)
    String engine;

    @Parameter(1)
    String schema;

    private static final String WIDE =
            "{ users(first: 1000) { nodes { name spawners { name server { url } } groups { name } "
                    + "apiTokens { prefix } oauthTokens { client { identifier } } server { url } roles { name } shares { user { name } } } } }";
    private static final String GROUPS =
            "{ groups(first: 100) { nodes { name users(first: 50) { totalCount nodes { name groups { name } } } } } }";

    @Test
    void the_wide_nested_query_runs_the_same_statements_for_10_and_1000_users() throws Exception {
        Trace small = trace(10, WIDE);
        Trace large = trace(1000, WIDE);
        assertThat(large.rows).isGreaterThan(small.rows * 20);
        assertThat(small.statements).isBetween(5, 10);
        assertSameShape(large, small, 1000);
    }

    private static final String LISTS = "{ spawners(first: 100, filter: {active: true}) { totalCount "
            + "nodes { name user { name } server { url } } } apiTokens(last: 100, filter: {ownerKind: USER}) "
            + "{ totalCount nodes { prefix user { name } } } serviceTokens: apiTokens(last: 100, filter: "
            + "{ownerKind: SERVICE}) { nodes { service { name } } } }";
    private static final String BACKWARD = "{ users(last: 100, orderBy: {field: LAST_ACTIVITY}) "
            + "{ totalCount nodes { name spawners { name } } pageInfo { hasPreviousPage startCursor } } }";

    @Test
    void server_and_token_pages_run_the_same_statements_for_10_and_1000_users() throws Exception {
        Trace small = trace(10, LISTS);
        Trace large = trace(1000, LISTS);
        assertThat(large.rows).isGreaterThan(small.rows * 5);
        assertThat(large.statements)
                .as("a page and a count per list, then users, servers and services by id")
                .isEqualTo(small.statements)
                .isBetween(6, 9);
        assertThat(shapes(large.sql)).isEqualTo(shapes(small.sql));
    }

    @Test
    void a_backward_user_page_runs_the_same_statements_for_10_and_1000_users() throws Exception {
        Trace small = trace(10, BACKWARD);
        Trace large = trace(1000, BACKWARD);
        assertThat(large.statements).isEqualTo(small.statements).isBetween(3, 4);
        assertThat(shapes(large.sql)).isEqualTo(shapes(small.sql));
    }

    @Test
    void group_member_pages_are_loaded_for_all_groups_at_once() throws Exception {
        Trace small = trace(10, GROUPS);
        Trace large = trace(1000, GROUPS);
        int counts = engine.equals("sqlite") ? 0 : 1;
        assertThat(small.statements)
                .as("on SQLite the member counts come from the membership index")
                .isEqualTo(3 + counts);
        assertSameShape(large, small, 100 * 50);
    }

    /**
     * The same statement texts, but for PostgreSQL's short and long key lists ({@code Dialect.in}); as many of them,
     * or on SQLite at most one per chunk of the largest key list.
     */
    private void assertSameShape(Trace large, Trace small, int mostKeys) {
        assertThat(shapes(large.sql).stream().distinct().toList())
                .isEqualTo(shapes(small.sql).stream().distinct().toList());
        if (engine.equals("sqlite")) {
            int chunks = (mostKeys + Dialect.SQLITE.keysPerStatement() - 1) / Dialect.SQLITE.keysPerStatement();
            assertThat(large.statements).isBetween(small.statements, small.statements * chunks);
        } else {
            assertThat(large.statements).isEqualTo(small.statements);
            assertThat(shapes(large.sql)).isEqualTo(shapes(small.sql));
        }
    }

    private static List<String> shapes(List<String> statements) {
        return statements.stream()
                .map(sql -> sql.replace(" IN (SELECT unnest(?))", " = ANY(?)"))
                .toList();
    }

    @Test
    void the_trace_lists_each_statement_with_rows_and_time() throws Exception {
        try (HubUnderTest.Opened hub = HubUnderTest.demo(engine, schema, 20, 7);
                RunningGateway gateway = RunningGateway.serve(hub.location(), true)) {
            JsonNode response = gateway.query("{ users(first: 5) { nodes { name spawners { name } } } }");
            JsonNode sql = response.at("/extensions/sql");
            assertThat(sql.get("statements").asInt())
                    .isEqualTo(2)
                    .isEqualTo(sql.get("queries").size());
            assertThat(sql.at("/queries/0/sql").asText()).startsWith("SELECT").contains("FROM users");
            assertThat(sql.at("/queries/0/rows").asInt()).isEqualTo(6);
            assertThat(sql.at("/queries/0/ms").asDouble()).isPositive();
            assertThat(sql.get("upkeep")).hasSize(engine.equals("sqlite") ? 1 : 0);
            if (engine.equals("sqlite")) {
                assertThat(sql.at("/upkeep/0/sql").asText())
                        .startsWith("SELECT group_concat(")
                        .contains("FROM spawners s");
                assertThat(sql.at("/upkeep/0/rows").asInt()).isPositive();
            }
        }
    }

    @Test
    void without_trace_responses_carry_no_sql() throws Exception {
        try (HubUnderTest.Opened hub = HubUnderTest.demo(engine, schema, 20, 7);
                RunningGateway gateway = RunningGateway.serve(hub.location(), false)) {
            assertThat(gateway.query("{ users(first: 5) { nodes { name } } }").has("extensions"))
                    .isFalse();
        }
    }

    private Trace trace(int users, String query) throws Exception {
        try (HubUnderTest.Opened hub = HubUnderTest.demo(engine, schema, users, 11);
                RunningGateway gateway = RunningGateway.serve(hub.location(), true)) {
            JsonNode response = gateway.query(query, Map.of());
            assertThat(response.has("errors"))
                    .as(String.valueOf(response.get("errors")))
                    .isFalse();
            JsonNode sql = response.at("/extensions/sql");
            List<String> statements = new ArrayList<>();
            int rows = 0;
            for (JsonNode statement : sql.get("queries")) {
                statements.add(statement.get("sql").asText());
                rows += statement.get("rows").asInt();
            }
            return new Trace(
                    sql.get("statements").asInt(),
                    rows,
                    statements.stream().sorted().toList());
        }
    }

    private record Trace(int statements, int rows, List<String> sql) {}
}
