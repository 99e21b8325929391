package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hubql.auth.AuthOptions;
import org.hubql.graph.GraphOptions;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throws 10,000 generated and mutated requests at a running server (with authentication on) from a few threads:
 * none may get a 5xx or hang, the server must answer a normal query afterwards, and the heap must come back.
 */
@Tag("fuzz")
@Tag("slow")
class FuzzTest {
    private static final int REQUESTS = 10_000;
    private static final int THREADS = 4;
    private static final long SEED = 20261127L;
    private static final String NOISE = "{}()[]:$@!.,\"\\#'0-9_aZ\u00e9\u0000\ud83d\ude00 ";
    private static final String ADMIN = AuthenticationTest.ADMIN;
    private static final String ALICE = AuthenticationTest.ALICE;
    private static final List<String> SEEDS = List.of(
            "{ hub { engine userCount } }",
            "{ viewer { ... on User { name admin } ... on Service { name } } }",
            "{ users(first: 5, filter: {active: true}) { totalCount nodes { name lastActivity server { url } } pageInfo { endCursor } } }",
            "query($n: String!) { user(name: $n) { name admin groups { name } spawners { name active server { url } } apiTokens { prefix } } }",
            "{ groups { nodes { name users(first: 2) { totalCount nodes { name } } } } }",
            "{ node(id: \"VXNlcjoy\") { id ... on User { name } } }",
            "query Q($after: String) { users(first: 3, after: $after, orderBy: {field: LAST_ACTIVITY, direction: DESC}) { edges { cursor node { name } } } }",
            "{ services { name server { url } apiTokens { prefix } } oauthClients { identifier accessTokens { prefix } } }",
            "{ __schema { types { name fields { name } } } }",
            "fragment U on User { name } { users { nodes { ...U } } }");

    @TempDir
    Path directory;

