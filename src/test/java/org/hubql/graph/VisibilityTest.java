package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hubql.auth.AuthOptions;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each kind of token sees, with real JupyterHub-hashed tokens from {@code hub-0.8-tokens.sql}. */
class VisibilityTest {
    private static final String ALICE = "0123456789abcdef0123456789abcdef";
    private static final String ADMIN = "feedfacefeedfacefeedfacefeedface";
    private static final String SERVICE = "c0ffee00c0ffee00c0ffee00c0ffee00";
    private static final String ADMIN_SERVICE = "5e41ce5e41ce5e41ce5e41ce5e41ce5e";
    private static final String CAROL_OAUTH = "6f1c2b7e-8d4a-4c3b-9a2e-5f0d1c2b3a4d";
    private static final String EVERYONE = "{ users { totalCount nodes { name } } }";

    @TempDir
    static Path directory;
    static RunningGateway gateway;

    @BeforeAll
    static void serve() {
        Path hub = TestHub.sqlite(directory.resolve("tokens.sqlite"), "schema-0.8.1.sql", "hub-0.8-small.sql", "hub-0.8-tokens.sql");
        gateway = RunningGateway.serve(hub, false, GraphOptions.defaults(), AuthOptions.defaults());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.isNull() ? null : node.get("name").asText()));
        return names;
    }

    @Test
    void an_admin_sees_every_user_and_their_state() {
        JsonNode data = gateway.as(ADMIN).data("{ users { totalCount } user(name: \"carol\") { name state spawners { state } } "
                + "hub { userCount } groups { totalCount } oauthClients { identifier } }");
        assertThat(data.at("/users/totalCount").asInt()).isEqualTo(6);
        assertThat(data.at("/user/state/SECRET").asText()).isEqualTo("user-state");
        assertThat(data.at("/user/spawners/0/state/pid").asInt()).isEqualTo(1);
        assertThat(data.at("/hub/userCount").asInt()).isEqualTo(6);
        assertThat(data.at("/groups/totalCount").asInt()).isEqualTo(3);
        assertThat(data.at("/oauthClients")).hasSize(2);
    }

    @Test
    void an_admin_service_sees_every_user() {
        assertThat(gateway.as(ADMIN_SERVICE).data(EVERYONE).at("/users/totalCount").asInt()).isEqualTo(6);
    }

    @Test
    void a_user_is_its_own_viewer() {
        JsonNode data = gateway.as(ALICE).data("{ viewer { __typename ... on User { name admin } } }");
        assertThat(data.at("/viewer/__typename").asText()).isEqualTo("User");
        assertThat(data.at("/viewer/name").asText()).isEqualTo("alice");
        assertThat(data.at("/viewer/admin").asBoolean()).isFalse();
    }

    @Test
    void a_user_lists_only_itself_and_counts_only_itself() {
        JsonNode data = gateway.as(ALICE).data("{ users(first: 1000) { totalCount nodes { name } } "
                + "admins: users(filter: {admin: true}) { totalCount nodes { name } } }");
        assertThat(data.at("/users/totalCount").asInt()).isEqualTo(1);
        assertThat(names(data.at("/users/nodes"))).containsExactly("alice");
        assertThat(data.at("/admins/totalCount").asInt()).isZero();
    }

    @Test
    void a_user_sees_its_own_spawners_servers_tokens_and_groups() {
        JsonNode alice = gateway.as(ALICE).data("{ user(name: \"alice\") { name state server { url spawner { name } service { name } } "
                + "spawners { name state user { name } } apiTokens { databaseId user { name } } "
                + "oauthTokens { databaseId client { identifier } user { name } } oauthCodes { databaseId client { identifier } } "
                + "groups { name users(first: 100) { totalCount nodes { name } } } } }").get("user");
        assertThat(alice.at("/name").asText()).isEqualTo("alice");
        assertThat(alice.at("/state").isNull()).isTrue();
        assertThat(alice.at("/server/url").asText()).isEqualTo("http://127.0.0.1:47001/user/alice/");
        assertThat(alice.at("/server/service").isNull()).isTrue();
        assertThat(names(alice.get("spawners"))).containsExactly("", "ml");
        assertThat(alice.at("/spawners/0/state").isNull()).isTrue();
        assertThat(alice.at("/spawners/0/user/name").asText()).isEqualTo("alice");
        assertThat(alice.get("apiTokens")).extracting(token -> token.get("databaseId").asInt()).containsExactly(1, 2, 10);
        assertThat(alice.at("/oauthTokens/0/user/name").asText()).isEqualTo("alice");
        assertThat(alice.at("/oauthTokens/0/client").isNull()).isTrue();
        assertThat(names(alice.get("groups"))).containsExactly("staff", "students");
        for (JsonNode group : alice.get("groups")) {
            assertThat(group.at("/users/totalCount").asInt()).isEqualTo(1);
            assertThat(names(group.at("/users/nodes"))).containsExactly("alice");
        }
    }

    @Test
    void another_user_reads_as_null_exactly_like_a_user_that_does_not_exist() {
        JsonNode other = gateway.as(ALICE).query("{ user(name: \"bob\") { name } }");
        JsonNode missing = gateway.as(ALICE).query("{ user(name: \"nobody\") { name } }");
        assertThat(other.toString()).isEqualTo(missing.toString()).isEqualTo("{\"data\":{\"user\":null}}");
    }

    @Test
    void other_objects_by_id_are_null_and_lists_are_empty_for_a_user() {
        String bob = NodeId.encode("User", 3);
        String alice = NodeId.encode("User", 2);
        String server = NodeId.encode("Server", 1);
        String group = NodeId.encode("Group", 1);
        JsonNode data = gateway.as(ALICE).data("query($bob: ID!, $ids: [ID!]!, $server: ID!, $group: ID!) { node(id: $bob) { id } "
                + "nodes(ids: $ids) { ... on User { name } } server: node(id: $server) { id } group: node(id: $group) { id } "
                + "groups { totalCount nodes { name } } staff: group(name: \"staff\") { name } services { name } "
                + "service(name: \"announcement\") { name } oauthClients { identifier } "
                + "hub { engine userCount adminCount groupCount serviceCount activeServerCount apiTokenCount } }",
                Map.of("bob", bob, "ids", List.of(bob, alice), "server", server, "group", group));
        assertThat(data.get("node").isNull()).isTrue();
        assertThat(names(data.get("nodes"))).containsExactly(null, "alice");
        assertThat(data.get("server").isNull()).isTrue();
        assertThat(data.get("group").isNull()).isTrue();
        assertThat(data.at("/groups/totalCount").asInt()).isZero();
        assertThat(data.at("/groups/nodes")).isEmpty();
        assertThat(data.get("staff").isNull()).isTrue();
        assertThat(data.get("services")).isEmpty();
        assertThat(data.get("service").isNull()).isTrue();
        assertThat(data.get("oauthClients")).isEmpty();
        assertThat(data.at("/hub/engine").asText()).isEqualTo("sqlite");
        assertThat(data.at("/hub/userCount").isNull()).isTrue();
        assertThat(data.at("/hub/apiTokenCount").isNull()).isTrue();
    }

    @Test
    void a_service_sees_itself_and_its_tokens_and_no_users() {
        JsonNode data = gateway.as(SERVICE).data("{ viewer { __typename ... on Service { name } } services { name server { url } "
                + "apiTokens { databaseId service { name } user { name } } } cull: service(name: \"cull-idle\") { name } "
                + "users { totalCount nodes { name } } alice: user(name: \"alice\") { name } }");
        assertThat(data.at("/viewer/__typename").asText()).isEqualTo("Service");
        assertThat(data.at("/viewer/name").asText()).isEqualTo("announcement");
        assertThat(names(data.get("services"))).containsExactly("announcement");
        assertThat(data.at("/services/0/server/url").asText()).isEqualTo("http://127.0.0.1:47002/services/announcement/");
        assertThat(data.at("/services/0/apiTokens")).extracting(token -> token.get("databaseId").asInt()).containsExactly(4, 12);
        assertThat(data.at("/services/0/apiTokens/0/service/name").asText()).isEqualTo("announcement");
        assertThat(data.get("cull").isNull()).isTrue();
        assertThat(data.at("/users/totalCount").asInt()).isZero();
        assertThat(data.at("/users/nodes")).isEmpty();
        assertThat(data.get("alice").isNull()).isTrue();
    }

    @Test
    void an_oauth_token_sees_as_its_user() {
        JsonNode data = gateway.as(CAROL_OAUTH).data(EVERYONE);
        assertThat(data.at("/users/totalCount").asInt()).isEqualTo(1);
        assertThat(names(data.at("/users/nodes"))).containsExactly("carol");
    }
}
