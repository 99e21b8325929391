package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hubql.testkit.RunningGateway.forbidden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hubql.testkit.GatewayExtension;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who sees which rows of {@code Query.spawners} and {@code Query.apiTokens}, on the hand-written hub of
 * {@code ScopeRulesTest} plus a mentor with filtered scopes; the expectations follow JupyterHub's rules: a server
 * needs {@code list:users} on its owner and {@code read:servers} on it, a token {@code read:tokens} on its owner.
 */
class ListsAccessTest {
    private static final String ROOT = "r00tr00tr00tr00tr00tr00tr00tr00t";
    private static final String TA = "ta00ta00ta00ta00ta00ta00ta00ta00";
    private static final String BOB = "b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0";
    private static final String CULLER = "cu11cu11cu11cu11cu11cu11cu11cu11";
    private static final String LISTER = "list1111list1111list1111list1111";
    private static final String MENTOR = "ment0rment0rment0rment0rment0r00";
    private static final String SPAWNERS = "{ spawners(first: 1) { totalCount nodes { databaseId } } "
            + "all: spawners(first: 100) { nodes { databaseId } } }";
    private static final String TOKENS = "{ apiTokens(first: 1) { totalCount nodes { databaseId } } "
            + "all: apiTokens(first: 100, last: null) { nodes { databaseId } } }";

    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.serving(directory -> TestHub.sqlite(
                    directory.resolve("access.sqlite"), "schema-5.5.1.sql", "hub-5.5-access.sql", "hub-5.5-lists.sql"))
            .withAuth();

    private static List<Integer> ids(JsonNode response, String field) {
        List<Integer> ids = new ArrayList<>();
        response.at("/data/" + field + "/nodes")
                .forEach(node -> ids.add(node.get("databaseId").asInt()));
        return ids;
    }

    @Test
    void admins_and_the_culler_see_every_server_with_a_matching_count() {
        for (String token : List.of(ROOT, CULLER)) {
            JsonNode response = gateway.as(token).query(SPAWNERS);
            assertThat(response.has("errors")).as(token).isFalse();
            assertThat(ids(response, "all")).containsExactly(1, 2, 3, 4);
            assertThat(response.at("/data/spawners/totalCount").asInt()).isEqualTo(4);
        }
    }

    @Test
    void filtered_grants_see_only_the_servers_both_scopes_reach_and_count_only_those() {
        JsonNode mentor = gateway.as(MENTOR).query(SPAWNERS);
        assertThat(ids(mentor, "all")).as("alice's and carol's").containsExactly(3, 4);
        assertThat(mentor.at("/data/spawners/totalCount").asInt()).isEqualTo(2);
        JsonNode running = gateway.as(MENTOR)
                .query("{ spawners(filter: {active: true}) { totalCount nodes { databaseId user { name } } } }");
        assertThat(running.at("/data/spawners/totalCount").asInt()).isEqualTo(1);
        assertThat(running.at("/data/spawners/nodes/0/user/name").asText()).isEqualTo("carol");

        JsonNode ta = gateway.as(TA).query(SPAWNERS);
        assertThat(ta.has("errors"))
                .as("lists students, reads only its own servers")
                .isFalse();
        assertThat(ids(ta, "all")).isEmpty();
        assertThat(ta.at("/data/spawners/totalCount").asInt()).isZero();
        assertThat(ids(gateway.as(LISTER).query(SPAWNERS), "all")).isEmpty();
    }

    @Test
    void without_list_users_the_server_list_is_refused() {
        JsonNode bob = gateway.as(BOB).query(SPAWNERS);
        assertThat(forbidden(bob)).containsExactly("all", "spawners");
        assertThat(bob.at("/data/spawners/nodes")).isEmpty();
        assertThat(bob.at("/data/spawners/totalCount").asInt()).isZero();
    }

    @Test
    void tokens_are_listed_for_the_owners_read_tokens_reaches() {
        JsonNode root = gateway.as(ROOT).query(TOKENS);
        assertThat(root.has("errors")).isFalse();
        assertThat(ids(root, "all")).hasSizeGreaterThan(20).contains(8, 100);

        JsonNode bob = gateway.as(BOB).query(TOKENS);
        assertThat(ids(bob, "all")).containsExactly(5, 6, 7);
        assertThat(bob.at("/data/apiTokens/totalCount").asInt()).isEqualTo(3);

        JsonNode mentor = gateway.as(MENTOR).query(TOKENS);
        assertThat(ids(mentor, "all")).as("carol's (a student) and its own").containsExactly(9, 100);
        assertThat(mentor.at("/data/apiTokens/totalCount").asInt()).isEqualTo(2);

        JsonNode culler = gateway.as(CULLER).query(TOKENS);
        assertThat(forbidden(culler)).containsExactly("all", "apiTokens");
    }

    @Test
    void a_token_list_never_shows_a_hash() {
        JsonNode response = gateway.as(ROOT).query("{ apiTokens(first: 100) { nodes { prefix note } } }");
        assertThat(response.toString()).doesNotContain("sha512").doesNotContain("SECRET");
    }
}
