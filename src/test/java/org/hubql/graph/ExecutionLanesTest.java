package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.CoercedVariables;
import graphql.parser.Parser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.hubql.db.Database;
import org.hubql.db.SqlTrace;
import org.hubql.demo.DemoHub;
import org.hubql.http.HttpOptions;
import org.hubql.http.HttpServer;
import org.hubql.metrics.Metrics;
import org.hubql.scopes.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over HTTP: a cheap query is answered while the heavy lane is full and a heavy query waits in line; one heavy query
 * more than the line holds is refused at once with 503, {@code Retry-After} and code {@code OVERLOADED}.
 */
@Tag("slow")
class ExecutionLanesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HEAVY = "{ users(first: 1000) { nodes { name spawners { name } groups { name } } } }";
    private static final String LIGHT = "{ user(name: \"admin\") { name } }";

    @TempDir
    Path directory;

    private Database database;
    private ExecutionLanes lanes;
    private HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void serve() throws Exception {
        database = Database.openSqlite(
                DemoHub.write(directory.resolve("hub.sqlite"), 50, 3).file(), 4);
        GraphOptions options = GraphOptions.defaults();
        lanes = new ExecutionLanes(2, options.requestTimeout(), 1);
        server = new HttpServer(
                        new HubGraph(database, options, lanes),
                        database,
                        HttpOptions.standalone(false, 262_144),
                        Optional.empty(),
                        new Metrics())
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
        database.close();
    }

    @Test
    void the_query_costs_put_the_heavy_and_the_light_query_in_different_lanes() {
        assertThat(costOf(HEAVY)).isGreaterThanOrEqualTo(ExecutionLanes.HEAVY_COST);
        assertThat(costOf(LIGHT)).isLessThan(ExecutionLanes.HEAVY_COST);
    }

    @Test
    void a_light_query_is_answered_while_heavy_ones_wait_and_one_too_many_is_refused() throws Exception {
        Semaphore heavySlots = lanes.heavySlots();
        int all = heavySlots.availablePermits();
        heavySlots.acquire(all);
        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> post(HEAVY));
        awaitHeavyWaiting(1);

        HttpResponse<String> light = post(LIGHT);
        assertThat(light.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(light.body()).at("/data/user/name").asText()).isEqualTo("admin");
        assertThat(waiting).as("the heavy query still waits for its lane").isNotDone();

        HttpResponse<String> refused = post(HEAVY);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValue(String.valueOf(Overloaded.RETRY_AFTER_SECONDS));
        JsonNode error = MAPPER.readTree(refused.body()).at("/errors/0");
        assertThat(error.at("/extensions/code").asText()).isEqualTo(ErrorCodes.OVERLOADED);
        assertThat(error.get("message").asText()).contains("retry");

        heavySlots.release(all);
        HttpResponse<String> served = waiting.get(60, TimeUnit.SECONDS);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(served.body()).at("/data/users/nodes").size())
                .isPositive();
        assertThat(heavySlots.availablePermits()).as("every slot is given back").isEqualTo(all);
        assertThat(lanes.lightSlots().availablePermits()).isEqualTo(4);
    }

    @Test
    void a_heavy_answer_is_rendered_before_its_slot_is_given_back() {
        Semaphore heavySlots = lanes.heavySlots();
        int all = heavySlots.availablePermits();
        HubGraph graph = new HubGraph(database, GraphOptions.defaults(), lanes);

        int freeWhileRendering = graph.execute(
                new GraphRequest(HEAVY, null, null),
                new SqlTrace(false),
                Viewer.local(),
                result -> heavySlots.availablePermits());

        assertThat(freeWhileRendering).isEqualTo(all - 1);
        assertThat(heavySlots.availablePermits()).isEqualTo(all);
    }

    private int costOf(String query) {
        GraphOptions options = GraphOptions.defaults();
        return QueryComplexityCalculator.newCalculator()
                .fieldComplexityCalculator(new QueryCost(options.pageSize()))
                .schema(new HubGraph(database, options).schema())
                .document(Parser.parse(query))
                .variables(CoercedVariables.emptyVariables())
                .build()
                .calculate();
    }

    /** The heavy request is in line once the lane counts it; it cannot get further while the slots are held. */
    private void awaitHeavyWaiting(int expected) throws InterruptedException {
        for (int i = 0; i < 600 && lanes.heavyWaiting() < expected; i++) {
            Thread.sleep(50);
        }
        assertThat(lanes.heavyWaiting()).isEqualTo(expected);
    }

    private HttpResponse<String> post(String query) {
        try {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/graphql"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    MAPPER.writeValueAsString(Map.of("query", query))))
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
