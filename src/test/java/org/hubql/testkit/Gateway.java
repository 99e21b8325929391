package org.hubql.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small HTTP client of a running gateway, for tests: {@link RunningGateway}, or the one {@link GatewayExtension} serves. */
public interface Gateway {
    HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    URI uri(String path);

    /** A request builder carrying this gateway's token, if it has one. */
    HttpRequest.Builder authorized(HttpRequest.Builder builder);

    /** The same server, sending {@code Authorization: token <token>} with every request (null: no header). */
    Gateway as(String token);

    /** POSTs a query (and variables, if any) and returns the parsed JSON response; fails unless the status is 200. */
    default JsonNode query(String query, Map<String, Object> variables) {
        HttpResponse<String> response =
                post(RunningGateway.json(Map.of("query", query, "variables", variables)), "application/json");
        if (response.statusCode() != 200) {
            throw new AssertionError("status " + response.statusCode() + ": " + response.body());
        }
        return RunningGateway.parse(response.body());
    }

    default JsonNode query(String query) {
        return query(query, Map.of());
    }

    /** The {@code data} of a query that must succeed without errors. */
    default JsonNode data(String query, Map<String, Object> variables) {
        JsonNode response = query(query, variables);
        if (response.has("errors")) {
            throw new AssertionError("errors: " + response.get("errors"));
        }
        return response.get("data");
    }

    default JsonNode data(String query) {
        return data(query, Map.of());
    }

    /** Every {@code id} in {@code data}, in document order. */
    static List<String> ids(JsonNode data) {
        List<String> ids = new ArrayList<>();
        data.findValues("id").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** The ids of what {@code nodes(ids:)} answers for {@code ids}, in order; an id that resolves gives itself. */
    default List<String> nodeIds(List<String> ids) {
        JsonNode nodes = data("query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }", Map.of("ids", ids))
                .get("nodes");
        List<String> resolved = new ArrayList<>();
        nodes.forEach(node -> resolved.add(node.get("id").asText()));
        return resolved;
    }

    default HttpResponse<String> post(String body, String contentType) {
        return send(authorized(HttpRequest.newBuilder(uri("/graphql")))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    default HttpResponse<String> get(String path) {
        return send(authorized(HttpRequest.newBuilder(uri(path))).GET().build());
    }

    default HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
