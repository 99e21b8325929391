package org.hubql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hubql.auth.AuthOptions;
import org.hubql.demo.DemoHub;
import org.hubql.demo.DemoHubSummary;
import org.hubql.graph.GraphOptions;
import org.hubql.testkit.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every curl example of the README runs, as written, against a 5.5.1 demo hub with the demo admin's token; on a 0.8.1
 * demo hub each answers too, or is refused as the README says: for a condition that needs 0.9, or for a column that
 * version lacks.
 */
class ReadmeExamplesTest {
    private static final Pattern NEEDS_0_9 = Pattern.compile("createdAfter|createdBefore|neverActive");
    private static final Pattern POST_BODY = Pattern.compile("-d '(\\{.*?\\})'\\s*$", Pattern.MULTILINE);
    private static final Pattern GET_URL =
            Pattern.compile("curl -s \"(http://127\\.0\\.0\\.1:8080/graphql\\?[^\"]+)\"");

    @TempDir
    Path directory;

    @Test
    void every_curl_example_in_the_readme_answers_without_errors() throws Exception {
        runEveryExample(DemoHub.write(directory.resolve("hub.sqlite"), 300, 42, "5.5.1"), false);
    }

    @Test
    void on_a_0_8_hub_every_example_answers_or_is_refused_for_a_missing_column() throws Exception {
        runEveryExample(DemoHub.write(directory.resolve("hub.sqlite"), 300, 42, "0.8.1"), true);
    }

    private void runEveryExample(DemoHubSummary demo, boolean mayLackColumns) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> bodies = matches(POST_BODY, readme);
        List<String> urls = matches(GET_URL, readme);
        assertThat(bodies).hasSizeGreaterThanOrEqualTo(4);
        assertThat(urls).isNotEmpty();

        try (RunningGateway gateway =
                RunningGateway.serve(demo.file(), false, GraphOptions.defaults(), AuthOptions.defaults())) {
            for (String body : bodies) {
                HttpResponse<String> response = gateway.as(demo.adminToken()).post(body, "application/json");
                if (mayLackColumns && NEEDS_0_9.matcher(body).find()) {
                    assertRefusedBefore09(body, response);
                    continue;
                }
                if (mayLackColumns && response.body().contains("which this hub's database")) {
                    assertThat(RunningGateway.parse(response.body())
                                    .at("/errors/0/extensions/code")
                                    .asText())
                            .isEqualTo("BAD_USER_INPUT");
                    continue;
                }
                assertAnswered(body, response);
            }
            for (String url : urls) {
                String local = url.replace(
                                "http://127.0.0.1:8080",
                                "http://127.0.0.1:" + gateway.uri("/").getPort())
                        .replace("$TOKEN", demo.adminToken());
                assertAnswered(
                        url,
                        gateway.send(
                                HttpRequest.newBuilder(URI.create(local)).GET().build()));
            }
        }
    }

    private static void assertAnswered(String example, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(example).isEqualTo(200);
        JsonNode json = RunningGateway.parse(response.body());
        assertThat(json.has("errors")).as(example + " -> " + response.body()).isFalse();
        assertThat(json.get("data").isObject()).as(example).isTrue();
    }

    private static void assertRefusedBefore09(String example, HttpResponse<String> response) {
        JsonNode json = RunningGateway.parse(response.body());
        assertThat(json.at("/errors/0/extensions/code").asText()).as(example).isEqualTo("BAD_USER_INPUT");
        assertThat(json.at("/errors/0/message").asText()).as(example).contains("0.9");
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
