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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The examples of scopes.md §5 and the 5.x cases the packaged JupyterHub 3.0 cannot show (shares, {@code !server=}
 * filters, a server's and an OAuth client's narrowed tokens), on the hand-written hub {@code hub-5.5-access.sql}.
 * Each expectation is derived from JupyterHub's rules, not from hubql's answers.
 */
class ScopeRulesTest {
    private static final String ROOT = "r00tr00tr00tr00tr00tr00tr00tr00t";
    private static final String ROOT_NARROWED = "narrnarrnarrnarrnarrnarrnarrnarr";
    private static final String TA = "ta00ta00ta00ta00ta00ta00ta00ta00";
    private static final String LISTER = "list1111list1111list1111list1111";
    private static final String BOB = "b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0";
    private static final String BOB_SERVER = "5e7e5e7e5e7e5e7e5e7e5e7e5e7e5e7e";
    private static final String BOB_OAUTH = "OauthBobOauthBobOauthBobOauth1";
    private static final String CULLER = "cu11cu11cu11cu11cu11cu11cu11cu11";
    private static final String CAROL = "ca01ca01ca01ca01ca01ca01ca01ca01";
    private static final String DAVE = "dave1111dave1111dave1111dave1111";
    private static final String USER_FIELDS =
            "name admin created lastActivity groups { name } roles { name } server { baseUrl } "
                    + "spawners { name } apiTokens { databaseId } state";
    private static final String LIST = "{ users(first: 100) { totalCount nodes { " + USER_FIELDS + " } } }";

    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.serving(directory ->
                    TestHub.sqlite(directory.resolve("access.sqlite"), "schema-5.5.1.sql", "hub-5.5-access.sql"))
            .withAuth();

    /** The user fields a FORBIDDEN error was raised for on the first listed user, e.g. {@code [apiTokens, state]}. */
    private static List<String> refusedOnFirst(JsonNode response) {
        List<String> fields = new ArrayList<>();
        for (String path : forbidden(response)) {
            if (path.startsWith("users.nodes.0.")) {
                fields.add(path.substring("users.nodes.0.".length()));
            }
        }
        return fields;
    }

    private static List<String> listed(JsonNode response) {
        List<String> names = new ArrayList<>();
        response.at("/data/users/nodes")
                .forEach(user -> names.add(user.get("name").asText()));
        return names;
    }

    @Test
    void an_admin_that_inherits_lists_everyone_with_everything() {
        JsonNode response = gateway.as(ROOT).query(LIST);
        assertThat(response.has("errors")).isFalse();
        assertThat(response.at("/data/users/totalCount").asInt()).isEqualTo(7);
        assertThat(response.at("/data/users/nodes/5/state/SECRET").asInt()).isEqualTo(6);
    }

    @Test
    void a_teaching_assistant_lists_and_reads_every_student_but_not_their_servers_or_tokens() {
        JsonNode response = gateway.as(TA).query(LIST);
        assertThat(listed(response)).containsExactly("alice", "carol");
        assertThat(response.at("/data/users/totalCount").asInt()).isEqualTo(2);
        assertThat(response.at("/data/users/nodes/1/lastActivity").asText()).isEqualTo("2026-11-05T10:00:00Z");
        assertThat(response.at("/data/users/nodes/1/groups/0/name").asText()).isEqualTo("students");
        assertThat(refusedOnFirst(response)).containsExactly("apiTokens", "spawners", "state");
    }

    @Test
    void a_name_only_lister_reads_names_and_admin_flags_only() {
        JsonNode response = gateway.as(LISTER).query(LIST);
        assertThat(response.at("/data/users/totalCount").asInt()).isEqualTo(7);
        assertThat(response.at("/data/users/nodes/0/admin").asBoolean()).isTrue();
        assertThat(refusedOnFirst(response))
                .containsExactly(
                        "apiTokens", "created", "groups", "lastActivity", "roles", "server", "spawners", "state");
    }

    @Test
    void an_admin_token_narrowed_to_list_and_read_users_reads_the_user_model_only() {
        JsonNode response = gateway.as(ROOT_NARROWED).query(LIST);
        assertThat(response.at("/data/users/totalCount").asInt()).isEqualTo(7);
        assertThat(response.at("/data/users/nodes/5/server/baseUrl").asText()).isEqualTo("/user/bob/");
        assertThat(refusedOnFirst(response)).containsExactly("apiTokens", "spawners", "state");
        JsonNode hub = gateway.as(ROOT_NARROWED)
                .query("{ hub { userCount } oauthClients { identifier } groups { totalCount } }");
        assertThat(forbidden(hub)).containsExactly("groups", "hub.userCount", "oauthClients");
    }

