package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hubql.auth.AuthOptions;
import org.hubql.demo.DemoHub;
import org.hubql.demo.DemoHubSummary;
import org.hubql.testkit.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roles, shares and share codes on a 5.5.1 demo hub: a user with the {@code user} role reads only those about itself. */
class RoleAndShareVisibilityTest {
    @TempDir
    static Path directory;

    static DemoHubSummary demo;
    static RunningGateway gateway;

    @BeforeAll
    static void serve() throws Exception {
        demo = DemoHub.write(directory.resolve("hub.sqlite"), 300, 5, "5.5.1");
        gateway = RunningGateway.serve(demo.file(), false, GraphOptions.defaults(), AuthOptions.defaults());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void an_admin_sees_every_role_and_share() {
        JsonNode data = gateway.as(demo.adminToken())
                .data("{ roles { name users { name } } " + "users(first: 1000) { nodes { shares { id } } } }");
        assertThat(data.get("roles")).isNotEmpty();
        assertThat(data.get("users").findValues("shares").stream()
                        .mapToInt(JsonNode::size)
                        .sum())
                .isPositive();
    }

    @Test
    void a_user_may_not_list_roles_but_reads_the_names_of_its_own() {
        JsonNode response = gateway.as(demo.userToken())
                .query("{ roles { name } viewer { ... on User { name roles { name scopes } } } }");
        assertThat(response.at("/data/roles")).isEmpty();
        JsonNode roles = response.at("/data/viewer/roles");
        assertThat(names(roles)).contains("user");
        List<String> refused = RunningGateway.forbidden(response);
        assertThat(refused).contains("roles").hasSize(1 + roles.size());
        for (int i = 0; i < roles.size(); i++) {
            assertThat(refused).contains("viewer.roles." + i + ".scopes");
        }
    }

    @Test
    void another_users_share_is_null_by_node_id_for_a_user() {
        JsonNode shares = gateway.as(demo.adminToken())
                .data("{ users(first: 1000) { nodes { name shares { id owner { name } user { name } } } } }")
                .at("/users/nodes");
        List<String> foreign = new ArrayList<>();
        shares.forEach(user -> user.get("shares").forEach(share -> {
            boolean involvesAlice = share.at("/owner/name").asText().equals(demo.userName())
                    || share.at("/user/name").asText().equals(demo.userName());
            if (!involvesAlice) {
                foreign.add(share.get("id").asText());
            }
        }));
        assertThat(foreign).isNotEmpty();
        JsonNode seen = gateway.as(demo.userToken())
                .data("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", Map.of("ids", foreign))
                .get("nodes");
        seen.forEach(node -> assertThat(node.isNull()).isTrue());
        assertThat(gateway.as(demo.adminToken())
                        .data("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", Map.of("ids", foreign))
                        .get("nodes")
                        .get(0)
                        .isNull())
                .isFalse();
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(item -> names.add(item.get("name").asText()));
        return names;
    }
}
