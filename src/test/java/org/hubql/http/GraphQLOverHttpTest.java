package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hubql.testkit.GatewayExtension;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP contract: GraphQL over HTTP, GraphiQL from the jar, the SDL and the health check. */
class GraphQLOverHttpTest {
    private static final String QUERY = "{ user(name: \"alice\") { name } }";

    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.serving(TestHub::small);

    private static HttpResponse<String> post(String body, String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/graphql"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return gateway.send(request.build());
    }

    private static HttpResponse<String> getQuery(String query, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                gateway.uri("/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return gateway.send(request.GET().build());
    }

    @Test
    void post_answers_application_json_by_default() {
        HttpResponse<String> response =
                post("{\"query\": \"" + QUERY.replace("\"", "\\\"") + "\"}", "application/json", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(RunningGateway.parse(response.body()).at("/data/user/name").asText())
                .isEqualTo("alice");
    }

    @Test
    void post_answers_graphql_response_json_when_asked_for() {
        HttpResponse<String> response = post(
                RunningGateway.json(java.util.Map.of("query", QUERY)),
                "application/json; charset=utf-8",
                "application/graphql-response+json, application/json;q=0.9");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/graphql-response+json"));
    }

    @Test
    void get_runs_a_query_from_the_url() {
        HttpResponse<String> response = getQuery(QUERY, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningGateway.parse(response.body()).at("/data/user/name").asText())
                .isEqualTo("alice");
    }

    @Test
    void get_with_a_mutation_is_method_not_allowed() {
        HttpResponse<String> response = getQuery("mutation { x }", "application/graphql-response+json");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void a_syntax_error_is_400_with_graphql_response_json_and_200_with_json() {
        String body = RunningGateway.json(java.util.Map.of("query", "{ user(name: "));
        HttpResponse<String> strict = post(body, "application/json", "application/graphql-response+json");
        assertThat(strict.statusCode()).isEqualTo(400);
        JsonNode error = RunningGateway.parse(strict.body());
        assertThat(error.has("data")).isFalse();
        assertThat(error.at("/errors/0/extensions/code").asText()).isEqualTo("GRAPHQL_PARSE_FAILED");
        assertThat(post(body, "application/json", "application/json").statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_validation_error_names_the_field() {
        HttpResponse<String> response = post(
                RunningGateway.json(java.util.Map.of("query", "{ user(name: \"a\") { cookieId } }")),
                "application/json",
                "application/graphql-response+json");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = RunningGateway.parse(response.body()).at("/errors/0");
        assertThat(error.get("message").asText()).contains("cookieId");
        assertThat(error.at("/extensions/code").asText()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void malformed_requests_get_a_400_with_a_reason() {
        assertBadRequest(post("{not json", "application/json", null), "not valid JSON");
        assertBadRequest(post("", "application/json", null), "empty");
        assertBadRequest(post("[1, 2]", "application/json", null), "JSON object");
        assertBadRequest(post("{\"query\": 42}", "application/json", null), "`query` must be a string");
        assertBadRequest(post("{\"variables\": {}}", "application/json", null), "no `query`");
        assertBadRequest(
                post("{\"query\": \"{ hub { engine } }\", \"variables\": [1]}", "application/json", null),
                "`variables` must be a JSON object");
        assertBadRequest(
                post("{\"query\": \"{ hub { engine } }\", \"operationName\": 7}", "application/json", null),
                "`operationName` must be a string");
        assertBadRequest(
                post("{\"query\": \"{ hub { engine } }\", \"extensions\": \"x\"}", "application/json", null),
                "`extensions` must be a JSON object");
        assertBadRequest(gateway.get("/graphql"), "`query` parameter");
    }

    @Test
    void invalid_utf8_is_a_400() {
        byte[] body = {'{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
        assertBadRequest(response, "not valid JSON");
    }

    @Test
    void a_body_that_is_not_json_is_unsupported_media_type() {
        HttpResponse<String> response = post("query=" + QUERY, "application/x-www-form-urlencoded", null);
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(RunningGateway.parse(response.body()).at("/errors/0/message").asText())
                .contains("application/json");
    }

    @Test
    void an_unacceptable_accept_header_is_406() {
        assertThat(getQuery(QUERY, "text/html").statusCode()).isEqualTo(406);
    }

    @Test
    void an_unknown_operation_name_is_a_request_error() {
        HttpResponse<String> response = post(
                RunningGateway.json(java.util.Map.of("query", "query A { hub { engine } }", "operationName", "B")),
                "application/json",
                "application/graphql-response+json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("B");
    }

    @Test
    void variables_of_every_json_kind_reach_the_operation() {
        HttpResponse<String> response = post(
                "{\"query\": \"query($f: UserFilter, $first: Int, $ids: [ID!]!) {"
                        + " users(first: $first, filter: $f) { nodes { admin } } nodes(ids: $ids) { id } }\","
                        + " \"variables\": {\"first\": 5, \"f\": {\"admin\": true, \"nameContains\": null},"
                        + " \"ids\": [\"VXNlcjox\"]}}",
                "application/json",
                null);

        JsonNode body = RunningGateway.parse(response.body());
        assertThat(body.has("errors")).as(response.body()).isFalse();
        assertThat(body.at("/data/users/nodes"))
                .isNotEmpty()
                .allSatisfy(user -> assertThat(user.get("admin").asBoolean()).isTrue());
        assertThat(body.at("/data/nodes/0/id").asText()).isEqualTo("VXNlcjox");
    }

    @Test
    void variables_of_the_wrong_type_are_a_request_error() {
        HttpResponse<String> response = post(
                RunningGateway.json(java.util.Map.of(
                        "query",
                        "query($n: String!) { user(name: $n) { name } }",
                        "variables",
                        java.util.Map.of("n", java.util.List.of(1)))),
                "application/json",
                "application/graphql-response+json");
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void unknown_paths_are_a_json_404() {
        HttpResponse<String> response = gateway.get("/nope");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(RunningGateway.parse(response.body()).at("/errors/0/message").asText())
                .contains("/nope");
    }

    @Test
    void graphiql_and_every_asset_it_loads_come_from_the_gateway_itself() {
        HttpResponse<String> page = gateway.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("GraphiQL").doesNotContain("https://", "http://");
        Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        int count = 0;
        while (assets.find()) {
            HttpResponse<String> asset = gateway.get("/" + assets.group(1));
            assertThat(asset.statusCode()).as(assets.group(1)).isEqualTo(200);
            assertThat(asset.body()).as(assets.group(1)).hasSizeGreaterThan(1000);
            count++;
        }
        assertThat(count).isEqualTo(4);
    }

    @Test
    void liveness_and_readiness_report_the_process_and_the_database() {
        for (String path : List.of("/livez", "/readyz", "/healthz")) {
            HttpResponse<String> response = gateway.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(RunningGateway.parse(response.body()).get("status").asText())
                    .as(path)
                    .isEqualTo("ok");
        }
    }

    private static void assertBadRequest(HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = RunningGateway.parse(response.body()).at("/errors/0");
        assertThat(error.get("message").asText()).contains(reason);
        assertThat(error.at("/extensions/code").asText()).isEqualTo("BAD_REQUEST");
    }
}
