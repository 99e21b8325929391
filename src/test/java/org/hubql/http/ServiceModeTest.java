package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hubql.auth.AuthOptions;
import org.hubql.db.DatabaseLocation;
import org.hubql.graph.GraphOptions;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hubql as the JupyterHub service {@code hubql} under {@code /services/hubql/}, with a login through the hub and
 * a dashboard origin allowed, on the hand-written 5.5 hub: routes under the prefix, the service access scope, the
 * login's redirect and state, the session cookie and its same-origin rule, and CORS. The whole flow through a
 * real hub and browser is {@code JupyterHubServiceTest}.
 */
class ServiceModeTest {
    private static final String ROOT = "r00tr00tr00tr00tr00tr00tr00tr00t";
    private static final String BOB = "b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0";
    private static final String SECRET = "the-services-api-token";
    private static final String DASHBOARD = "http://dashboard.example:9000";
    private static final ServiceMode.Login.OAuth LOGIN = new ServiceMode.Login.OAuth(
            "service-hubql",
            SECRET,
            URI.create("/hub/api/oauth2/authorize"),
            URI.create("http://127.0.0.1:9/hub/api/oauth2/token"),
            URI.create("/services/hubql/oauth_callback"),
            URI.create("/hub/logout"));

    @TempDir
    static Path directory;

    static RunningGateway gateway;

    @BeforeAll
    static void serve() throws Exception {
        Path hub = TestHub.sqlite(directory.resolve("access.sqlite"), "schema-5.5.1.sql", "hub-5.5-access.sql");
        HttpOptions http = new HttpOptions(
                false,
                262_144,
                "/services/hubql",
                List.of(DASHBOARD),
                new ServiceMode.Service("hubql", LOGIN),
                HttpOptions.Connections.defaults());
        gateway = RunningGateway.serve(
                DatabaseLocation.sqlite(hub), GraphOptions.defaults(), http, AuthOptions.defaults());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return gateway.send(request.build());
    }

    private static HttpResponse<String> post(String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/services/hubql/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return gateway.send(request.build());
    }

    @Test
    void every_route_is_served_below_the_prefix_and_nothing_outside_it() {
        assertThat(gateway.as(ROOT)
                        .data("{ viewer { ... on User { name } } }")
                        .at("/viewer/name")
                        .asText())
                .isEqualTo("root");
        assertThat(get("/services/hubql/healthz").statusCode()).isEqualTo(200);
        assertThat(get("/services/hubql/schema.graphql", "Authorization", "token " + ROOT)
                        .body())
                .contains("type Query");
        HttpResponse<String> outside = get("/graphql", "Authorization", "token " + ROOT);
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(RunningGateway.parse(outside.body())
                        .at("/errors/0/extensions/code")
                        .asText())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void a_token_without_access_to_the_service_is_refused() {
        HttpResponse<String> response = gateway.as(BOB)
                .post(RunningGateway.json(Map.of("query", "{ viewer { __typename } }")), "application/json");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(RunningGateway.parse(response.body()).at("/errors/0/message").asText())
                .contains("access:services!service=hubql");
    }

    @Test
    void a_browser_without_a_session_is_sent_to_the_hub_with_a_state_bound_to_a_cookie() {
        HttpResponse<String> response = get("/services/hubql/");
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .startsWith(
                        "/hub/api/oauth2/authorize?client_id=service-hubql&redirect_uri=%2Fservices%2Fhubql%2Foauth_callback"
                                + "&response_type=code&state=");
        String state = location.substring(location.indexOf("state=") + 6);
        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith(HubOAuth.STATE_COOKIE + "=" + state)
                        .contains("Path=/services/hubql/", "HttpOnly", "SameSite=Lax"));
    }

