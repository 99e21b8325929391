package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each limit refuses a query before any SQL runs, with a clear message and an {@code extensions.code}. */
class QueryLimitsTest {
    @TempDir
    static Path directory;

    static Path hub;
    static RunningGateway gateway;

    @BeforeAll
    static void serve() {
        hub = TestHub.small(directory);
        gateway = RunningGateway.serve(
                hub,
                true,
                new GraphOptions(
                        new PageSize(100, 1000), Duration.ofSeconds(30), QueryLimits.of(8, 5_000, 5, 4, true)));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static JsonNode refused(String query, String code) {
        return refused(gateway, query, Map.of(), code);
    }

    private static JsonNode refused(RunningGateway server, String query, Map<String, Object> variables, String code) {
        JsonNode response = server.query(query, variables);
        assertThat(response.at("/errors/0/extensions/code").asText())
                .as(response.toString())
                .isEqualTo(code);
        assertThat(response.at("/errors/0/message").asText()).isNotBlank().doesNotContain("Exception", "\tat ");
        assertThat(response.at("/data").isMissingNode() || response.at("/data").isNull())
                .as(response.toString())
                .isTrue();
        assertThat(response.at("/extensions/sql/statements").asInt())
                .as("no SQL ran")
                .isZero();
        return response;
    }

    @Test
    void a_field_repeated_fourteen_thousand_times_is_refused_before_validation_compares_them() {
        String repeated = "{ hub { " + "engine ".repeat(14_000) + "} }";
        assertThat(refused(repeated, "TOO_MANY_FIELDS").at("/errors/0/message").asText())
                .contains("more than 2000 fields");
        String fragments =
                "query { hub { ...a ...a ...a ...a } } fragment a on Hub { ...b ...b ...b ...b ...b ...b ...b ...b } "
                        + "fragment b on Hub { " + "engine ".repeat(100) + "}";
        refused(fragments, "TOO_MANY_FIELDS");
        assertThat(gateway.query("{ hub { " + "engine ".repeat(500) + "} }").has("errors"))
                .isFalse();
    }

    @Test
    void a_query_deeper_than_the_limit_is_refused() {
        String deep =
                "{ user(name: \"alice\") { spawners { user { spawners { user { spawners { user { spawners { user { name } } } } } } } } } }";
        assertThat(refused(deep, "QUERY_TOO_DEEP").at("/errors/0/message").asText())
                .contains("at most 8");
    }

    @Test
    void a_query_whose_pages_multiply_past_the_cost_limit_is_refused() {
        refused("{ users(first: 1000) { nodes { spawners { name } } } }", "QUERY_TOO_COMPLEX");
        JsonNode fine = gateway.query("{ users(first: 10) { nodes { spawners { name } } } }");
        assertThat(fine.has("errors")).isFalse();
    }

    @Test
    void the_cost_counts_first_given_as_a_variable() {
        refused(
                gateway,
                "query($n: Int) { users(first: $n) { nodes { groups { users(first: $n) { nodes { name } } } } } }",
                Map.of("n", 1000),
                "QUERY_TOO_COMPLEX");
    }

    @Test
    void limits_apply_again_to_a_cached_document() {
        String query = "query($n: Int) { users(first: $n) { nodes { spawners { name } } } }";
        assertThat(gateway.query(query, Map.of("n", 5)).has("errors")).isFalse();
        assertThat(gateway.query(query, Map.of("n", 5)).has("errors"))
                .as("passed before, with the same variables")
                .isFalse();
        refused(gateway, query, Map.of("n", 1000), "QUERY_TOO_COMPLEX");
        refused(gateway, query, Map.of("n", 1000), "QUERY_TOO_COMPLEX");
        assertThat(gateway.query(query, Map.of("n", 5)).has("errors")).isFalse();
        String deep =
                "{ user(name: \"alice\") { spawners { user { spawners { user { spawners { user { spawners { user { name } } } } } } } } } }";
        refused(deep, "QUERY_TOO_DEEP");
        refused(deep, "QUERY_TOO_DEEP");
    }

    @Test
    void too_many_aliases_are_refused_even_inside_fragments() {
        String aliases = IntStream.range(0, 6).mapToObj(i -> "a" + i + ": name").collect(Collectors.joining(" "));
        refused("{ user(name: \"alice\") { ...F } } fragment F on User { " + aliases + " }", "TOO_MANY_ALIASES");
    }

    @Test
    void too_many_root_fields_are_refused() {
        refused(
                "{ hub { engine } services { name } oauthClients { identifier } groups { totalCount } users { totalCount } }",
                "TOO_MANY_ROOT_FIELDS");
        refused(
                "{ ...R } fragment R on Query { hub { engine } services { name } ... on Query { oauthClients { identifier } "
                        + "groups { totalCount } users { totalCount } } }",
                "TOO_MANY_ROOT_FIELDS");
    }

    @Test
    void first_beyond_the_maximum_or_negative_or_overflowing_is_bad_user_input() {
        assertThat(gateway.query("{ users(first: 1001) { totalCount } }")
                        .at("/errors/0/extensions/code")
                        .asText())
                .isIn("BAD_USER_INPUT", "QUERY_TOO_COMPLEX");
        assertThat(gateway.query("{ users(first: -1) { totalCount } }")
                        .at("/errors/0/extensions/code")
                        .asText())
                .isEqualTo("BAD_USER_INPUT");
        assertThat(gateway.query("{ users(first: 99999999999) { totalCount } }")
                        .at("/errors/0/extensions/code")
                        .asText())
                .isIn("GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT");
    }

    @Test
    void introspection_can_be_switched_off() {
        try (RunningGateway closed = RunningGateway.serve(
                hub,
                true,
                new GraphOptions(
                        new PageSize(100, 1000), Duration.ofSeconds(30), QueryLimits.of(15, 50_000, 30, 20, false)))) {
            refused(closed, "{ __schema { types { name } } }", Map.of(), "INTROSPECTION_DISABLED");
            refused(closed, "{ __type(name: \"User\") { name } }", Map.of(), "INTROSPECTION_DISABLED");
            assertThat(closed.data("{ hub { engine } }").at("/hub/engine").asText())
                    .isEqualTo("sqlite");
            assertThat(closed.get("/schema.graphql").statusCode()).isEqualTo(404);
        }
        assertThat(gateway.data("{ __schema { queryType { name } } }")
                        .at("/__schema/queryType/name")
                        .asText())
                .isEqualTo("Query");
    }

    @Test
    void graphiqls_introspection_query_fits_the_default_limits() {
        try (RunningGateway defaults = RunningGateway.serve(hub, false)) {
            String introspection = graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY;
            assertThat(defaults.query(introspection).has("errors")).isFalse();
        }
    }
}
