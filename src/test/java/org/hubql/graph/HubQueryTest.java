package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hubql.testkit.Gateway;
import org.hubql.testkit.GatewayExtension;
import org.hubql.testkit.HubUnderTest;
import org.hubql.testkit.RunningGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field of the graph over the hand-written hub of {@code hub-0.8-small.sql}, through a real server. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.hubql.testkit.HubUnderTest#all")
@Tag("slow")
class HubQueryTest {
    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.eachHubUnderTest();

    @Parameter
    HubUnderTest hub;

    @Test
    void a_user_by_name_has_its_columns_with_utc_datetimes() {
        JsonNode alice = gateway.data("{ user(name: \"alice\") { databaseId name admin lastActivity } }")
                .get("user");
        assertThat(alice.get("databaseId").asInt()).isEqualTo(2);
        assertThat(alice.get("name").asText()).isEqualTo("alice");
        assertThat(alice.get("admin").asBoolean()).isFalse();
        assertThat(alice.get("lastActivity").asText()).isEqualTo("2026-11-26T19:54:14.871926Z");
    }

    @Test
    void an_unknown_user_is_null_without_errors() {
        assertThat(gateway.data("{ user(name: \"nobody\") { name } }")
                        .get("user")
                        .isNull())
                .isTrue();
    }

    @Test
    void null_admin_and_null_last_activity_read_as_false_and_null() {
        JsonNode dave = gateway.data("{ user(name: \"dave\") { admin lastActivity server { url } spawners { name } } }")
                .get("user");
        assertThat(dave.get("admin").asBoolean()).isFalse();
        assertThat(dave.get("lastActivity").isNull()).isTrue();
        assertThat(dave.get("server").isNull()).isTrue();
        assertThat(dave.get("spawners")).isEmpty();
    }

    @Test
    void the_default_server_is_the_spawner_named_empty_and_has_a_url() {
        JsonNode alice = gateway.data(
                        "{ user(name: \"alice\") { server { url baseUrl port spawner { name active } } "
                                + "spawners { name active server { databaseId } } spawner(name: \"ml\") { name active server { url } } } }")
                .get("user");
        assertThat(alice.at("/server/url").asText()).isEqualTo("http://127.0.0.1:47001/user/alice/");
        assertThat(alice.at("/server/spawner/name").asText()).isEmpty();
        assertThat(alice.at("/server/spawner/active").asBoolean()).isTrue();
        assertThat(names(alice.get("spawners"))).containsExactly("", "ml");
        assertThat(alice.at("/spawners/1/active").asBoolean()).isFalse();
        assertThat(alice.at("/spawners/1/server").isNull()).isTrue();
        assertThat(alice.at("/spawner/name").asText()).isEqualTo("ml");
    }

    @Test
    void a_spawner_whose_server_row_is_gone_is_inactive_with_no_server() {
        JsonNode carol = gateway.data("{ user(name: \"carol\") { server { url } spawners { active server { url } } } }")
                .get("user");
        assertThat(carol.get("server").isNull()).isTrue();
        assertThat(carol.at("/spawners/0/active").asBoolean()).isFalse();
        assertThat(carol.at("/spawners/0/server").isNull()).isTrue();
    }

    @Test
    void a_named_server_of_a_non_ascii_user_is_listed_but_is_not_the_default() {
        JsonNode mueller = gateway.data(
                        "{ user(name: \"müller\") { server { url } spawners { name server { url } } } }")
                .get("user");
        assertThat(mueller.get("server").isNull()).isTrue();
        assertThat(mueller.at("/spawners/0/name").asText()).isEqualTo("ml lab");
        assertThat(mueller.at("/spawners/0/server/url").asText()).isEqualTo("http://127.0.0.1:47003/user/m%C3%BCller/");
    }

