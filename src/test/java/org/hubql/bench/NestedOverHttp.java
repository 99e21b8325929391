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
import java.util.List;
import java.util.Map;
import org.hubql.db.DatabaseLocation;
import org.hubql.graph.ErrorCodes;

/**
 * Issue 14's nested query ({@link BenchQuery#NESTED}) posted to a running {@code hubql serve} against the
 * {@link Baseline} in process on the same hub, {@link Interleaved interleaved} call by call, as the admin and as
 * the restricted viewer: HTTP is hubql's cost to carry. Writes {@code nested-http-<size>.json}.
 *
 * <p>Usage: {@code NestedOverHttp HUB SIZE URL ADMIN_TOKEN OUT_DIR WARMUP_SECONDS MEASURE_SECONDS FIRST...}, where
 * {@code HUB} is what the server was started with and each {@code FIRST} a page size. One keep-alive client posts
 * the JSON body and reads the whole answer; before timing, each answer's {@code data} must equal the baseline's.
 */
public final class NestedOverHttp {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Needs {@code read:hub}, which the restricted viewer lacks: its token must be refused it. */
    private static final String REFUSED_TO_RESTRICTED = "{ hub { userCount } }";

    private NestedOverHttp() {}

    /** Whom a run authenticates as, by their token. */
    private record Caller(String viewer, String token) {}

    public static void main(String[] args) throws Exception {
        DatabaseLocation hub = DatabaseLocation.parse(args[0]);
        int size = Integer.parseInt(args[1]);
        Client client = new Client(URI.create(args[2]));
        Path out = Path.of(args[4]);
        double warmupSeconds = Double.parseDouble(args[5]);
        double measureSeconds = Double.parseDouble(args[6]);
        Caller restricted = new Caller("restricted", RestrictedToken.mint(hub));
        requireRestricted(client, restricted);
        List<Caller> callers = List.of(new Caller("admin", args[3]), restricted);
        ObjectNode report = MAPPER.createObjectNode();
        report.put("size", size);
        ArrayNode runs = report.putArray("runs");
        try (Baseline baseline = new Baseline(hub)) {
            for (int i = 7; i < args.length; i++) {
                Map<String, Object> variables = BenchQuery.nestedVariables(Integer.parseInt(args[i]));
                for (Caller caller : callers) {
                    runs.add(measure(size, variables, client, caller, baseline, warmupSeconds, measureSeconds));
                }
            }
        }
        MAPPER.writerWithDefaultPrettyPrinter()
                .writeValue(out.resolve("nested-http-" + size + ".json").toFile(), report);
    }

    private static ObjectNode measure(
            int size,
            Map<String, Object> variables,
            Client client,
            Caller caller,
            Baseline baseline,
            double warmupSeconds,
            double measureSeconds)
            throws Exception {
        byte[] body = MAPPER.writeValueAsBytes(Map.of("query", BenchQuery.NESTED.text(), "variables", variables));
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
