package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hubql.testkit.JupyterHubConfig.Role.newRole;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hubql.Main;
import org.hubql.testkit.GraphiQLInBrowser;
import org.hubql.testkit.HeadlessChromium;
import org.hubql.testkit.JupyterHubConfig;
import org.hubql.testkit.RealJupyterHub;
import org.hubql.testkit.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * hubql as a hub-managed JupyterHub service, end to end, configured as the README's "Running next to JupyterHub"
 * says: a real JupyterHub (Debian's 3.0.0, whose DummyAuthenticator takes any password) starts hubql on the hub's
 * own SQLite file, and the hub's proxy serves it under {@code /services/hubql/}. Headless Chromium logs in to the
 * hub, follows the OAuth redirects to GraphiQL and runs a query there, as a user and as an admin; a dashboard on
 * another origin fetches nested data through the proxy with CORS. Plain HTTP through the proxy checks hub-issued
 * tokens, the service's access scope, where the session cookie goes, and a forged {@code state}.
 *
 * <p>The hub starts hubql as {@code java -cp <this JVM's class path> org.hubql.Main serve}: the classes and libraries
 * {@code target/hubql.jar} is shaded from, since {@code mvn verify} packages the jar only after the tests (the test
 * classes on that path are never loaded by hubql). Screenshots are kept in {@code target/screenshots/}. Skips where
 * jupyterhub or Chromium is missing, except under CI.
 */
@Tag("jupyterhub")
@Tag("browser")
class JupyterHubServiceTest {
    private static final String ADMIN_SERVICE_TOKEN = "hubql-e2e-admin-service-0123456789";
    private static final String PREFIX = "/services/hubql/";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration HUBQL_START = Duration.ofSeconds(60);
    private static final String WHO_AND_EVERYONE = """
            {
              viewer { ... on User { name admin groups { name } } }
              users(first: 10) { totalCount nodes { name } }
            }""";

    @TempDir
    static Path directory;
    /** The dashboard's origin, and behind the proxy the service "echo", which notes the cookies it is sent. */
    private static HttpServer sites;

    private static final List<String> echoedCookies = new CopyOnWriteArrayList<>();
    private static RealJupyterHub hub;
    private static String annToken;
    private static String eveToken;
    private static String rootToken;
    private static HeadlessChromium browser;

    @BeforeAll
    static void startTheHubWithHubql() throws IOException {
        assumeTrue(
                System.getenv("CI") != null || (RealJupyterHub.available() && HeadlessChromium.available()),
                "jupyterhub or Chromium is not installed here");
        Path profile = Files.createDirectories(directory.resolve("chromium"));
        CompletableFuture<HeadlessChromium> chromium =
                CompletableFuture.supplyAsync(() -> HeadlessChromium.start(profile));
        try {
            sites = startSites();
            hub = hubConfig(freePort(), dashboardOrigin()).start();
            awaitHubql();
            hub.startServer("ann", "");
            annToken = hub.newToken("ann", List.of(), "e2e");
            eveToken = hub.newToken("eve", List.of(), "e2e");
            rootToken = hub.newToken("root", List.of(), "e2e dashboard");
        } finally {
            browser = chromium.join();
        }
    }

    /** One browser for every test, started once: each test begins with no cookie and nothing stored. */
    @BeforeEach
    void forgetTheLastTest() {
        browser.forget(hub.publicUrl(), dashboardOrigin(), otherDashboardOrigin());
    }

    /**
     * The README's hub-managed hubql: the hub starts it with its database and the dashboard's origin in the
     * environment; members of {@code hubql-users} (ann) may use it, eve may not; root is an admin.
     */
    private static JupyterHubConfig hubConfig(int hubqlPort, String dashboardOrigin) {
        return JupyterHubConfig.newConfig()
                .admins("root")
                .users("ann", "eve")
                .group("hubql-users", "ann")
                .role(newRole("hubql-access", "access:services!service=hubql").toGroups("hubql-users"))
                .service(Map.of(
                        "name",
                        "hubql",
                        "url",
                        "http://127.0.0.1:" + hubqlPort,
                        "command",
                        hubqlCommand(),
                        "environment",
                        Map.of("HUBQL_DB", JupyterHubConfig.DB_URL, "HUBQL_CORS_ORIGIN", dashboardOrigin),
                        "oauth_no_confirm",
                        true,
                        "oauth_client_allowed_scopes",
                        List.of("inherit")))
                .service(Map.of("name", "echo", "url", dashboardOrigin))
                .adminService("hub-admin", ADMIN_SERVICE_TOKEN);
    }

    private static List<String> hubqlCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve");
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.close();
        }
        if (hub != null) {
            hub.close();
        }
        if (sites != null) {
            sites.stop(0);
        }
    }

    // ---- in the browser

    @Test
    void a_user_logs_in_through_the_hub_sees_only_their_own_data_in_graphiql_and_logs_out() {
        openHubqlAndLogIn("ann");
        JsonNode answer = runInGraphiQL(WHO_AND_EVERYONE);
        browser.screenshot("graphiql-as-user-ann");

        assertThat(answer.at("/data/viewer/name").asText()).isEqualTo("ann");
        assertThat(answer.at("/data/viewer/admin").asBoolean()).isFalse();
        assertThat(answer.at("/data/viewer/groups/0/name").asText()).isEqualTo("hubql-users");
        assertThat(answer.at("/data/users/nodes")).isEmpty();
        assertThat(answer.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        assertThat(resultShown()).contains("\"name\": \"ann\"").doesNotContain("eve", "root");

        browser.driver().findElement(By.id("hubql-logout")).click();
        browser.waiting(WAIT).until(urlContains("/hub/login"));
        browser.driver().get(hub.publicUrl() + PREFIX);
        browser.waiting(WAIT).until(urlContains("/hub/login"));
    }

    @Test
    void an_admin_logged_in_through_the_hub_sees_every_user_in_graphiql() {
        openHubqlAndLogIn("root");
        JsonNode answer = runInGraphiQL(WHO_AND_EVERYONE);
        browser.screenshot("graphiql-as-admin-root");

        assertThat(answer.has("errors")).as(answer.toString()).isFalse();
        assertThat(answer.at("/data/viewer/admin").asBoolean()).isTrue();
        assertThat(answer.at("/data/users/totalCount").asInt()).isEqualTo(3);
        assertThat(answer.at("/data/users/nodes").findValuesAsText("name"))
                .containsExactlyInAnyOrder("ann", "eve", "root");
        assertThat(resultShown()).contains("\"totalCount\": 3", "\"name\": \"eve\"");
    }

    /**
     * The dashboard sends its token in a header, so the browser asks hubql first (a CORS preflight) and reads the
     * answer only if hubql allows the page's origin; the same page served as {@code localhost} is another origin.
     */
    @Test
    void a_dashboard_on_an_allowed_origin_reads_nested_data_and_the_same_page_elsewhere_cannot() {
        String page = "/dashboard/index.html?api="
                + URLEncoder.encode(hub.publicUrl() + PREFIX + "graphql", StandardCharsets.UTF_8) + "#" + rootToken;
        assertThat(dashboardStatus(dashboardOrigin() + page)).isEqualTo("Loaded 3 users");
        browser.screenshot("dashboard-allowed-origin");
        List<String> rows = browser.driver().findElements(By.cssSelector("#users tr")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(rows)
                .hasSize(3)
                .contains("ann no hubql-users (default): running at /user/ann/")
                .anyMatch(row -> row.startsWith("eve no"))
                .anyMatch(row -> row.startsWith("root yes"));

        assertThat(dashboardStatus(otherDashboardOrigin() + page)).startsWith("Failed: TypeError");
        browser.screenshot("dashboard-other-origin");
        assertThat(browser.consoleMessages())
                .anySatisfy(message -> assertThat(message)
                        .contains("from origin '" + otherDashboardOrigin() + "' has been blocked by CORS policy"));
    }

    /**
     * The cookie is confined to hubql's path: another service on the same origin is not sent it. Its value is a
     * sealed token, so neither the hub nor hubql take it for one; only hubql opens it, as a cookie.
     */
    @Test
    void the_session_cookie_reaches_only_hubql_and_is_useless_anywhere_else() {
        openHubqlAndLogIn("ann");
        Cookie session = browser.driver().manage().getCookieNamed(HubOAuth.SESSION_COOKIE);
        assertThat(session.getPath()).isEqualTo(PREFIX);
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");

        browser.driver().get(hub.publicUrl() + "/services/echo/");
        browser.waiting(WAIT).until(page -> page.getPageSource().contains("echo"));
        assertThat(echoedCookies)
                .last()
                .asString()
                .contains("jupyterhub-session-id=")
                .doesNotContain(HubOAuth.SESSION_COOKIE);

        String sealed = HubOAuth.SESSION_COOKIE + "=" + session.getValue();
        Visitor anyone = new Visitor();
        assertThat(anyone.get("/hub/api/user", "Cookie", sealed).statusCode()).isEqualTo(403);
        assertThat(anyone.get("/hub/api/user", "Authorization", "token " + session.getValue())
                        .statusCode())
                .isEqualTo(403);
        assertThat(anyone.get(
                                PREFIX + "graphql?query=%7Bviewer%7B__typename%7D%7D",
                                "Authorization",
                                "token " + session.getValue())
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> asCookie =
                anyone.get(PREFIX + "graphql?query=%7Bviewer%7B...on%20User%7Bname%7D%7D%7D", "Cookie", sealed);
        assertThat(RunningGateway.parse(asCookie.body()).at("/data/viewer/name").asText())
                .isEqualTo("ann");
    }

    // ---- over plain HTTP, through the hub's proxy

    @Test
    void a_token_the_hub_issued_works_through_the_hubs_proxy() {
        HttpResponse<String> ann = postQuery(annToken, "{ viewer { ... on User { name } } }");
        assertThat(ann.statusCode()).isEqualTo(200);
        assertThat(RunningGateway.parse(ann.body()).at("/data/viewer/name").asText())
                .isEqualTo("ann");
        HttpResponse<String> root = postQuery(rootToken, "{ users(first: 10) { totalCount } }");
        assertThat(RunningGateway.parse(root.body())
                        .at("/data/users/totalCount")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void a_user_without_access_to_the_service_is_refused_by_hubql_and_by_the_hubs_login() {
        HttpResponse<String> byToken = postQuery(eveToken, "{ viewer { __typename } }");
        assertThat(byToken.statusCode()).isEqualTo(403);
        assertThat(RunningGateway.parse(byToken.body()).at("/errors/0/message").asText())
                .contains("access:services!service=hubql");

        Visitor eve = Visitor.loggedInAs("eve");
        String authorize = eve.location(eve.get(PREFIX));
        assertThat(authorize).startsWith("/hub/api/oauth2/authorize?client_id=service-hubql&");
        assertThat(eve.get(authorize).statusCode()).isEqualTo(403);
        assertThat(eve.cookie(HubOAuth.SESSION_COOKIE)).isEmpty();
    }

    /**
     * A real code from the hub, sent back with a state this client was not given, is refused; the state is used up
     * by that attempt. A login that keeps its state ends in a session.
     */
    @Test
    void a_forged_state_is_refused_even_with_a_code_the_hub_really_issued() {
        Visitor ann = Visitor.loggedInAs("ann");
        String callback = ann.location(ann.get(ann.location(ann.get(PREFIX))));
        assertThat(callback).contains(PREFIX + "oauth_callback?code=");
        String state = callback.substring(callback.indexOf("state=") + "state=".length());

        HttpResponse<String> forged = ann.get(callback.replace("state=" + state, "state=forged" + state));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(RunningGateway.parse(forged.body()).at("/errors/0/message").asText())
                .contains("state");
        assertThat(ann.get(callback).statusCode())
                .as("the same callback once its state was spent")
                .isEqualTo(403);
        assertThat(ann.cookie(HubOAuth.SESSION_COOKIE)).isEmpty();

        String honest = ann.location(ann.get(ann.location(ann.get(PREFIX))));
        assertThat(ann.location(ann.get(honest))).isEqualTo(PREFIX);
        assertThat(ann.cookie(HubOAuth.SESSION_COOKIE)).isPresent();
    }

    // ---- the hub, hubql and the browser

    private static void awaitHubql() {
        Visitor probe = new Visitor();
        long deadline = System.nanoTime() + HUBQL_START.toNanos();
        while (System.nanoTime() < deadline) {
            if (probe.answers(PREFIX + "healthz")) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("hubql did not answer through the hub's proxy within " + HUBQL_START
                + "; running:\n" + hub.runningProcesses()
                + "\n--- the log's lines about hubql, and those of other processes than the hub:\n"
                + hub.logTail(line -> !line.startsWith("[") || line.contains("hubql"))
                + "\n--- hub log tail:\n" + hub.logTail());
    }

    private static HttpResponse<String> postQuery(String token, String query) {
        return new Visitor()
                .send(HttpRequest.newBuilder(URI.create(hub.publicUrl() + PREFIX + "graphql"))
                        .header("Authorization", "token " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(RunningGateway.json(Map.of("query", query)))));
    }

    /**
     * Opens hubql without a session: it sends the browser to the hub, which asks it to log in first; then the hub
     * sends it back with a code, and it ends at GraphiQL, which says who is logged in.
     */
    private static void openHubqlAndLogIn(String user) {
        WebDriver page = browser.driver();
        page.get(hub.publicUrl() + PREFIX);
        browser.waiting(WAIT).until(urlContains("/hub/login"));
        page.findElement(By.id("username_input")).sendKeys(user);
        page.findElement(By.id("password_input")).sendKeys("any password will do");
        page.findElement(By.id("login_submit")).click();
        awaitOrExplain(
                "graphiql-not-ready-for-" + user,
                current -> current.getCurrentUrl().equals(hub.publicUrl() + PREFIX)
                        && current.findElement(By.id("hubql-user")).getText().equals(user)
                        && GraphiQLInBrowser.ready(current),
                () -> page.findElement(By.tagName("body")).getText());
    }

    /** Pastes {@code query} into GraphiQL, runs it once GraphiQL has read it ({@link GraphiQLInBrowser}), and waits. */
    private static JsonNode runInGraphiQL(String query) {
        WebDriver page = browser.driver();
        GraphiQLInBrowser.setQuery(page, query);
        awaitOrExplain("graphiql-query-unread", GraphiQLInBrowser::hasRead, JupyterHubServiceTest::resultValue);
        page.findElement(By.className("graphiql-execute-button")).click();
        awaitOrExplain(
                "graphiql-no-answer",
                current -> resultValue().contains("\"viewer\""),
                JupyterHubServiceTest::resultValue);
        return RunningGateway.parse(resultValue());
    }

    /**
     * Waits up to {@link #WAIT} for {@code condition}; past that, fails with what the browser showed ({@code shown})
     * and did, and the hub's log (hubql's access lines included), so that a failure on CI explains itself.
     */
    private static void awaitOrExplain(String name, Function<WebDriver, Boolean> condition, Supplier<String> shown) {
        try {
            browser.waiting(WAIT).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "waited " + WAIT + " in vain; " + browser.explain(name, shown.get()) + "\n--- hub log tail:\n"
                            + hub.logTail(),
                    e);
        }
    }

    private static String resultValue() {
        return GraphiQLInBrowser.result(browser.driver());
    }

    /** What the result pane shows on screen. */
    private static String resultShown() {
        return browser.driver().findElement(By.className("result-window")).getText();
    }

    private static String dashboardStatus(String url) {
        browser.driver().get(url);
        browser.waiting(WAIT)
                .until(page -> !page.findElement(By.id("status")).getText().startsWith("Loading"));
        return browser.driver().findElement(By.id("status")).getText();
    }

    // ---- the test's own sites

    private static String dashboardOrigin() {
        return "http://127.0.0.1:" + sites.getAddress().getPort();
    }

    /** The same site under another name, so another origin, which hubql was not told about. */
    private static String otherDashboardOrigin() {
        return "http://localhost:" + sites.getAddress().getPort();
    }

    private static HttpServer startSites() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] dashboard = resource("/dashboard/index.html");
        server.createContext("/dashboard/", exchange -> respond(exchange, "text/html; charset=utf-8", dashboard));
        server.createContext("/services/echo/", exchange -> {
            echoedCookies.add(String.join("; ", exchange.getRequestHeaders().getOrDefault("Cookie", List.of())));
            respond(exchange, "text/plain; charset=utf-8", "echo".getBytes(StandardCharsets.UTF_8));
        });
        server.start();
        return server;
    }

    private static void respond(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = JupyterHubServiceTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the test classpath");
            }
            return in.readAllBytes();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client of the hub's proxy that keeps cookies, as a browser does, and follows no redirect itself. */
    private static final class Visitor {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        /** Logged in to the hub with the login form, as the DummyAuthenticator takes any password. */
        static Visitor loggedInAs(String user) {
            Visitor visitor = new Visitor();
            HttpResponse<String> login = visitor.send(HttpRequest.newBuilder(visitor.uri("/hub/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=any")));
            assertThat(login.statusCode()).as("logging in as " + user).isEqualTo(302);
            return visitor;
        }

        /** GET a path of the proxy (or a URL) with extra headers, given as name, value, name, value… */
        HttpResponse<String> get(String pathOrUrl, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl)).GET();
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return send(request);
        }

        /** Where a redirect points; fails on anything else. */
        String location(HttpResponse<String> response) {
            assertThat(response.statusCode())
                    .as("a redirect from " + response.uri() + ": " + response.body())
                    .isEqualTo(302);
            return response.headers().firstValue("Location").orElseThrow();
        }

        Optional<HttpCookie> cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals(name))
                    .findFirst();
        }

        boolean answers(String path) {
            return RealJupyterHub.answers(client, uri(path));
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(
                        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private URI uri(String pathOrUrl) {
            return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : hub.publicUrl() + pathOrUrl);
        }
    }
}
