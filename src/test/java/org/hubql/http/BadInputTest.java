package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hubql.testkit.GatewayExtension;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every class of malformed request gets a 4xx or a GraphQL error: never a 5xx, a stack trace or a hang. */
class BadInputTest {
    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.serving(TestHub::small);

    private static HttpResponse<String> postBytes(byte[] body, String contentType) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri("/graphql"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    private static HttpResponse<String> postQuery(String query) {
        return postJson(Map.of("query", query));
    }

    private static HttpResponse<String> postJson(Map<String, Object> body) {
        return gateway.post(RunningGateway.json(body), "application/json");
    }

    /** A clean refusal: a 4xx with a JSON error and a code, or a 200 whose errors carry a code. */
    private static JsonNode refusedCleanly(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 499);
        JsonNode body = RunningGateway.parse(response.body());
        assertThat(body.at("/errors/0/extensions/code").asText())
                .as(response.body())
                .isNotBlank();
        assertThat(response.body()).doesNotContain("Exception:", "\tat ", "at org.", "at graphql.", "java.");
        return body;
    }

    private static String code(HttpResponse<String> response) {
        return refusedCleanly(response).at("/errors/0/extensions/code").asText();
    }

    @Test
    void malformed_bodies_are_400s() {
        assertThat(postBytes("{\"query\": ".getBytes(StandardCharsets.UTF_8), "application/json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(postBytes(new byte[0], "application/json").statusCode()).isEqualTo(400);
        assertThat(postBytes(
                                new byte[] {'{', '"', 'q', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
                                "application/json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(postBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, "application/json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(postBytes("[1, 2]".getBytes(StandardCharsets.UTF_8), "application/json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(postBytes("{\"query\": 42}".getBytes(StandardCharsets.UTF_8), "application/json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(postBytes(
                                "{\"query\": \"{hub{engine}}\", \"variables\": [1]}".getBytes(StandardCharsets.UTF_8),
                                "application/json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(postBytes(
                                "{\"query\": \"{hub{engine}}\", \"operationName\": 7}".getBytes(StandardCharsets.UTF_8),
                                "application/json")
                        .statusCode())
                .isEqualTo(400);
        refusedCleanly(postBytes("{\"query\": \"{hub{engine}}\"}".getBytes(StandardCharsets.UTF_8), "text/plain"));
        assertThat(postBytes("{\"query\": \"{hub{engine}}\"}".getBytes(StandardCharsets.UTF_8), "text/plain")
                        .statusCode())
                .isEqualTo(415);
    }

    @Test
    void a_body_over_the_limit_is_a_413_json_error() {
        String huge = "{\"query\": \"{ hub { engine } }\", \"pad\": \"" + "x".repeat(300_000) + "\"}";
        HttpResponse<String> response = gateway.post(huge, "application/json");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(code(response)).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void graphql_level_mistakes_are_graphql_errors() {
        assertThat(code(postQuery("{ hub { engine "))).isEqualTo("GRAPHQL_PARSE_FAILED");
        assertThat(code(postQuery("{ nope }"))).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(code(postJson(Map.of("query", "query A { hub { engine } }", "operationName", "B"))))
                .isNotBlank();
        assertThat(code(postJson(Map.of(
                        "query",
                        "query($n: String!) { user(name: $n) { name } }",
                        "variables",
                        Map.of("n", Map.of("x", 1))))))
                .isNotBlank();
        assertThat(code(postJson(Map.of(
                        "query",
                        "query($n: Int) { users(first: $n) { totalCount } }",
                        "variables",
                        Map.of("n", "ten")))))
                .isNotBlank();
        assertThat(code(postQuery("{ users(first: 2147483648) { totalCount } }")))
                .isNotBlank();
        assertThat(code(postQuery("{ users(first: -5) { totalCount } }"))).isEqualTo("BAD_USER_INPUT");
        assertThat(code(postQuery("{ users(after: \"not-a-cursor!!\") { totalCount } }")))
                .isEqualTo("BAD_USER_INPUT");
        assertThat(code(postQuery("{ node(id: \"%%%\") { id } }"))).isEqualTo("BAD_USER_INPUT");
        assertThat(code(postQuery("{ node(id: \"VXNlcjp4\") { id } }"))).isEqualTo("BAD_USER_INPUT");
        assertThat(code(postQuery("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }")))
                .isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(code(postQuery("subscription { hub { engine } }"))).isNotBlank();
        assertThat(code(postQuery("mutation { hub { engine } }"))).isNotBlank();
    }

    @Test
    void huge_and_deeply_nested_documents_are_refused_without_a_5xx() {
        assertThat(code(postQuery("{".repeat(5_000) + "}".repeat(5_000)))).isEqualTo("GRAPHQL_PARSE_FAILED");
        assertThat(code(postQuery(
                        "{ user(name: \"a\") " + "{ spawners ".repeat(3_000) + "{ name }" + " }".repeat(3_001))))
                .isIn("GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "QUERY_TOO_DEEP");
        assertThat(code(postQuery("{ " + "a: hub { engine } ".repeat(5_000) + "}")))
                .isNotBlank();
        assertThat(code(postQuery("{ hub " + "@skip(if: false) ".repeat(10_000) + "{ engine } }")))
                .isNotBlank();
        assertThat(code(postQuery("{ hub { engine } }" + " ".repeat(200_000)))).isNotBlank();
        assertThat(code(postQuery("query(" + "$v: Int, ".repeat(5_000) + ") { hub { engine } }")))
                .isNotBlank();
    }

    @Test
    void get_refuses_mutations_and_subscriptions_with_a_405() {
        for (String query : new String[] {"mutation { hub { engine } }", "subscription { hub { engine } }"}) {
            HttpResponse<String> response =
                    gateway.get("/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            assertThat(response.statusCode()).isEqualTo(405);
            refusedCleanly(response);
        }
        refusedCleanly(gateway.get("/graphql?query=%7Bhub%7Bengine%7D%7D&variables=%7Bnot-json"));
        refusedCleanly(gateway.get("/graphql"));
    }

    @Test
    void the_server_still_answers_afterwards() {
        assertThat(gateway.data("{ hub { engine } }").at("/hub/engine").asText())
                .isEqualTo("sqlite");
    }
}