    /**
     * Behind a TLS-terminating reverse proxy in front of the hub's proxy, configurable-http-proxy appends its own
     * hop, so hubql sees {@code X-Forwarded-Proto: https,http}: the browser's side, which decides, comes first.
     */
    @Test
    void cookies_are_secure_when_the_first_proxy_was_reached_over_https() {
        assertThat(get("/services/hubql/", "X-Forwarded-Proto", "https")
                        .headers()
                        .allValues("Set-Cookie"))
                .isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("; Secure"));
        assertThat(get("/services/hubql/", "X-Forwarded-Proto", "https,http")
                        .headers()
                        .allValues("Set-Cookie"))
                .isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("; Secure"));
        assertThat(get("/services/hubql/", "X-Forwarded-Proto", "http")
                        .headers()
                        .allValues("Set-Cookie"))
                .isNotEmpty()
                .noneSatisfy(cookie -> assertThat(cookie).contains("; Secure"));
    }

    @Test
    void a_callback_whose_state_this_browser_was_not_given_is_refused() {
        HttpResponse<String> forged = get("/services/hubql/oauth_callback?code=abc&state=forged");
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> mismatched = get(
                "/services/hubql/oauth_callback?code=abc&state=forged", "Cookie", HubOAuth.STATE_COOKIE + "=another");
        assertThat(mismatched.statusCode()).isEqualTo(403);
        assertThat(RunningGateway.parse(mismatched.body())
                        .at("/errors/0/message")
                        .asText())
                .contains("state");
    }

    @Test
    void a_session_cookie_works_for_reads_and_for_same_origin_posts_only() {
        String cookie = HubOAuth.SESSION_COOKIE + "=" + new SessionCookies(SECRET).seal(ROOT);
        HttpResponse<String> read = get("/services/hubql/graphql?query=%7Bviewer%7B__typename%7D%7D", "Cookie", cookie);
        assertThat(read.statusCode()).isEqualTo(200);
        String query = RunningGateway.json(Map.of("query", "{ viewer { ... on User { name } } }"));
        HttpResponse<String> sameOrigin = post(query, "Cookie", cookie, "Sec-Fetch-Site", "same-origin");
        assertThat(RunningGateway.parse(sameOrigin.body())
                        .at("/data/viewer/name")
                        .asText())
                .isEqualTo("root");
        assertThat(post(query, "Cookie", cookie, "Sec-Fetch-Site", "cross-site").statusCode())
                .isEqualTo(403);
        assertThat(post(query, "Cookie", cookie, "Origin", "http://evil.example")
                        .statusCode())
                .isEqualTo(403);
        assertThat(post(query, "Cookie", cookie).statusCode()).isEqualTo(403);
        HttpResponse<String> page = get("/services/hubql/", "Cookie", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"hubLogin\": true");
    }

    @Test
    void a_session_cookie_that_was_tampered_with_opens_nothing() {
        String sealed = new SessionCookies(SECRET).seal(ROOT);
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThat(get(
                                "/services/hubql/graphql?query=%7Bviewer%7B__typename%7D%7D",
                                "Cookie", HubOAuth.SESSION_COOKIE + "=" + tampered)
                        .statusCode())
                .isEqualTo(401);
        String otherKey = new SessionCookies("another-secret").seal(ROOT);
        assertThat(get(
                                "/services/hubql/graphql?query=%7Bviewer%7B__typename%7D%7D",
                                "Cookie", HubOAuth.SESSION_COOKIE + "=" + otherKey)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void logging_out_forgets_the_session_and_ends_at_the_hub() {
        HttpResponse<String> response = get("/services/hubql/logout");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/hub/logout");
        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith(HubOAuth.SESSION_COOKIE + "=;")
                        .contains("Path=/services/hubql/", "Expires=Thu, 01 Jan 1970"));
    }

    @Test
    void a_preflight_from_an_allowed_origin_is_answered_without_a_token() {
        HttpRequest preflight = HttpRequest.newBuilder(gateway.uri("/services/hubql/graphql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", DASHBOARD)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .build();
        HttpResponse<String> response = gateway.send(preflight);
        assertThat(response.statusCode()).isBetween(200, 204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DASHBOARD);
        assertThat(response.headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElse("")
                        .toLowerCase())
                .contains("authorization");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
        JsonNode answer = RunningGateway.parse(post(
                        RunningGateway.json(Map.of("query", "{ viewer { __typename } }")),
                        "Origin",
                        DASHBOARD,
                        "Authorization",
                        "token " + ROOT)
                .body());
        assertThat(answer.at("/data/viewer/__typename").asText()).isEqualTo("User");
    }

    @Test
    void other_origins_get_no_cors_headers() {
        HttpRequest preflight = HttpRequest.newBuilder(gateway.uri("/services/hubql/graphql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .build();
        assertThat(gateway.send(preflight).headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        HttpResponse<String> post = post(
                RunningGateway.json(Map.of("query", "{ viewer { __typename } }")),
                "Origin",
                "http://evil.example",
                "Authorization",
                "token " + ROOT);
        assertThat(post.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
