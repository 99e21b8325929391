package org.hubql.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hubql.db.DatabaseLocation;
import org.hubql.graph.ErrorCodes;

/**
 * Issue 14's nested query ({@link BenchQuery#NESTED}) posted to a running {@code hubql serve} against the
 * {@link Baseline} in process on the same hub, {@link Interleaved interleaved} call by call, as the admin and as
 * the restricted viewer: HTTP is hubql's cost to carry. Writes {@code nested-http-<size>.json}.
 *
 * <p>The timed client is a {@link BlockingHttpClient}. After each pair, the same request is timed through
 * {@code java.net.http} against that client, interleaved too, so the report also says what a heavier client adds.
 *
 * <p>Usage: {@code NestedOverHttp HUB SIZE URL ADMIN_TOKEN OUT_DIR FIRST_ROW_WARMUP_SECONDS WARMUP_SECONDS
 * MEASURE_SECONDS FIRST...}, where {@code HUB} is what the server was started with, the first-row warm-up is spent
 * on both sides before the first row ({@link #warmBothSides}), the other two per row, and each {@code FIRST} is a page
 * size. One keep-alive client posts
 * the JSON body and reads the whole answer; before timing, each answer's {@code data} must equal the baseline's.
 */
public final class NestedOverHttp {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Needs {@code read:hub}, which the restricted viewer lacks: its token must be refused it. */
    private static final String REFUSED_TO_RESTRICTED = "{ hub { userCount } }";
    /** The client comparison needs less than the target's pair: it only says what the heavier client adds. */
    private static final double CLIENT_WARMUP_SECONDS = 3;

    private static final double CLIENT_MEASURE_SECONDS = 5;

    private NestedOverHttp() {}

    /** Whom a run authenticates as, by their token. */
    private record Caller(String viewer, String token) {}

    public static void main(String[] args) throws Exception {
        DatabaseLocation hub = DatabaseLocation.parse(args[0]);
        int size = Integer.parseInt(args[1]);
        URI url = URI.create(args[2]);
        Client client = new Client(url);
        Path out = Path.of(args[4]);
        double firstRowWarmupSeconds = Double.parseDouble(args[5]);
        double warmupSeconds = Double.parseDouble(args[6]);
        double measureSeconds = Double.parseDouble(args[7]);
        Caller restricted = new Caller("restricted", RestrictedToken.mint(hub));
        requireRestricted(client, restricted);
        List<Caller> callers = List.of(new Caller("admin", args[3]), restricted);
        ObjectNode report = MAPPER.createObjectNode();
        report.put("size", size);
        ArrayNode runs = report.putArray("runs");
        try (Baseline baseline = new Baseline(hub);
                BlockingHttpClient blocking = new BlockingHttpClient(url)) {
            List<Map<String, Object>> pages = new ArrayList<>();
            for (int i = 8; i < args.length; i++) {
                pages.add(BenchQuery.nestedVariables(Integer.parseInt(args[i])));
            }
            warmBothSides(blocking, baseline, pages, callers, firstRowWarmupSeconds);
            for (Map<String, Object> variables : pages) {
                for (Caller caller : callers) {
                    ObjectNode run =
                            measure(size, variables, blocking, caller, baseline, warmupSeconds, measureSeconds);
                    compareClients(run, variables, client, blocking, caller, warmupSeconds, measureSeconds);
                    runs.add(run);
                }
            }
        }
        MAPPER.writerWithDefaultPrettyPrinter()
                .writeValue(out.resolve("nested-http-" + size + ".json").toFile(), report);
    }