    @Test
    void groups_of_a_user_and_members_of_a_group_are_consistent() {
        JsonNode alice =
                gateway.data("{ user(name: \"alice\") { groups { name } } }").get("user");
        assertThat(names(alice.get("groups"))).containsExactly("staff", "students");
        JsonNode students = gateway.data("{ group(name: \"students\") { users { totalCount nodes { name } } } }")
                .at("/group/users");
        assertThat(students.get("totalCount").asInt()).isEqualTo(5);
        assertThat(names(students.get("nodes"))).containsExactly("alice", "bob", "carol", "dave", "müller");
        JsonNode empty = gateway.data(
                "{ group(name: \"empty\") { users { totalCount nodes { name } pageInfo { hasNextPage endCursor } } } }");
        assertThat(empty.at("/group/users/totalCount").asInt()).isZero();
        assertThat(empty.at("/group/users/pageInfo/endCursor").isNull()).isTrue();
    }

    @Test
    void group_members_page_with_cursors_until_the_end() {
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            JsonNode page = gateway.data(
                            "query($after: String) { group(name: \"students\") { users(first: 2, after: $after) { "
                                    + "nodes { name } pageInfo { hasNextPage endCursor } } } }",
                            variables("after", after))
                    .at("/group/users");
            seen.addAll(names(page.get("nodes")));
            hasNext = page.at("/pageInfo/hasNextPage").asBoolean();
            after = page.at("/pageInfo/endCursor").asText();
        }
        assertThat(seen).containsExactly("alice", "bob", "carol", "dave", "müller");
    }

    @Test
    void tokens_show_their_prefix_and_owner() {
        JsonNode alice = gateway.data("{ user(name: \"alice\") { apiTokens { prefix user { name } service { name } } "
                        + "oauthTokens { prefix grantType expiresAt refreshExpiresAt client { identifier } } "
                        + "oauthCodes { expiresAt redirectUri client { identifier } } } }")
                .get("user");
        List<String> apiTokens = hub.isFive() ? List.of("a1b2", "c3d4", "9f8e") : List.of("a1b2", "c3d4");
        assertThat(alice.get("apiTokens"))
                .extracting(token -> token.get("prefix").asText())
                .containsExactlyElementsOf(apiTokens);
        assertThat(alice.at("/apiTokens/0/user/name").asText()).isEqualTo("alice");
        assertThat(alice.get("oauthTokens"))
                .extracting(token -> token.get("prefix").asText())
                .containsExactly("9f8e");
        assertThat(alice.at("/oauthTokens/0/grantType").asText()).isEqualTo("AUTHORIZATION_CODE");
        if (hub.isFive()) {
            assertThat(alice.at("/oauthTokens/0/expiresAt").asText()).isEqualTo("2026-12-10T19:50:10Z");
            assertThat(alice.at("/oauthTokens/0/refreshExpiresAt").isNull()).isTrue();
        } else {
            assertThat(alice.at("/oauthTokens/0/refreshExpiresAt").asText()).isEqualTo("2026-11-18T11:06:40Z");
        }
        assertThat(alice.at("/oauthTokens/0/client/identifier").asText()).isEqualTo(aliceClient());
        assertThat(alice.at("/oauthCodes/0/expiresAt").asText()).isEqualTo("2026-09-21T14:23:20Z");
        assertThat(alice.at("/oauthCodes/0/client/identifier").asText()).isEqualTo(aliceClient());
    }

    @Test
    void api_tokens_carry_the_columns_their_version_has() {
        JsonNode tokens = gateway.data(
                        "{ user(name: \"alice\") { apiTokens { prefix created lastActivity expiresAt note scopes clientId } } }")
                .at("/user/apiTokens");
        if (hub.hasCreated()) {
            assertThat(tokens.at("/0/created").asText()).isEqualTo("2026-11-01T10:00:00Z");
            assertThat(tokens.at("/0/lastActivity").asText()).isEqualTo("2026-11-26T19:00:00Z");
            assertThat(tokens.at("/0/expiresAt").isNull()).isTrue();
            assertThat(tokens.at("/1/expiresAt").asText()).isEqualTo("2026-07-01T10:00:00Z");
            assertThat(tokens.at("/0/note").asText()).isEqualTo("laptop");
        } else {
            for (String field : List.of("created", "lastActivity", "expiresAt", "note")) {
                assertThat(tokens.at("/0/" + field).isNull()).as(field).isTrue();
            }
        }
        if (hub.isFive()) {
            assertThat(tokens.at("/0/scopes")).extracting(JsonNode::asText).containsExactly("inherit");
            assertThat(tokens.at("/0/clientId").asText()).isEqualTo("jupyterhub");
            assertThat(tokens.at("/2/clientId").asText()).isEqualTo("jupyterhub-user-alice");
        } else {
            assertThat(tokens.at("/0/scopes").isNull()).isTrue();
            assertThat(tokens.at("/0/clientId").isNull()).isTrue();
        }
    }

    @Test
    void users_and_spawners_carry_the_columns_their_version_has() {
        JsonNode alice = gateway.data("{ user(name: \"alice\") { created spawners { name started userOptions } } }")
                .get("user");
        if (hub.hasCreated()) {
            assertThat(alice.get("created").asText()).isEqualTo("2026-02-10T12:30:00.123456Z");
            assertThat(alice.at("/spawners/0/started").asText()).isEqualTo("2026-11-26T19:50:00Z");
            assertThat(alice.at("/spawners/0/userOptions/profile").asText()).isEqualTo("gpu");
            assertThat(alice.at("/spawners/0/userOptions/cpus").asInt()).isEqualTo(2);
            assertThat(alice.at("/spawners/1/started").isNull()).isTrue();
            assertThat(alice.at("/spawners/1/userOptions").isNull()).isTrue();
        } else {
            assertThat(alice.get("created").isNull()).isTrue();
            assertThat(alice.at("/spawners/0/started").isNull()).isTrue();
            assertThat(alice.at("/spawners/0/userOptions").isNull()).isTrue();
        }
    }

    private String aliceClient() {
        return hub.isFive() ? "jupyterhub-user-alice" : "user-alice";
    }

    @Test
    void services_have_servers_and_tokens() {
        JsonNode services = gateway.data(
                        "{ services { name admin pid server { url service { name } } apiTokens { prefix service { name } } } }")
                .get("services");
        assertThat(names(services)).containsExactly("announcement", "cull-idle");
        assertThat(services.at("/0/server/url").asText()).isEqualTo("http://127.0.0.1:47002/services/announcement/");
        assertThat(services.at("/0/server/service/name").asText()).isEqualTo("announcement");
        assertThat(services.at("/0/apiTokens/0/prefix").asText()).isEqualTo("0a0b");
        assertThat(services.at("/1/pid").isNull()).isTrue();
        assertThat(gateway.data("{ service(name: \"cull-idle\") { admin server { url } } }")
                        .at("/service/admin")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void oauth_clients_list_their_tokens() {
        JsonNode clients = gateway.data(
                        "{ oauthClients { identifier description redirectUri accessTokens { prefix user { name } } } }")
                .get("oauthClients");
        List<String> identifiers = hub.isFive()
                ? List.of("jupyterhub", "jupyterhub-user-alice", "service-announcement")
                : List.of("service-announcement", "user-alice");
        assertThat(clients)
                .extracting(client -> client.get("identifier").asText())
                .containsExactlyElementsOf(identifiers);
        JsonNode announcement = client(clients, "service-announcement");
        assertThat(announcement.at("/accessTokens/0/user/name").asText()).isEqualTo("müller");
        assertThat(client(clients, aliceClient()).at("/accessTokens/0/prefix").asText())
                .isEqualTo("9f8e");
        if (hub.isFive()) {
            assertThat(client(clients, "jupyterhub").get("accessTokens")).isEmpty();
        }
        if (hub.hasCreated()) {
            assertThat(announcement.get("description").asText()).isEqualTo("JupyterHub service announcement");
        } else {
            assertThat(announcement.get("description").isNull()).isTrue();
        }
    }

    private static JsonNode client(JsonNode clients, String identifier) {
        for (JsonNode client : clients) {
            if (client.get("identifier").asText().equals(identifier)) {
                return client;
            }
        }
        throw new AssertionError("no client " + identifier);
    }

    @Test
    void every_node_id_resolves_back_to_its_object() {
        JsonNode data = gateway.data(
                "{ user(name: \"alice\") { id spawners { id server { id } } groups { id } apiTokens { id } "
                        + "oauthTokens { id client { id } } oauthCodes { id } } services { id } }");
        List<String> ids = Gateway.ids(data);
        assertThat(ids).hasSize(hub.isFive() ? 14 : 13);
        assertThat(gateway.nodeIds(ids)).isEqualTo(ids);
    }

    @Test
    void node_resolves_a_user_with_its_type() {
        String id =
                gateway.data("{ user(name: \"bob\") { id } }").at("/user/id").asText();
        JsonNode node = gateway.data(
                        "query($id: ID!) { node(id: $id) { __typename ... on User { name } } }", Map.of("id", id))
                .get("node");
        assertThat(node.get("__typename").asText()).isEqualTo("User");
        assertThat(node.get("name").asText()).isEqualTo("bob");
    }

    @Test
    void a_malformed_node_id_is_a_bad_user_input_error() {
        JsonNode response = gateway.query("{ node(id: \"not an id!\") { id } }");
        assertThat(response.at("/data/node").isNull()).isTrue();
        assertThat(response.at("/errors/0/extensions/code").asText()).isEqualTo("BAD_USER_INPUT");
        assertThat(response.at("/errors/0/message").asText()).contains("not a valid node id");
    }

    @Test
    void hub_counts_what_is_in_the_database() {
        JsonNode hub = gateway.data("{ hub { schemaRevision jupyterhubVersion engine userCount adminCount groupCount "
                        + "serviceCount activeServerCount apiTokenCount } }")
                .get("hub");
        assertThat(hub.get("schemaRevision").asText())
                .isEqualTo(this.hub.isFive() ? "4621fec11365" : this.hub.isOne() ? "4dc2d5a8c53c" : "3ec6993fe20c");
        assertThat(hub.get("jupyterhubVersion").asText())
                .isEqualTo(this.hub.isFive() ? "5.x" : this.hub.isOne() ? "1.x" : "0.8");
        assertThat(hub.get("engine").asText())
                .isEqualTo(this.hub.engine().equals("mariadb") ? "mysql" : this.hub.engine());
        assertThat(hub.get("userCount").asInt()).isEqualTo(6);
        assertThat(hub.get("adminCount").asInt()).isEqualTo(1);
        assertThat(hub.get("groupCount").asInt()).isEqualTo(3);
        assertThat(hub.get("serviceCount").asInt()).isEqualTo(2);
        assertThat(hub.get("activeServerCount").asInt()).isEqualTo(2);
        assertThat(hub.get("apiTokenCount").asInt()).isEqualTo(this.hub.isFive() ? 6 : 4);
    }

    @Test
    void no_secret_column_value_appears_in_any_response() {
        String everything = gateway.post(
                        RunningGateway.json(
                                Map.of(
                                        "query",
                                        "{ users(first: 10) { nodes { id name admin lastActivity "
                                                + "server { url baseUrl proto ip port } spawners { id name active lastActivity started userOptions server { id } } "
                                                + "groups { name users(first: 10) { nodes { name } } } apiTokens { id prefix created lastActivity expiresAt note scopes clientId } "
                                                + "oauthTokens { id prefix grantType expiresAt refreshExpiresAt client { identifier description redirectUri } } "
                                                + "oauthCodes { id expiresAt redirectUri client { identifier } } } } "
                                                + "services { name admin pid url server { url } apiTokens { prefix } } "
                                                + "oauthClients { id identifier redirectUri description accessTokens { prefix } } }")),
                        "application/json")
                .body();
        assertThat(everything).contains("alice", "0a0b", "user-alice").doesNotContain("SECRET");
    }

    static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    /** Variables that may hold nulls, as name-value pairs. */
    static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }
}
