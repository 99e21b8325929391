package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.hubql.testkit.HubUnderTest;
import org.hubql.testkit.RunningGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** hubql is stateless: two instances on one PostgreSQL hub, on different ports, answer every query alike. */
@Tag("slow")
class LoadBalancedTest {
    private static final List<String> QUERIES = List.of(
            "{ hub { engine userCount activeServerCount apiTokenCount } }",
            "{ users(first: 50, orderBy: {field: LAST_ACTIVITY, direction: DESC}) { totalCount edges { cursor node { id name "
                    + "lastActivity server { url } groups { name } roles { name } apiTokens { prefix expiresAt scopes } } } } }",
            "{ groups(first: 10) { nodes { id name users(first: 3) { totalCount pageInfo { endCursor } nodes { name } } } } }",
            "{ roles { name users { name } } user(name: \"alice\") { shares { user { name } } spawners { userOptions } } }");

    @Test
    void two_instances_on_different_ports_answer_every_query_alike() {
        try (HubUnderTest.Opened hub = new HubUnderTest("postgresql", "5.5.1").open();
                RunningGateway first = RunningGateway.serve(hub.location(), false);
                RunningGateway second = RunningGateway.serve(hub.location(), false)) {
            assertThat(first.uri("/")).isNotEqualTo(second.uri("/"));
            assertThat(first.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(second.get("/healthz").statusCode()).isEqualTo(200);
            for (String query : QUERIES) {
                JsonNode fromFirst = first.data(query);
                assertThat(second.data(query)).as(query).isEqualTo(fromFirst);
            }
            String cursor = first.data("{ users(first: 2) { pageInfo { endCursor } } }")
                    .at("/users/pageInfo/endCursor")
                    .asText();
            String next = "query($after: String) { users(first: 2, after: $after) { nodes { name } } }";
            assertThat(second.data(next, Map.of("after", cursor))).isEqualTo(first.data(next, Map.of("after", cursor)));
        }
    }
}