    /**
     * Posts every page as every caller in turn, and runs the baseline on each page after it, for {@code seconds}
     * before the first row is timed: the server's JIT has then compiled the plan's path for the first row as much as
     * for the later ones, and this JVM has compiled the baseline and sized its heap for it, instead of doing so on
     * the same two cores while the first row times the server.
     */
    private static void warmBothSides(
            BlockingHttpClient client,
            Baseline baseline,
            List<Map<String, Object>> pages,
            List<Caller> callers,
            double seconds)
            throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (Map<String, Object> variables : pages) {
            bodies.add(nestedBody(variables));
        }
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int posts = 0;
        do {
            for (int page = 0; page < pages.size(); page++) {
                for (Caller caller : callers) {
                    client.post(caller.token(), bodies.get(page));
                    posts++;
                }
                baseline.run(BenchQuery.NESTED, pages.get(page));
            }
        } while (System.nanoTime() < end);
        System.out.printf("server and baseline warmed by %d posts in %.0f s%n", posts, seconds);
    }

    private static ObjectNode measure(
            int size,
            Map<String, Object> variables,
            BlockingHttpClient client,
            Caller caller,
            Baseline baseline,
            double warmupSeconds,
            double measureSeconds)
            throws Exception {
        byte[] body = nestedBody(variables);
        byte[] ours = client.post(caller.token(), body);
        baseline.takeStatements();
        byte[] theirs = baseline.run(BenchQuery.NESTED, variables);
        int baselineStatements = baseline.takeStatements();
        if (!MAPPER.readTree(ours).equals(MAPPER.readTree(theirs))) {
            throw new IllegalStateException("nested " + variables + " as " + caller.viewer()
                    + ": hubql over HTTP and the baseline disagree: "
                    + new String(ours, 0, Math.min(300, ours.length), StandardCharsets.UTF_8));
        }
        Interleaved.Pair pair = Interleaved.time(
                () -> client.post(caller.token(), body),
                () -> baseline.run(BenchQuery.NESTED, variables),
                warmupSeconds,
                measureSeconds);
        ObjectNode result = MAPPER.createObjectNode();
        result.put("size", size);
        result.put("first", (Integer) variables.get("first"));
        result.put("viewer", caller.viewer());
        result.put("iterations", pair.first().runs());
        InProcessBench.put(result, "hubql", "baseline", pair);
        result.put("responseBytes", ours.length);
        result.put("baselineStatements", baselineStatements);
        System.out.printf(
                "%-7d nested %-5s %-10s hubql over HTTP %9.1f us (p99 %9.1f)  baseline %9.1f us (p99 %9.1f)  ratio %5.2f  n=%d%n",
                size,
                variables.get("first"),
                caller.viewer(),
                pair.first().medianUs(),
                pair.first().p99Us(),
                pair.second().medianUs(),
                pair.second().p99Us(),
                pair.ratio(),
                pair.first().runs());
        return result;
    }

    /** Adds the medians of the same request through {@code java.net.http} and the blocking client, interleaved. */
    private static void compareClients(
            ObjectNode run,
            Map<String, Object> variables,
            Client javaNetHttp,
            BlockingHttpClient blocking,
            Caller caller,
            double warmupSeconds,
            double measureSeconds)
            throws Exception {
        byte[] body = nestedBody(variables);
        Interleaved.Pair pair = Interleaved.time(
                () -> javaNetHttp.post(caller.token(), body),
                () -> blocking.post(caller.token(), body),
                Math.min(warmupSeconds, CLIENT_WARMUP_SECONDS),
                Math.min(measureSeconds, CLIENT_MEASURE_SECONDS));
        run.put("javaNetHttpMedianUs", pair.first().medianUs());
        run.put("blockingMedianUs", pair.second().medianUs());
        System.out.printf(
                "%-7d nested %-5s %-10s hubql through java.net.http %9.1f us, through the blocking client %9.1f us%n",
                run.get("size").asInt(),
                variables.get("first"),
                caller.viewer(),
                pair.first().medianUs(),
                pair.second().medianUs());
    }

    /** The JSON body that posts the nested query with these variables. */
    private static byte[] nestedBody(Map<String, Object> variables) throws IOException {
        return MAPPER.writeValueAsBytes(Map.of("query", BenchQuery.NESTED.text(), "variables", variables));
    }

    /** Fails unless the server refuses the restricted token a field it lacks the scope of: its checks do run. */
    private static void requireRestricted(Client client, Caller restricted) throws IOException, InterruptedException {
        byte[] body = MAPPER.writeValueAsBytes(Map.of("query", REFUSED_TO_RESTRICTED));
        JsonNode errors = MAPPER.readTree(client.post(restricted.token(), body)).path("errors");
        if (!ErrorCodes.FORBIDDEN.equals(
                errors.path(0).path("extensions").path("code").asText())) {
            throw new IllegalStateException("the restricted bench token is not restricted: " + errors);
        }
    }

    /** One HTTP/1.1 keep-alive connection, used by one thread: each call posts and reads the whole answer. */
    private static final class Client {
        private final HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final URI url;

        Client(URI url) {
            this.url = url;
        }

        byte[] post(String token, byte[] body) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .header("Authorization", "token " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        }
    }
}
