package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.hubql.auth.AuthOptions;
import org.hubql.demo.DemoHub;
import org.hubql.demo.DemoHubSummary;
import org.hubql.graph.GraphOptions;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests carry JupyterHub tokens, verified against the hub database the way JupyterHub verifies them. */
class AuthenticationTest {
    static final String ALICE = "0123456789abcdef0123456789abcdef";
    static final String ADMIN = "feedfacefeedfacefeedfacefeedface";
    static final String SERVICE = "c0ffee00c0ffee00c0ffee00c0ffee00";
    static final String ADMIN_SERVICE = "5e41ce5e41ce5e41ce5e41ce5e41ce5e";
    static final String DAVE_SHORT_PREFIX = "ab12ab12ab12ab12ab12ab12ab12ab12";
    static final String CAROL_OAUTH = "6f1c2b7e-8d4a-4c3b-9a2e-5f0d1c2b3a4d";
    static final String BOB_OAUTH_EXPIRED = "1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b";
    private static final String WHO = "{ viewer { __typename ... on User { name } ... on Service { name } } }";

    @TempDir
    static Path directory;

    static Path hub;
    static RunningGateway gateway;

    @BeforeAll
    static void serve() {
        hub = TestHub.sqlite(
                directory.resolve("tokens.sqlite"), "schema-0.8.1.sql", "hub-0.8-small.sql", "hub-0.8-tokens.sql");
        gateway = RunningGateway.serve(hub, false, GraphOptions.defaults(), AuthOptions.defaults());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static HttpResponse<String> ask(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(RunningGateway.json(Map.of("query", WHO))));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return gateway.send(request.build());
    }

    private static String viewerName(String token) {
        return gateway.as(token).data(WHO).at("/viewer/name").asText();
    }

