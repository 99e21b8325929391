package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hubql.graph.HubQueryTest.names;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Roles (2.0+) and shares (5.0+): present on 5.5.1 hubs, empty lists on hubs that predate them, on every engine. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.hubql.testkit.HubUnderTest#all")
@Tag("slow")
class RolesAndSharesTest {
    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.eachHubUnderTest();

    @Parameter
    HubUnderTest hub;

    @Test
    void roles_list_their_scopes_and_holders() {
        JsonNode roles = gateway.data(
                        "{ roles { name description scopes users { name } groups { name } services { name } } }")
                .get("roles");
        if (!hub.isFive()) {
            assertThat(roles).isEmpty();
            return;
        }
        assertThat(names(roles)).containsExactly("admin", "culler", "server", "staff-readers", "token", "user");
        JsonNode user = roles.get(5);
        assertThat(user.get("scopes")).extracting(JsonNode::asText).containsExactly("self");
        assertThat(names(user.get("users"))).containsExactly("admin", "alice", "bob", "carol", "dave", "müller");
        assertThat(names(roles.get(1).get("services"))).containsExactly("cull-idle");
        assertThat(names(roles.get(3).get("groups"))).containsExactly("staff");
        assertThat(roles.get(3).get("description").isNull()).isTrue();
    }

    @Test
    void users_groups_and_services_show_their_roles() {
        JsonNode data =
                gateway.data("{ user(name: \"admin\") { roles { name } } group(name: \"staff\") { roles { name } } "
                        + "service(name: \"cull-idle\") { roles { name scopes } } }");
        if (!hub.isFive()) {
            assertThat(data.at("/user/roles")).isEmpty();
            assertThat(data.at("/group/roles")).isEmpty();
            assertThat(data.at("/service/roles")).isEmpty();
            return;
        }
        assertThat(names(data.at("/user/roles"))).containsExactly("admin", "user");
        assertThat(names(data.at("/group/roles"))).containsExactly("staff-readers");
        assertThat(data.at("/service/roles/0/scopes"))
                .extracting(JsonNode::asText)
                .containsExactly("admin:servers", "list:users", "read:users:activity");
    }

    @Test
    void a_share_is_seen_from_the_owner_the_grantee_and_the_spawner() {
        JsonNode data = gateway.data(
                "{ alice: user(name: \"alice\") { shares { owner { name } user { name } group { name } "
                        + "spawner { name } scopes createdAt expiresAt } spawner(name: \"\") { shares { user { name } } "
                        + "shareCodes { prefix exchangeCount lastExchangedAt owner { name } } } } "
                        + "bob: user(name: \"bob\") { receivedShares { owner { name } spawner { user { name } } } } "
                        + "students: group(name: \"students\") { shares { owner { name } spawner { name } scopes expiresAt } } }");
        if (!hub.isFive()) {
            assertThat(data.at("/alice/shares")).isEmpty();
            assertThat(data.at("/alice/spawner/shareCodes")).isEmpty();
            assertThat(data.at("/bob/receivedShares")).isEmpty();
            assertThat(data.at("/students/shares")).isEmpty();
            return;
        }
        JsonNode share = data.at("/alice/shares/0");
        assertThat(share.at("/owner/name").asText()).isEqualTo("alice");
        assertThat(share.at("/user/name").asText()).isEqualTo("bob");
        assertThat(share.get("group").isNull()).isTrue();
        assertThat(share.at("/spawner/name").asText()).isEmpty();
        assertThat(share.get("scopes")).extracting(JsonNode::asText).containsExactly("access:servers!server=alice/");
        assertThat(share.get("createdAt").asText()).isEqualTo("2026-11-26T19:55:00Z");
        assertThat(share.get("expiresAt").isNull()).isTrue();
        assertThat(data.at("/alice/spawner/shares/0/user/name").asText()).isEqualTo("bob");
        assertThat(data.at("/alice/spawner/shareCodes/0/prefix").asText()).isEqualTo("sc01");
        assertThat(data.at("/alice/spawner/shareCodes/0/exchangeCount").asInt()).isEqualTo(1);
        assertThat(data.at("/bob/receivedShares/0/spawner/user/name").asText()).isEqualTo("alice");
        JsonNode group = data.at("/students/shares/0");
        assertThat(group.at("/owner/name").asText()).isEqualTo("müller");
        assertThat(group.at("/spawner/name").asText()).isEqualTo("ml lab");
        assertThat(group.at("/scopes/0").asText()).isEqualTo("access:servers!server=müller/ml lab");
        assertThat(group.get("expiresAt").asText()).isEqualTo("2026-12-21T09:20:00Z");
    }

    @Test
    void role_share_and_share_code_ids_resolve_back_to_their_objects() {
        JsonNode data = gateway.data(
                "{ roles { id } user(name: \"alice\") { shares { id } spawner(name: \"\") { shareCodes { id } } } }");
        List<String> ids = Gateway.ids(data);
        assertThat(ids).hasSize(hub.isFive() ? 8 : 0);
        assertThat(gateway.nodeIds(ids)).isEqualTo(ids);
    }

    @Test
    void no_secret_of_a_5x_hub_appears_in_any_response() {
        String everything = gateway.post(
                        RunningGateway.json(Map.of(
                                "query",
                                "{ roles { name scopes users { name } } "
                                        + "users(first: 10) { nodes { roles { name } shares { scopes } receivedShares { scopes } "
                                        + "apiTokens { prefix note scopes clientId } oauthTokens { prefix } oauthCodes { redirectUri } "
                                        + "spawners { userOptions shares { scopes } shareCodes { prefix scopes createdAt } } } } "
                                        + "services { url roles { name } } oauthClients { identifier description } }")),
                        "application/json")
                .body();
        assertThat(everything).doesNotContain("SECRET").doesNotContain("errors");
    }
}