    @Test
    void an_idle_culler_reads_names_activity_and_servers() {
        JsonNode response = gateway.as(CULLER).query(LIST);
        assertThat(response.at("/data/users/totalCount").asInt()).isEqualTo(7);
        assertThat(response.at("/data/users/nodes/5/spawners").size()).isEqualTo(2);
        assertThat(refusedOnFirst(response))
                .containsExactly("apiTokens", "created", "groups", "roles", "server", "state");
    }

    @Test
    void a_plain_user_lists_no_one_and_reads_itself_but_not_its_state() {
        JsonNode listing = gateway.as(BOB).query(LIST);
        assertThat(listing.at("/data/users/nodes")).isEmpty();
        assertThat(forbidden(listing)).containsExactly("users");
        JsonNode self = gateway.as(BOB)
                .query("{ user(name: \"bob\") { " + USER_FIELDS + " } alice: user(name: \"alice\") { name } }");
        assertThat(self.at("/data/user/spawners")).hasSize(2);
        assertThat(self.at("/data/user/apiTokens"))
                .extracting(token -> token.get("databaseId").asInt())
                .containsExactly(5, 6, 7);
        assertThat(self.at("/data/alice").isNull()).isTrue();
        assertThat(forbidden(self)).containsExactly("user.state");
    }

    @Test
    void a_servers_token_reads_its_users_activity_and_identity_but_not_its_tokens() {
        JsonNode response = gateway.as(BOB_SERVER).query("{ user(name: \"bob\") { " + USER_FIELDS + " } }");
        assertThat(response.at("/data/user/lastActivity").asText()).isEqualTo("2026-11-06T10:00:00Z");
        assertThat(response.at("/data/user/groups")).isEmpty();
        assertThat(response.at("/data/user/apiTokens")).isEmpty();
        assertThat(forbidden(response))
                .containsExactly(
                        "user.apiTokens", "user.created", "user.roles", "user.server", "user.spawners", "user.state");
    }

    @Test
    void an_oauth_token_with_its_users_name_reads_the_name_admin_flag_and_groups() {
        JsonNode response = gateway.as(BOB_OAUTH).query("{ user(name: \"bob\") { " + USER_FIELDS + " } }");
        assertThat(response.at("/data/user/name").asText()).isEqualTo("bob");
        assertThat(response.at("/data/user/admin").asBoolean()).isFalse();
        assertThat(forbidden(response))
                .containsExactly(
                        "user.apiTokens",
                        "user.created",
                        "user.lastActivity",
                        "user.roles",
                        "user.server",
                        "user.spawners",
                        "user.state");
    }

    @Test
    void a_share_shows_to_the_user_it_was_granted_to_and_to_the_servers_owner() {
        JsonNode carol = gateway.as(CAROL)
                .query("{ user(name: \"carol\") { receivedShares { scopes owner { name } "
                        + "spawner { name lastActivity } } } }");
        assertThat(carol.at("/data/user/receivedShares")).hasSize(1);
        assertThat(carol.at("/data/user/receivedShares/0/owner/name").asText()).isEqualTo("bob");
        assertThat(carol.at("/data/user/receivedShares/0/spawner/name").asText())
                .isEqualTo("ml");
        assertThat(forbidden(carol)).containsExactly("user.receivedShares.0.spawner.lastActivity");
        JsonNode bob = gateway.as(BOB).query("{ user(name: \"bob\") { shares { user { name } group { name } } } }");
        assertThat(bob.at("/data/user/shares")).hasSize(2);
        assertThat(forbidden(bob)).isEmpty();
        String groupShare = NodeId.encode("Share", 2);
        assertThat(gateway.as(CAROL)
                        .data("query($id: ID!) { node(id: $id) { id } }", Map.of("id", groupShare))
                        .get("node")
                        .isNull())
                .isTrue();
    }

    @Test
    void a_server_filter_reads_that_server_and_not_its_user_nor_the_users_other_server() {
        JsonNode response = gateway.as(DAVE)
                .query(
                        "query($ml: ID!, $main: ID!) { ml: node(id: $ml) { ... on Spawner { name "
                                + "lastActivity user { name } server { url } } } main: node(id: $main) { id } bob: user(name: \"bob\") { name } "
                                + "mlServer: node(id: \"" + NodeId.encode("Server", 2)
                                + "\") { ... on Server { port } } }",
                        Map.of("ml", NodeId.encode("Spawner", 2), "main", NodeId.encode("Spawner", 1)));
        assertThat(response.has("errors")).isFalse();
        assertThat(response.at("/data/ml/name").asText()).isEqualTo("ml");
        assertThat(response.at("/data/ml/user/name").asText()).isEqualTo("bob");
        assertThat(response.at("/data/ml/server/url").asText()).isEqualTo("http://127.0.0.1:48002/user/bob/ml/");
        assertThat(response.at("/data/mlServer/port").asInt()).isEqualTo(48002);
        assertThat(response.at("/data/main").isNull()).isTrue();
        assertThat(response.at("/data/bob").isNull()).isTrue();
    }