    @Test
    void ten_thousand_hostile_requests_get_no_5xx_no_hang_and_leave_the_server_healthy() throws Exception {
        Path hub = TestHub.sqlite(
                directory.resolve("fuzz.sqlite"), "schema-0.8.1.sql", "hub-0.8-small.sql", "hub-0.8-tokens.sql");
        try (RunningGateway gateway =
                RunningGateway.serve(hub, false, GraphOptions.defaults(), AuthOptions.defaults())) {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            long baseline = usedHeapAfterGc();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger sent = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(SEED + t);
                workers.add(pool.submit(() -> {
                    while (sent.getAndIncrement() < REQUESTS) {
                        HttpRequest request = new Generator(random, gateway).next();
                        try {
                            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() >= 500) {
                                failures.add(response.statusCode() + " " + describe(request) + " -> "
                                        + abbreviate(response.body()));
                            }
                        } catch (java.net.http.HttpTimeoutException e) {
                            failures.add("timeout " + describe(request));
                        } catch (Exception e) {
                            failures.add(
                                    e.getClass().getSimpleName() + " " + e.getMessage() + " " + describe(request) + " "
                                            + request.bodyPublisher()
                                                    .map(p -> p.contentLength())
                                                    .orElse(-1L));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(failures)
                    .as("5xx, hung or failed requests (seed " + SEED + ")")
                    .isEmpty();
            assertThat(gateway.as(ADMIN)
                            .data("{ users { totalCount } }")
                            .at("/users/totalCount")
                            .asInt())
                    .isEqualTo(6);
            assertThat(usedHeapAfterGc()).as("heap after the run vs baseline").isLessThan(baseline + 64L * 1024 * 1024);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String describe(HttpRequest request) {
        return request.method() + " " + abbreviate(request.uri().toString()) + " "
                + request.headers().map().keySet();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** One hostile request: a mutated valid query, random bytes, a random JSON shape, a flood, or a GET. */
    private static final class Generator {
        private final Random random;
        private final RunningGateway gateway;

        Generator(Random random, RunningGateway gateway) {
            this.random = random;
            this.gateway = gateway;
        }

        HttpRequest next() {
            return switch (random.nextInt(10)) {
                case 0, 1, 2 -> post(json(mutate(seed())), "application/json");
                case 3 ->
                    post(
                            randomBytes(),
                            pick(
                                    "application/json",
                                    "application/json; charset=utf-8",
                                    "text/plain",
                                    "",
                                    "application/graphql"));
                case 4 -> post(randomJson(0).getBytes(StandardCharsets.UTF_8), "application/json");
                case 5 -> post(json(flood()), "application/json");
                case 6 -> get(mutate(seed()));
                case 7 -> post(json(mutate(mutate(seed()))), "application/json");
                case 8 ->
                    post(
                            ("{\"query\": " + quote(seed()) + ", \"variables\": " + randomJson(0)
                                            + ", \"operationName\": " + randomJson(2) + "}")
                                    .getBytes(StandardCharsets.UTF_8),
                            "application/json");
                default -> post(json(seed()), "application/json");
            };
        }

        private String seed() {
            return SEEDS.get(random.nextInt(SEEDS.size()));
        }

        private String pick(String... options) {
            return options[random.nextInt(options.length)];
        }

        private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
            return switch (random.nextInt(8)) {
                case 0 -> builder;
                case 1 -> builder.header("Authorization", "token " + ALICE.substring(0, 4) + randomText(28));
                case 2 ->
                    builder.header(
                            "Authorization",
                            pick("Bearer", "token", "Basic", "") + " " + randomText(random.nextInt(60)));
                case 3 -> builder.header("Authorization", "bearer " + ALICE);
                default -> builder.header("Authorization", "token " + ADMIN);
            };
        }

        private HttpRequest post(byte[] body, String contentType) {
            HttpRequest.Builder builder = authorized(HttpRequest.newBuilder(gateway.uri("/graphql")))
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (!contentType.isEmpty()) {
                builder.header("Content-Type", contentType);
            }
            if (random.nextInt(6) == 0) {
                builder.header(
                        "Accept",
                        pick("application/graphql-response+json", "text/html", "*/*", "application/json;q=0", "x/y"));
            }
            return builder.build();
        }

        private HttpRequest get(String query) {
            String uri = "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                    + (random.nextBoolean()
                            ? "&variables=" + URLEncoder.encode(randomJson(1), StandardCharsets.UTF_8)
                            : "")
                    + (random.nextInt(4) == 0 ? "&token=" + ADMIN : "");
            return authorized(HttpRequest.newBuilder(URI.create(gateway.uri("").toString() + uri)))
                    .timeout(Duration.ofSeconds(20))
                    .GET()
                    .build();
        }

        private String mutate(String query) {
            StringBuilder text = new StringBuilder(query);
            int edits = 1 + random.nextInt(5);
            for (int i = 0; i < edits && text.length() > 0; i++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(6)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                    case 2 -> text.setCharAt(at, (char) (32 + random.nextInt(95)));
                    case 3 -> text.insert(at, text.substring(at, Math.min(text.length(), at + 1 + random.nextInt(40))));
                    case 4 ->
                        text.insert(
                                at,
                                pick(
                                        " first: 2147483647",
                                        " first: -1",
                                        " first: 99999999999",
                                        " after: \"@@\"",
                                        " id: \"Zm9v\"",
                                        "...U",
                                        " @skip(if: true)",
                                        " @include(if: $x)",
                                        "$n",
                                        "__typename "));
                    default -> text.replace(at, Math.min(text.length(), at + random.nextInt(10)), "");
                }
            }
            return text.toString();
        }

        private String flood() {
            int n = 1 + random.nextInt(4000);
            return switch (random.nextInt(5)) {
                case 0 -> "{".repeat(n) + "hub" + "}".repeat(n);
                case 1 -> "{ " + "a: hub { engine } ".repeat(Math.min(n, 3000)) + "}";
                case 2 -> "{ hub " + "@skip(if: false) ".repeat(Math.min(n, 3000)) + "{ engine } }";
                case 3 ->
                    "{ user(name: \"alice\") " + "{ spawners { user ".repeat(Math.min(n, 2000)) + "{ name }"
                            + " } }".repeat(Math.min(n, 2000)) + " }";
                default -> "fragment A on Query { ...B } fragment B on Query { ...A } { ...A }";
            };
        }

        private byte[] randomBytes() {
            byte[] bytes = new byte[random.nextInt(2048)];
            random.nextBytes(bytes);
            return bytes;
        }

        private String randomText(int length) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append((char) (33 + random.nextInt(94)));
            }
            return text.toString();
        }

        private String randomJson(int depth) {
            int kind = depth > 4 ? random.nextInt(5) : random.nextInt(7);
            return switch (kind) {
                case 0 -> "null";
                case 1 -> Long.toString(random.nextLong());
                case 2 -> random.nextBoolean() ? "true" : "1e999";
                case 3 -> quote(randomText(random.nextInt(20)));
                case 4 -> "\"" + seed().replace("\"", "\\\"") + "\"";
                case 5 -> "[" + randomJson(depth + 1) + ", " + randomJson(depth + 1) + "]";
                default ->
                    "{\"query\": " + randomJson(depth + 1) + ", \""
                            + randomText(3).replace("\\", "").replace("\"", "") + "\": " + randomJson(depth + 1) + "}";
            };
        }

        private static byte[] json(String query) {
            return ("{\"query\": " + quote(query) + ", \"variables\": {\"n\": \"alice\", \"after\": null}}")
                    .getBytes(StandardCharsets.UTF_8);
        }

        private static String quote(String text) {
            return RunningGateway.json(text);
        }
    }
}