    @Test
    void no_authorization_is_a_401_with_a_graphql_error_and_a_challenge() {
        HttpResponse<String> response = ask(null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        JsonNode error = RunningGateway.parse(response.body()).at("/errors/0");
        assertThat(error.at("/extensions/code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(error.at("/message").asText()).isNotBlank();
    }

    @Test
    void a_user_token_works_with_the_token_and_the_bearer_scheme_in_any_case() {
        for (String scheme : new String[] {"token", "Token", "Bearer", "bearer", "BEARER"}) {
            HttpResponse<String> response = ask(scheme + " " + ALICE);
            assertThat(response.statusCode()).as(scheme + response.body()).isEqualTo(200);
            assertThat(RunningGateway.parse(response.body())
                            .at("/data/viewer/name")
                            .asText())
                    .isEqualTo("alice");
        }
    }

    @Test
    void a_token_works_as_a_query_parameter_on_get() {
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(
                        gateway.uri("/graphql?token=" + ALICE + "&query=%7Bviewer%7B...on%20User%7Bname%7D%7D%7D"))
                .GET()
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningGateway.parse(response.body()).at("/data/viewer/name").asText())
                .isEqualTo("alice");
    }

    @Test
    void each_kind_of_token_identifies_its_owner() {
        assertThat(viewerName(ADMIN)).isEqualTo("admin");
        assertThat(viewerName(SERVICE)).isEqualTo("announcement");
        assertThat(viewerName(ADMIN_SERVICE)).isEqualTo("cull-idle");
        assertThat(viewerName(CAROL_OAUTH)).isEqualTo("carol");
        assertThat(viewerName(DAVE_SHORT_PREFIX)).isEqualTo("dave");
        assertThat(gateway.as(SERVICE).data(WHO).at("/viewer/__typename").asText())
                .isEqualTo("Service");
    }

    @Test
    void wrong_expired_malformed_and_other_scheme_tokens_are_401() {
        String oneCharOff = ALICE.substring(0, 31) + "0";
        for (String authorization : new String[] {
            "token " + oneCharOff,
            "token " + BOB_OAUTH_EXPIRED,
            "token " + ALICE.toUpperCase(),
            "token",
            "token ",
            "Basic " + ALICE,
            ALICE,
            "token " + "x".repeat(5000),
            "token a",
            "token %00'--"
        }) {
            HttpResponse<String> response = ask(authorization);
            assertThat(response.statusCode()).as(authorization).isEqualTo(401);
            assertThat(response.body()).as(authorization).doesNotContain(ALICE).contains("UNAUTHENTICATED");
        }
    }

    @Test
    void a_token_that_differs_only_in_case_never_passes_for_it_on_the_same_connection() {
        for (int i = 0; i < 20; i++) {
            assertThat(ask("token " + ALICE.toUpperCase()).statusCode()).isEqualTo(401);
            assertThat(ask("token " + ALICE).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void the_schema_endpoint_needs_a_token_too_and_graphiql_does_not() {
        assertThat(gateway.get("/schema.graphql").statusCode()).isEqualTo(401);
        assertThat(gateway.as(ALICE).get("/schema.graphql").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void a_deleted_token_works_until_the_cache_entry_expires_and_then_never_again() throws Exception {
        Path copy = TestHub.sqlite(
                directory.resolve("deleted.sqlite"), "schema-0.8.1.sql", "hub-0.8-small.sql", "hub-0.8-tokens.sql");
        try (RunningGateway shortCache = RunningGateway.serve(
                copy, false, GraphOptions.defaults(), new AuthOptions(true, Duration.ofMillis(800), 16))) {
            assertThat(shortCache.as(ALICE).data(WHO).at("/viewer/name").asText())
                    .isEqualTo("alice");
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM api_tokens WHERE id = 10");
            }
            assertThat(shortCache.as(ALICE).query(WHO).at("/data/viewer/name").asText())
                    .isEqualTo("alice");
            Thread.sleep(1_000);
            assertThat(shortCache
                            .as(ALICE)
                            .post(RunningGateway.json(Map.of("query", WHO)), "application/json")
                            .statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void without_a_cache_a_deleted_token_stops_at_once() throws Exception {
        Path copy = TestHub.sqlite(
                directory.resolve("nocache.sqlite"), "schema-0.8.1.sql", "hub-0.8-small.sql", "hub-0.8-tokens.sql");
        try (RunningGateway noCache =
                RunningGateway.serve(copy, false, GraphOptions.defaults(), new AuthOptions(true, Duration.ZERO, 16))) {
            assertThat(noCache.as(ADMIN).data(WHO).at("/viewer/name").asText()).isEqualTo("admin");
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM api_tokens WHERE id = 11");
            }
            assertThat(noCache.as(ADMIN)
                            .post(RunningGateway.json(Map.of("query", WHO)), "application/json")
                            .statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void the_cache_makes_a_slow_16384_round_token_cheap_on_repeat() {
        gateway.as(SERVICE).data(WHO);
        long started = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            gateway.as(SERVICE).data(WHO);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void the_tokens_the_demo_hub_hands_out_work_for_their_owners() throws Exception {
        DemoHubSummary demo = DemoHub.write(directory.resolve("demo.sqlite"), 20, 7);
        try (RunningGateway demoGateway =
                RunningGateway.serve(demo.file(), false, GraphOptions.defaults(), AuthOptions.defaults())) {
            String users = "{ users { totalCount } viewer { ... on User { name } ... on Service { name } } }";
            JsonNode admin = demoGateway.as(demo.adminToken()).data(users);
            assertThat(admin.at("/viewer/name").asText()).isEqualTo(demo.adminName());
            assertThat(admin.at("/users/totalCount").asInt()).isEqualTo(20);
            String who = "{ viewer { ... on User { name } ... on Service { name } } }";
            assertThat(demoGateway
                            .as(demo.userToken())
                            .data(who)
                            .at("/viewer/name")
                            .asText())
                    .isEqualTo(demo.userName());
            assertThat(demoGateway
                            .as(demo.serviceToken())
                            .data(who)
                            .at("/viewer/name")
                            .asText())
                    .isEqualTo(demo.serviceName());
        }
    }

    @Test
    void tokens_appear_in_no_log_line_no_error_and_no_sql_trace() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Path copy = TestHub.sqlite(
                directory.resolve("traced.sqlite"), "schema-0.8.1.sql", "hub-0.8-small.sql", "hub-0.8-tokens.sql");
        StringBuilder bodies = new StringBuilder();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (RunningGateway traced =
                RunningGateway.serve(copy, true, GraphOptions.defaults(), AuthOptions.defaults())) {
            for (String token : new String[] {ALICE, ALICE.substring(0, 31) + "0", BOB_OAUTH_EXPIRED, SERVICE}) {
                bodies.append(traced.as(token)
                        .post(RunningGateway.json(Map.of("query", WHO)), "application/json")
                        .body());
                bodies.append(traced.as(token)
                        .post(RunningGateway.json(Map.of("query", "{ nope")), "application/json")
                        .body());
                bodies.append(traced.as(token)
                        .get("/graphql?token=" + token + "&query=%7Bhub%7Bengine%7D%7D")
                        .body());
            }
        } finally {
            System.setErr(original);
        }
        String everything = bodies + captured.toString(StandardCharsets.UTF_8);
        assertThat(everything)
                .contains("\"sql\"")
                .doesNotContain(ALICE, ALICE.substring(0, 31) + "0", BOB_OAUTH_EXPIRED, SERVICE, "hashed", "sha512:");
    }
}