    /** One object of each kind, with the fields whose readability scopes.md §4 decides. */
    private static final String EVERY_KIND = "query($t: ID!, $s1: ID!, $s2: ID!) { "
            + "bob: user(name: \"bob\") { name admin created lastActivity groups { name } roles { name } server { baseUrl } "
            + "spawners { name } apiTokens { note } state } "
            + "staff: group(name: \"staff\") { name users { nodes { name } } roles { name } shares { id } } "
            + "culler: service(name: \"culler\") { name admin url roles { name } } "
            + "token: node(id: $t) { ... on ApiToken { note } } share1: node(id: $s1) { ... on Share { scopes } } "
            + "share2: node(id: $s2) { ... on Share { scopes } } hub { userCount } }";

    /**
     * Each row of scopes.md §4, as a token of root's narrowed to that one scope: which objects it sees, and which of
     * their fields it reads (root's own identity scopes are about root alone, who is not asked for).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            read:users           | bob{admin created groups lastActivity name roles server} hub{}
            read:users:name      | bob{admin name} hub{}
            read:users:groups    | bob{groups name} hub{}
            read:users:activity  | bob{lastActivity name} hub{}
            read:servers         | bob{admin name spawners} hub{}
            read:roles:users     | bob{admin name roles} hub{}
            admin:auth_state     | bob{name} hub{}
            admin:server_state   | hub{}
            read:groups          | hub{} staff{name users}
            read:groups:name     | hub{} staff{name}
            read:roles:groups    | hub{} staff{name roles}
            read:services        | culler{admin name url} hub{}
            read:services:name   | culler{admin name} hub{}
            read:roles:services  | culler{admin name roles} hub{}
            read:tokens          | hub{} token{note}
            read:shares          | hub{} share1{scopes} share2{scopes}
            read:users:shares    | hub{} share1{scopes}
            read:groups:shares   | hub{} share2{scopes}
            read:hub             | hub{userCount}
            """)
    void each_scope_shows_the_keys_jupyterhub_shows(String scope, String expected) {
        int row = List.of(
                        "read:users",
                        "read:users:name",
                        "read:users:groups",
                        "read:users:activity",
                        "read:servers",
                        "read:roles:users",
                        "admin:auth_state",
                        "admin:server_state",
                        "read:groups",
                        "read:groups:name",
                        "read:roles:groups",
                        "read:services",
                        "read:services:name",
                        "read:roles:services",
                        "read:tokens",
                        "read:shares",
                        "read:users:shares",
                        "read:groups:shares",
                        "read:hub")
                .indexOf(scope);
        String token = String.format("s%02d", 11 + row) + "x".repeat(29);
        JsonNode response = gateway.as(token)
                .query(
                        EVERY_KIND,
                        Map.of(
                                "t",
                                NodeId.encode("ApiToken", 5),
                                "s1",
                                NodeId.encode("Share", 1),
                                "s2",
                                NodeId.encode("Share", 2)));
        assertThat(readable(response)).isEqualTo(expected);
    }

    /** {@code object{field …}} for each object present, its fields less those refused, sorted. */
    private static String readable(JsonNode response) {
        List<String> refused = forbidden(response);
        java.util.TreeMap<String, java.util.TreeSet<String>> objects = new java.util.TreeMap<>();
        response.get("data").properties().forEach(object -> {
            if (!object.getValue().isNull() && object.getValue().size() > 0
                    || object.getKey().equals("hub")) {
                java.util.TreeSet<String> fields = new java.util.TreeSet<>();
                object.getValue().fieldNames().forEachRemaining(field -> {
                    if (!refused.contains(object.getKey() + "." + field)) {
                        fields.add(field);
                    }
                });
                objects.put(object.getKey(), fields);
            }
        });
        List<String> parts = new ArrayList<>();
        objects.forEach((object, fields) -> parts.add(object + "{" + String.join(" ", fields) + "}"));
        return String.join(" ", parts);
    }

    @Test
    void me_tells_a_frontend_what_the_token_may_do() {
        JsonNode me = gateway.as(TA)
                .data("{ me { viewer { ... on User { name } } scopes } }")
                .get("me");
        assertThat(me.at("/viewer/name").asText()).isEqualTo("ta");
        List<String> scopes = new ArrayList<>();
        me.get("scopes").forEach(scope -> scopes.add(scope.asText()));
        assertThat(scopes)
                .contains("list:users!group=students", "read:users!group=students", "read:users:activity!user=ta")
                .doesNotContain("list:users")
                .isSorted();
    }
}
