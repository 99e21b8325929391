package org.hubql.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hubql.App;
import org.hubql.ServeOptions;
import org.hubql.db.DatabaseLocation;
import org.hubql.db.DatabaseOpenException;
import org.hubql.graph.GraphOptions;

/** hubql serving a hub file on a random local port, with a small HTTP client for tests. */
public final class RunningGateway implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final App app;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningGateway(App app) {
        this.app = app;
    }

    public static RunningGateway serve(Path hub, boolean trace) {
        return serve(hub, trace, GraphOptions.defaults());
    }

    public static RunningGateway serve(Path hub, boolean trace, GraphOptions graph) {
        return serve(DatabaseLocation.sqlite(hub), trace, graph);
    }

    public static RunningGateway serve(DatabaseLocation hub, boolean trace) {
        return serve(hub, trace, GraphOptions.defaults());
    }

    public static RunningGateway serve(DatabaseLocation hub, boolean trace, GraphOptions graph) {
        try {
            return new RunningGateway(App.start(new ServeOptions(hub, "127.0.0.1", 0, trace, graph, 262_144)));
        } catch (DatabaseOpenException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    /** POSTs a query (and variables, if any) and returns the parsed JSON response; fails unless the status is 200. */
    public JsonNode query(String query, Map<String, Object> variables) {
        HttpResponse<String> response = post(json(Map.of("query", query, "variables", variables)), "application/json");
        if (response.statusCode() != 200) {
            throw new AssertionError("status " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    public JsonNode query(String query) {
        return query(query, Map.of());
    }

    /** The {@code data} of a query that must succeed without errors. */
    public JsonNode data(String query, Map<String, Object> variables) {
        JsonNode response = query(query, variables);
        if (response.has("errors")) {
            throw new AssertionError("errors: " + response.get("errors"));
        }
        return response.get("data");
    }

    public JsonNode data(String query) {
        return data(query, Map.of());
    }

    public HttpResponse<String> post(String body, String contentType) {
        return send(HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
