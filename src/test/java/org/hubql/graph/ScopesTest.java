package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.hubql.testkit.GatewayExtension;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On hubs with roles (2.0+), the owner's role scopes and the token's own scopes decide who sees every user. */
class ScopesTest {
    private static final String COUNT = "{ users { totalCount } viewer { ... on User { name } } }";

    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.serving(directory ->
                    TestHub.sqlite(directory.resolve("hub55.sqlite"), "schema-5.5.1.sql", "hub-5.5-scopes.sql"))
            .withAuth();

    private static int visibleUsers(String token) {
        return gateway.as(token).query(COUNT).at("/data/users/totalCount").asInt();
    }

    @Test
    void an_admin_token_that_inherits_sees_everyone() {
        assertThat(visibleUsers("r00t1111r00t1111r00t1111r00t1111")).isEqualTo(4);
    }

    @Test
    void an_admin_token_narrowed_to_its_own_name_lists_no_one_and_reads_only_its_name() {
        JsonNode response = gateway.as("r00t2222r00t2222r00t2222r00t2222")
                .query(
                        "{ users { totalCount } root: user(name: \"root\") { name admin state } lena: user(name: \"lena\") { name } }");
        assertThat(response.at("/data/users/totalCount").asInt()).isZero();
        assertThat(response.at("/data/root/name").asText()).isEqualTo("root");
        assertThat(response.at("/data/root/admin").asBoolean()).isTrue();
        assertThat(response.at("/data/lena").isNull()).isTrue();
        assertThat(RunningGateway.forbidden(response)).containsExactly("root.state", "users");
    }

    @Test
    void a_role_with_list_users_sees_everyone_directly_or_through_a_group() {
        assertThat(visibleUsers("1e7a3333le7a3333le7a3333le7a3333")).isEqualTo(4);
        assertThat(visibleUsers("9195555pia55555pia55555pia555555")).isEqualTo(4);
    }

    @Test
    void a_plain_user_and_its_oauth_token_list_no_one_but_know_who_they_are() {
        assertThat(visibleUsers("0a4a4444omar4444omar4444omar4444")).isZero();
        JsonNode oauth = gateway.as("AbCdEfGhIjKlMnOpQrStUvWxYz0123").query(COUNT);
        assertThat(oauth.at("/data/viewer/name").asText()).isEqualTo("omar");
        assertThat(RunningGateway.forbidden(oauth)).containsExactly("users");
    }

    @Test
    void an_expired_api_token_and_a_case_changed_oauth_token_are_401() {
        for (String token : new String[] {"0a4a6666omar6666omar6666omar6666", "abcdEfGhIjKlMnOpQrStUvWxYz0123"}) {
            HttpResponse<String> response =
                    gateway.as(token).post(RunningGateway.json(Map.of("query", COUNT)), "application/json");
            assertThat(response.statusCode()).as(token).isEqualTo(401);
        }
    }
}
