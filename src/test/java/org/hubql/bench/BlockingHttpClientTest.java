package org.hubql.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hubql.auth.AuthOptions;
import org.hubql.db.DatabaseLocation;
import org.hubql.demo.DemoHub;
import org.hubql.demo.DemoHubSummary;
import org.hubql.graph.GraphOptions;
import org.hubql.http.HttpOptions;
import org.hubql.http.ServiceMode;
import org.hubql.testkit.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's blocking client reads the same answers as {@code java.net.http}, sized and chunked, over one
 * connection, and opens another when the server has closed an idle one.
 */
class BlockingHttpClientTest {
    /** Jetty's default output buffer: a longer answer of unknown length is sent in chunks. */
    private static final int SERVER_OUTPUT_BUFFER = 32 * 1024;

    @TempDir
    Path directory;

    @Test
    void reads_sized_and_chunked_answers_as_java_net_http_does_and_outlives_the_idle_timeout() throws Exception {
        DemoHubSummary demo = DemoHub.write(directory.resolve("hub.sqlite"), 300, 5, "5.5.1");
        HttpOptions http = new HttpOptions(
                false,
                1 << 20,
                "/",
                List.of(),
                ServiceMode.STANDALONE,
                new HttpOptions.Connections(Duration.ofMillis(300), 1024, Duration.ofSeconds(2)));
        try (RunningGateway gateway = RunningGateway.serve(
                        DatabaseLocation.sqlite(demo.file()), GraphOptions.defaults(), http, AuthOptions.defaults());
                BlockingHttpClient client = new BlockingHttpClient(gateway.uri("/graphql"))) {
            String small = RunningGateway.json(Map.of("query", "{ viewer { ... on User { name } } }"));
            String large = RunningGateway.json(Map.of(
                    "query", "{ users(first: 300) { nodes { name admin created lastActivity spawners { name } } } }"));
            RunningGateway admin = gateway.as(demo.adminToken());

            for (String query : List.of(small, large, small)) {
                byte[] answer = client.post(demo.adminToken(), query.getBytes(StandardCharsets.UTF_8));
                assertThat(new String(answer, StandardCharsets.UTF_8))
                        .isEqualTo(admin.post(query, "application/json").body());
            }
            assertThat(client.post(demo.adminToken(), large.getBytes(StandardCharsets.UTF_8)))
                    .hasSizeGreaterThan(SERVER_OUTPUT_BUFFER); // so it was sent in chunks
            Thread.sleep(1_000); // past the server's idle timeout: it has closed the connection
            assertThat(new String(client.post(demo.adminToken(), small.getBytes(StandardCharsets.UTF_8))))
                    .contains("\"admin\"");
            assertThatThrownBy(() -> client.post("not-a-token", small.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("HTTP/1.1 401 ");
        }
    }
}
