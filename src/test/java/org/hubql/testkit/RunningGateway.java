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
import org.hubql.auth.AuthOptions;
import org.hubql.db.DatabaseLocation;
import org.hubql.db.DatabaseOpenException;
import org.hubql.graph.GraphOptions;
import org.hubql.http.HttpOptions;

/** hubql serving a hub file on a random local port, with a small HTTP client for tests. */
public final class RunningGateway implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final App app;
    private final String token;
    private final String basePath;

    private RunningGateway(App app, String token, String basePath) {
        this.app = app;
        this.token = token;
        this.basePath = basePath.equals("/") ? "" : basePath;
    }

    public static RunningGateway serve(Path hub, boolean trace) {
        return serve(hub, trace, GraphOptions.defaults());
    }

    /** Serves with authentication off, as {@code --no-auth} on loopback does: every request sees everything. */
    public static RunningGateway serve(Path hub, boolean trace, GraphOptions graph) {
        return serve(DatabaseLocation.sqlite(hub), trace, graph, AuthOptions.disabled());
    }

    public static RunningGateway serve(DatabaseLocation hub, boolean trace) {
        return serve(hub, trace, GraphOptions.defaults(), AuthOptions.disabled());
    }

    /** Serves with authentication as configured; send tokens with {@link #as(String)}. */
    public static RunningGateway serve(Path hub, boolean trace, GraphOptions graph, AuthOptions auth) {
        return serve(DatabaseLocation.sqlite(hub), trace, graph, auth);
    }

    public static RunningGateway serve(DatabaseLocation hub, boolean trace, GraphOptions graph, AuthOptions auth) {
        try {
            HttpOptions http = HttpOptions.standalone(trace, 262_144);
            // a test that stops its gateway while its own client still holds a connection need not wait 10 s
            return serve(hub, graph, new HttpOptions(http.trace(), http.maxRequestBytes(), http.basePath(), http.corsOrigins(),
                    http.service(), new HttpOptions.Connections(Duration.ofSeconds(10), 1024, Duration.ofSeconds(2))), auth);
        } catch (DatabaseOpenException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves with every HTTP option as given: a base path, CORS origins, a JupyterHub service. */
    public static RunningGateway serve(DatabaseLocation hub, GraphOptions graph, HttpOptions http, AuthOptions auth)
            throws DatabaseOpenException {
        return new RunningGateway(App.start(new ServeOptions(hub, "127.0.0.1", 0, graph, http, auth)), null, http.basePath());
    }

    /** The same server, sending {@code Authorization: token <token>} with every request (null: no header). */
    public RunningGateway as(String token) {
        return new RunningGateway(app, token, basePath.isEmpty() ? "/" : basePath);
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

    /** The paths ({@code user.spawners.0.state}) of the response's {@code FORBIDDEN} errors, sorted. */
    public static java.util.List<String> forbidden(JsonNode response) {
        java.util.List<String> paths = new java.util.ArrayList<>();
        response.path("errors").forEach(error -> {
            if ("FORBIDDEN".equals(error.at("/extensions/code").asText())) {
                java.util.List<String> parts = new java.util.ArrayList<>();
                error.get("path").forEach(part -> parts.add(part.asText()));
                paths.add(String.join(".", parts));
            }
        });
        paths.sort(null);
        return paths;
    }

    public HttpResponse<String> post(String body, String contentType) {
        return send(authorized(HttpRequest.newBuilder(uri(basePath + "/graphql"))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A request builder carrying this gateway's token, if it has one. */
    public HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        return token == null ? builder : builder.header("Authorization", "token " + token);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(authorized(HttpRequest.newBuilder(uri(path))).GET().build());
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

    /** Stops the server; a view made by {@link #as(String)} shares it, so close only the original. */
    @Override
    public void close() {
        app.close();
    }
}
