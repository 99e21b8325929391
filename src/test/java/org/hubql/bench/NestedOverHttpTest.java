package org.hubql.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.hubql.auth.AuthOptions;
import org.hubql.db.DatabaseLocation;
import org.hubql.demo.DemoHub;
import org.hubql.demo.DemoHubSummary;
import org.hubql.graph.GraphOptions;
import org.hubql.testkit.RunningGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nested-over-HTTP series authenticates as the admin and as the restricted viewer through tokens the server
 * verifies, and times only answers equal to the baseline's.
 */
@Tag("slow")
class NestedOverHttpTest {
    @TempDir
    Path directory;

    @Test
    void both_viewers_are_timed_over_http_against_the_baseline() throws Exception {
        DemoHubSummary demo = DemoHub.write(directory.resolve("hub.sqlite"), 120, 11, "5.5.1");
        DatabaseLocation hub = DatabaseLocation.sqlite(demo.file());
        try (RunningGateway gateway =
                RunningGateway.serve(hub, false, GraphOptions.defaults(), AuthOptions.defaults())) {
            NestedOverHttp.main(new String[] {
                demo.file().toString(),
                "120",
                gateway.uri("/graphql").toString(),
                demo.adminToken(),
                directory.toString(),
                "0",
                "0",
                "0",
                "100"
            });
        }

        JsonNode report = new ObjectMapper()
                .readTree(directory.resolve("nested-http-120.json").toFile());
        assertThat(report.get("runs")).hasSize(2);
        assertThat(report.get("runs").findValuesAsText("viewer")).containsExactly("admin", "restricted");
        for (JsonNode run : report.get("runs")) {
            assertThat(run.get("first").asInt()).isEqualTo(100);
            assertThat(run.get("iterations").asInt()).isGreaterThanOrEqualTo(Interleaved.MIN_ROUNDS);
            assertThat(run.get("hubqlMedianUs").asDouble()).isPositive();
            assertThat(run.get("javaNetHttpMedianUs").asDouble()).isPositive();
            assertThat(run.get("blockingMedianUs").asDouble()).isPositive();
            assertThat(run.get("responseBytes").asInt()).isGreaterThan(100 * 30);
        }
    }

    @Test
    void a_second_token_replaces_the_first() throws Exception {
        DemoHubSummary demo = DemoHub.write(directory.resolve("hub.sqlite"), 20, 11, "5.5.1");
        DatabaseLocation hub = DatabaseLocation.sqlite(demo.file());
        String first = RestrictedToken.mint(hub);
        String second = RestrictedToken.mint(hub);
        try (RunningGateway gateway =
                RunningGateway.serve(hub, false, GraphOptions.defaults(), AuthOptions.defaults())) {
            String query = RunningGateway.json(Map.of("query", "{ viewer { ... on User { name } } }"));
            assertThat(gateway.as(second).post(query, "application/json").body())
                    .contains("\"alice\"");
            assertThat(gateway.as(first).post(query, "application/json").statusCode())
                    .isEqualTo(401);
        }
    }
}
