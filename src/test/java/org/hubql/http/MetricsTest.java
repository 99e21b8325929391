package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.hubql.testkit.Gateway;
import org.hubql.testkit.GatewayExtension;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /metrics}: the Prometheus text a scrape gets after a few queries, and who may read it: a token whose
 * scopes include {@code read:metrics} (root's, through JupyterHub's admin role, on {@code hub-5.5-access.sql}).
 */
class MetricsTest {
    private static final String ROOT = "r00tr00tr00tr00tr00tr00tr00tr00t";
    private static final String ROOT_NARROWED = "narrnarrnarrnarrnarrnarrnarrnarr";

    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.serving(directory ->
                    TestHub.sqlite(directory.resolve("access.sqlite"), "schema-5.5.1.sql", "hub-5.5-access.sql"))
            .withAuth();

    @Test
    void without_a_token_the_metrics_are_refused_with_401() {
        HttpResponse<String> response = gateway.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(RunningGateway.parse(response.body())
                        .at("/errors/0/extensions/code")
                        .asText())
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void a_token_without_read_metrics_is_refused_with_403_naming_the_scope() {
        HttpResponse<String> response = gateway.as(ROOT_NARROWED).get("/metrics");

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode extensions = RunningGateway.parse(response.body()).at("/errors/0/extensions");
        assertThat(extensions.get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(extensions.get("requiredScopes").toString()).isEqualTo("[\"read:metrics\"]");
    }

    @Test
    void a_token_with_read_metrics_through_its_role_reads_them_in_the_prometheus_format() {
        HttpResponse<String> response = gateway.as(ROOT).get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        assertThat(response.body())
                .contains("hikaricp_connections{pool=\"hubql\"}")
                .contains("hikaricp_connections_active{pool=\"hubql\"}")
                .contains("jvm_memory_used_bytes{area=\"heap\"")
                .contains("jvm_gc_")
                .contains("jvm_threads_live_threads");
    }

    @Test
    void operations_count_by_name_and_outcome_with_their_sql_and_batches() {
        Gateway root = gateway.as(ROOT);
        root.data("query Dashboard { users(first: 10) { nodes { name spawners { name } } } }");
        root.data("query Dashboard { users(first: 10) { nodes { name spawners { name } } } }");
        root.data("{ hub { engine } }");

        String metrics = scrapeUntil(
                root, "hubql_graphql_requests_seconds_count{operation=\"Dashboard\",outcome=\"success\"} 2");

        assertThat(metrics)
                .contains("hubql_graphql_requests_seconds_bucket{operation=\"Dashboard\",outcome=\"success\",le=")
                .contains("hubql_graphql_requests_seconds_count{operation=\"(anonymous)\",outcome=\"success\"}")
                .containsPattern("hubql_sql_statements_total [1-9]")
                .contains("hubql_graphql_sql_statements_count")
                .contains("hubql_graphql_sql_seconds_count")
                .contains("hubql_dataloader_batch_size_count{loader=\"spawnersByUserId\"}")
                .contains("hubql_http_requests_seconds_count{method=\"POST\",route=\"/graphql\",status=\"200\"}")
                .contains("hubql_auth_cache_requests_total{result=\"hit\"}")
                .contains("hubql_auth_cache_requests_total{result=\"miss\"}");
    }

    @Test
    void a_refused_field_counts_its_error_code() {
        JsonNode refused = gateway.as(ROOT_NARROWED)
                .query("query Tokens { users(first: 2) { nodes { name apiTokens { databaseId } } } }");
        assertThat(RunningGateway.forbidden(refused)).isNotEmpty();

        String metrics = scrapeUntil(gateway.as(ROOT), "outcome=\"partial\"");

        assertThat(metrics)
                .containsPattern("hubql_graphql_errors_total\\{code=\"FORBIDDEN\"} [1-9]")
                .contains("hubql_graphql_requests_seconds_count{operation=\"Tokens\",outcome=\"partial\"}");
    }

    @Test
    void documents_that_do_not_run_count_as_no_operation_and_their_text_and_variables_never_appear() {
        Gateway root = gateway.as(ROOT);
        root.query("query Secret($name: String!) { nonsense(name: $name) }", Map.of("name", "variable-value-4711"));

        String metrics = scrapeUntil(root, "code=\"GRAPHQL_VALIDATION_FAILED\"");

        assertThat(metrics)
                .contains("hubql_graphql_requests_seconds_count{operation=\"(none)\",outcome=\"error\"}")
                .doesNotContain("Secret", "nonsense", "variable-value-4711", ROOT);
    }

    @Test
    void refusals_and_unknown_paths_count_under_bounded_routes() {
        gateway.get("/graphql?query=%7Bhub%7Bengine%7D%7D");
        gateway.get("/no/such/path/12345");

        String metrics = scrapeUntil(gateway.as(ROOT), "route=\"(unmatched)\"", "status=\"401\"");

        assertThat(metrics)
                .contains("hubql_http_requests_seconds_count{method=\"GET\",route=\"/graphql\",status=\"401\"}")
                .contains("hubql_http_requests_seconds_count{method=\"GET\",route=\"(unmatched)\",status=\"404\"}")
                .doesNotContain("12345");
    }

    /**
     * Scrapes until every one of {@code expected} shows (a request is counted once its answer is sent, which the
     * client may see first, and two requests' counts may land in either order), for at most 10 s.
     */
    static String scrapeUntil(Gateway reader, String... expected) {
        String metrics = "";
        for (int attempt = 0; attempt < 100 && !containsAll(metrics, expected); attempt++) {
            if (attempt > 0) {
                pause();
            }
            HttpResponse<String> response =
                    reader.send(reader.authorized(HttpRequest.newBuilder(reader.uri("/metrics")))
                            .GET()
                            .build());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            metrics = response.body();
        }
        assertThat(metrics).contains(expected);
        return metrics;
    }

    private static boolean containsAll(String text, String... parts) {
        for (String part : parts) {
            if (!text.contains(part)) {
                return false;
            }
        }
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
