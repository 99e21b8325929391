package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hubql.testkit.RunningGateway.forbidden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hubql.testkit.GatewayExtension;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What each kind of token reads on a hub without roles (0.8), with real JupyterHub-hashed tokens from
 * {@code hub-0.8-tokens.sql}: an admin holds the admin role's scopes, a user {@code self}, a non-admin service and
 * an OAuth access token only their identity.
 */
class PreRolesAccessTest {
    private static final String ALICE = "0123456789abcdef0123456789abcdef";
    private static final String ADMIN = "feedfacefeedfacefeedfacefeedface";
    private static final String SERVICE = "c0ffee00c0ffee00c0ffee00c0ffee00";
    private static final String ADMIN_SERVICE = "5e41ce5e41ce5e41ce5e41ce5e41ce5e";
    private static final String CAROL_OAUTH = "6f1c2b7e-8d4a-4c3b-9a2e-5f0d1c2b3a4d";
    private static final String EVERYONE = "{ users { totalCount nodes { name } } }";

    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.serving(directory -> TestHub.sqlite(
                    directory.resolve("tokens.sqlite"), "schema-0.8.1.sql", "hub-0.8-small.sql", "hub-0.8-tokens.sql"))
            .withAuth();

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.isNull() ? null : node.get("name").asText()));
        return names;
    }

    @Test
    void an_admin_sees_every_user_and_their_state() {
        JsonNode data = gateway.as(ADMIN)
                .data("{ users { totalCount } user(name: \"carol\") { name state spawners { state } } "
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
        assertThat(gateway.as(ADMIN_SERVICE)
                        .data(EVERYONE)
                        .at("/users/totalCount")
                        .asInt())
                .isEqualTo(6);
    }

    @Test
    void a_user_is_its_own_viewer() {
        JsonNode data = gateway.as(ALICE).data("{ viewer { __typename ... on User { name admin } } }");
        assertThat(data.at("/viewer/__typename").asText()).isEqualTo("User");
        assertThat(data.at("/viewer/name").asText()).isEqualTo("alice");
        assertThat(data.at("/viewer/admin").asBoolean()).isFalse();
    }

    @Test
    void a_user_may_list_nobody_as_in_jupyterhub_where_self_has_no_list_users() {
        JsonNode response = gateway.as(ALICE).query("{ users(first: 1000) { totalCount nodes { name } } }");
        assertThat(response.at("/data/users/totalCount").asInt()).isZero();
        assertThat(response.at("/data/users/nodes")).isEmpty();
        assertThat(forbidden(response)).containsExactly("users");
        assertThat(response.at("/errors/0/extensions/requiredScopes/0").asText())
                .isEqualTo("list:users");
    }

    @Test
    void a_user_reads_its_own_spawners_servers_tokens_and_group_names() {
        JsonNode response = gateway.as(ALICE)
                .query("{ user(name: \"alice\") { name state server { url spawner { name } service { name } } "
                        + "spawners { name state user { name } } apiTokens { databaseId user { name } } "
                        + "oauthTokens { databaseId client { identifier } user { name } } oauthCodes { databaseId client { identifier } } "
                        + "groups { name users(first: 100) { totalCount nodes { name } } } } }");
        JsonNode alice = response.at("/data/user");
        assertThat(alice.at("/name").asText()).isEqualTo("alice");
        assertThat(alice.at("/state").isNull()).isTrue();
        assertThat(alice.at("/server/url").asText()).isEqualTo("http://127.0.0.1:47001/user/alice/");
        assertThat(alice.at("/server/spawner/name").asText()).isEmpty();
        assertThat(names(alice.get("spawners"))).containsExactly("", "ml");
        assertThat(alice.at("/spawners/0/user/name").asText()).isEqualTo("alice");
        assertThat(alice.get("apiTokens"))
                .extracting(token -> token.get("databaseId").asInt())
                .containsExactly(1, 2, 10);
        assertThat(alice.at("/oauthTokens/0/user/name").asText()).isEqualTo("alice");
        assertThat(names(alice.get("groups"))).containsExactly("staff", "students");
        assertThat(alice.at("/groups/0/users/nodes")).isEmpty();
        assertThat(forbidden(response))
                .containsExactly(
                        "user.groups.0.users",
                        "user.groups.1.users",
                        "user.server.service",
                        "user.spawners.0.state",
                        "user.spawners.1.state",
                        "user.state");
    }

    @Test
    void another_user_reads_as_null_exactly_like_a_user_that_does_not_exist() {
        JsonNode other = gateway.as(ALICE).query("{ user(name: \"bob\") { name } }");
        JsonNode missing = gateway.as(ALICE).query("{ user(name: \"nobody\") { name } }");
        assertThat(other.toString()).isEqualTo(missing.toString()).isEqualTo("{\"data\":{\"user\":null}}");
    }

    @Test
    void other_objects_by_id_are_null_its_own_are_not_and_lists_are_refused_for_a_user() {
        String bob = NodeId.encode("User", 3);
        String alice = NodeId.encode("User", 2);
        String server = NodeId.encode("Server", 3);
        String own = NodeId.encode("Server", 1);
        String group = NodeId.encode("Group", 1);
        JsonNode response = gateway.as(ALICE)
                .query(
                        "query($bob: ID!, $ids: [ID!]!, $server: ID!, $own: ID!, $group: ID!) { node(id: $bob) { id } "
                                + "nodes(ids: $ids) { ... on User { name } } server: node(id: $server) { id } own: node(id: $own) { id } group: node(id: $group) { id } "
                                + "groups { totalCount nodes { name } } staff: group(name: \"staff\") { name } services { name } "
                                + "service(name: \"announcement\") { name } oauthClients { identifier } "
                                + "hub { jupyterhubVersion engine userCount apiTokenCount } }",
                        Map.of("bob", bob, "ids", List.of(bob, alice), "server", server, "own", own, "group", group));
        JsonNode data = response.get("data");
        assertThat(data.get("node").isNull()).isTrue();
        assertThat(names(data.get("nodes"))).containsExactly(null, "alice");
        assertThat(data.get("server").isNull()).isTrue();
        assertThat(data.at("/own/id").asText()).isEqualTo(own);
        assertThat(data.get("group").isNull()).isTrue();
        assertThat(data.at("/groups/totalCount").asInt()).isZero();
        assertThat(data.get("staff").isNull()).isTrue();
        assertThat(data.get("services")).isEmpty();
        assertThat(data.get("service").isNull()).isTrue();
        assertThat(data.get("oauthClients")).isEmpty();
        assertThat(data.at("/hub/jupyterhubVersion").asText()).isEqualTo("0.8");
        assertThat(data.at("/hub/engine").isNull()).isTrue();
        assertThat(forbidden(response))
                .containsExactly(
                        "groups", "hub.apiTokenCount", "hub.engine", "hub.userCount", "oauthClients", "services");
    }

    @Test
    void a_service_that_is_not_admin_reads_only_its_own_name() {
        JsonNode response = gateway.as(SERVICE)
                .query(
                        "{ viewer { __typename ... on Service { name admin url } } "
                                + "cull: service(name: \"cull-idle\") { name } users { totalCount } alice: user(name: \"alice\") { name } }");
        assertThat(response.at("/data/viewer/__typename").asText()).isEqualTo("Service");
        assertThat(response.at("/data/viewer/name").asText()).isEqualTo("announcement");
        assertThat(response.at("/data/viewer/admin").asBoolean()).isFalse();
        assertThat(response.at("/data/cull").isNull()).isTrue();
        assertThat(response.at("/data/alice").isNull()).isTrue();
        assertThat(forbidden(response)).containsExactly("users", "viewer.url");
    }

    @Test
    void an_oauth_access_token_only_identifies_its_user_as_in_jupyterhub_0_8() {
        JsonNode response = gateway.as(CAROL_OAUTH)
                .query("{ viewer { ... on User { name admin lastActivity } } " + EVERYONE.substring(1));
        assertThat(response.at("/data/viewer/name").asText()).isEqualTo("carol");
        assertThat(forbidden(response)).containsExactly("users", "viewer.lastActivity");
    }
}
