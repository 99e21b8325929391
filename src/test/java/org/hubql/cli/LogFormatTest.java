package org.hubql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hubql.testkit.Gateway;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.ServerProcess;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log of a real {@code hubql serve} process, in both {@code --log-format}s: every line, the access log's
 * included, as text or as one JSON object per line.
 */
@Tag("slow")
class LogFormatTest {
    private static final String QUERY =
            "{\"query\": \"query Listing($first: Int) { users(first: $first) { nodes { name } } }\","
                    + " \"variables\": {\"first\": 2}}";

    @TempDir
    Path directory;

    @Test
    void json_writes_every_line_as_a_json_object_with_the_access_fields() throws Exception {
        List<String> log = serveOneQuery("--log-format", "json");

        List<JsonNode> lines = log.stream().map(RunningGateway::parse).toList();
        assertThat(lines).allSatisfy(line -> assertThat(line.has("level")).isTrue());
        JsonNode access = lines.stream()
                .filter(line -> line.path("loggerName").asText().equals("hubql.access"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no access line in " + log));
        Map<String, String> fields = new HashMap<>();
        access.get("kvpList")
                .forEach(pair -> pair.properties()
                        .forEach(field ->
                                fields.put(field.getKey(), field.getValue().asText())));
        assertThat(fields)
                .containsEntry("method", "POST")
                .containsEntry("path", "/graphql")
                .containsEntry("operation", "Listing")
                .containsEntry("status", "200")
                .containsEntry("sql", "1")
                .containsKeys("ms", "bytes");
        assertThat(access.get("level").asText()).isEqualTo("INFO");
        assertThat(String.join("\n", log)).doesNotContain("users(first", "\"first\": 2");
    }

    @Test
    void text_is_the_default_with_one_access_line_per_request() throws Exception {
        List<String> log = serveOneQuery();

        assertThat(log)
                .anyMatch(line -> line.matches("\\S+ INFO App - Start completed: .*"))
                .anyMatch(line -> line.matches("\\S+ INFO access - method=POST path=/graphql operation=Listing"
                        + " status=200 ms=\\d+ sql=1 bytes=\\d+"));
    }

    private static boolean hasAccessLine(List<String> log) {
        return log.stream().anyMatch(line -> line.contains("method=POST"));
    }

    private List<String> serveOneQuery(String... format) throws Exception {
        Path hub = TestHub.small(directory);
        List<String> args = new java.util.ArrayList<>(List.of("--db", hub.toString(), "--no-auth"));
        args.addAll(List.of(format));
        try (ServerProcess server = ServerProcess.serve(args.toArray(String[]::new))) {
            HttpResponse<String> response = Gateway.CLIENT.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/graphql"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(QUERY))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            // the request is logged once its answer is sent, which the client may see first
            for (int attempt = 0; attempt < 100 && !hasAccessLine(server.log()); attempt++) {
                Thread.sleep(100);
            }
            server.terminate();
            assertThat(server.exitCode(Duration.ofSeconds(30))).isEqualTo(0);
            return server.log();
        }
    }
}
