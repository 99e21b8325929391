package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hubql.testkit.GatewayExtension;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Apollo's automatic persisted queries over POST and GET: a miss Apollo retries on, a hit, a hash that lies. */
class PersistedQueriesTest {
    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.serving(TestHub::small);

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    /** A query no other test has registered, so that each test starts with a miss. */
    private static String newQuery() {
        return "query Unique" + UNIQUE.incrementAndGet() + " { hub { engine } }";
    }

    private static String sha256(String text) {
        return DocumentHash.SHA256.digest(text);
    }

    private static Map<String, Object> persistedQuery(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    private static HttpResponse<String> post(Map<String, Object> body, String accept) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri("/graphql"))
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(RunningGateway.json(body)))
                .build());
    }

    private static HttpResponse<String> post(Map<String, Object> body) {
        return post(body, "application/json");
    }

    private static HttpResponse<String> getWithHash(String hash) {
        String extensions = URLEncoder.encode(RunningGateway.json(persistedQuery(hash)), StandardCharsets.UTF_8);
        return gateway.get("/graphql?extensions=" + extensions);
    }

    private static JsonNode firstError(HttpResponse<String> response) {
        return RunningGateway.parse(response.body()).at("/errors/0");
    }

    @Test
    void an_unknown_hash_is_persisted_query_not_found_with_status_200_as_apollo_clients_expect() {
        HttpResponse<String> response = post(Map.of("extensions", persistedQuery(sha256(newQuery()))));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(firstError(response).get("message").asText()).isEqualTo("PersistedQueryNotFound");
        assertThat(firstError(response).at("/extensions/code").asText()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void an_unknown_hash_is_a_404_for_clients_that_accept_graphql_response_json() {
        HttpResponse<String> response =
                post(Map.of("extensions", persistedQuery(sha256(newQuery()))), "application/graphql-response+json");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(firstError(response).at("/extensions/code").asText()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void the_hash_with_its_query_runs_it_and_registers_it_for_hash_only_requests() {
        String query = newQuery();
        String hash = sha256(query);
        assertThat(firstError(post(Map.of("extensions", persistedQuery(hash))))
                        .at("/extensions/code")
                        .asText())
                .isEqualTo("PERSISTED_QUERY_NOT_FOUND");

        HttpResponse<String> registered = post(Map.of("query", query, "extensions", persistedQuery(hash)));
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(RunningGateway.parse(registered.body())
                        .at("/data/hub/engine")
                        .asText())
                .isEqualTo("sqlite");

        HttpResponse<String> hit = post(Map.of("extensions", persistedQuery(hash.toUpperCase())));
        assertThat(hit.statusCode()).isEqualTo(200);
        assertThat(hit.body()).isEqualTo(registered.body());
    }

    @Test
    void a_hash_that_is_not_the_hash_of_the_query_is_a_400_and_registers_nothing() {
        String query = newQuery();
        String otherHash = sha256(newQuery());
        HttpResponse<String> response = post(Map.of("query", query, "extensions", persistedQuery(otherHash)));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(firstError(response).at("/extensions/code").asText()).isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
        assertThat(firstError(response).get("message").asText()).contains("not the SHA-256 of the query");
        assertThat(firstError(post(Map.of("extensions", persistedQuery(otherHash))))
                        .at("/extensions/code")
                        .asText())
                .isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void a_get_with_the_hash_alone_misses_then_hits_once_the_query_is_registered() {
        String query = newQuery();
        String hash = sha256(query);
        HttpResponse<String> miss = getWithHash(hash);
        assertThat(miss.statusCode()).isEqualTo(200);
        assertThat(firstError(miss).at("/extensions/code").asText()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(miss.headers().firstValue("ETag")).isEmpty();

        post(Map.of("query", query, "extensions", persistedQuery(hash)));

        HttpResponse<String> hit = getWithHash(hash);
        assertThat(hit.statusCode()).isEqualTo(200);
        assertThat(RunningGateway.parse(hit.body()).at("/data/hub/engine").asText())
                .isEqualTo("sqlite");
        assertThat(hit.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void a_registered_query_also_runs_by_its_document_id() {
        String query = newQuery();
        String hash = sha256(query);
        post(Map.of("query", query, "extensions", persistedQuery(hash)));
        for (String documentId : new String[] {"sha256:" + hash, hash}) {
            HttpResponse<String> response = post(Map.of("documentId", documentId));
            assertThat(response.statusCode()).as(documentId).isEqualTo(200);
            assertThat(RunningGateway.parse(response.body())
                            .at("/data/hub/engine")
                            .asText())
                    .isEqualTo("sqlite");
        }
    }

    @Test
    void malformed_persisted_query_requests_are_400s_with_a_reason() {
        String hash = sha256(newQuery());
        assertThat(firstError(post(Map.of(
                                "extensions", Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", hash)))))
                        .get("message")
                        .asText())
                .contains("version");
        assertThat(firstError(post(Map.of(
                                "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "abc")))))
                        .get("message")
                        .asText())
                .contains("64 hex digits");
        HttpResponse<String> both = post(Map.of("query", newQuery(), "documentId", "sha256:" + hash));
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(firstError(both).get("message").asText()).contains("not both");
    }
}
