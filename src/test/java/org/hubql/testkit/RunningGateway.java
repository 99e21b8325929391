package org.hubql.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hubql.App;
import org.hubql.ServeOptions;
import org.hubql.auth.AuthOptions;
import org.hubql.db.DatabaseLocation;
import org.hubql.db.DatabaseOpenException;
import org.hubql.graph.GraphOptions;
import org.hubql.http.HttpOptions;

/** hubql serving a hub file on a random local port, with a small HTTP client for tests. */
public final class RunningGateway implements Gateway, AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
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
        return serve(hub, trace, graph, auth, UnaryOperator.identity());
    }

    /** Serves with authentication as configured and the test's HTTP options changed by {@code http}. */
    public static RunningGateway serve(
            DatabaseLocation hub,
            boolean trace,
            GraphOptions graph,
            AuthOptions auth,
            UnaryOperator<HttpOptions> http) {
        try {
            HttpOptions standalone = HttpOptions.standalone(trace, 262_144);
            // a test that stops its gateway while its own client still holds a connection need not wait 10 s
            return serve(
                    hub,
                    graph,
                    http.apply(new HttpOptions(
                            standalone.trace(),
                            standalone.maxRequestBytes(),
                            standalone.basePath(),
                            standalone.corsOrigins(),
                            standalone.service(),
                            new HttpOptions.Connections(Duration.ofSeconds(10), 1024, Duration.ofSeconds(2)))),
                    auth);
        } catch (DatabaseOpenException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves with every HTTP option as given: a base path, CORS origins, a JupyterHub service. */
    public static RunningGateway serve(DatabaseLocation hub, GraphOptions graph, HttpOptions http, AuthOptions auth)
            throws DatabaseOpenException {
        return new RunningGateway(
                App.start(new ServeOptions(hub, "127.0.0.1", 0, graph, http, auth)), null, http.basePath());
    }

    @Override
    public RunningGateway as(String token) {
        return new RunningGateway(app, token, basePath.isEmpty() ? "/" : basePath);
    }

    @Override
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    /** POSTs to {@code /graphql} under the base path the gateway serves at. */
    @Override
    public HttpResponse<String> post(String body, String contentType) {
        return send(authorized(HttpRequest.newBuilder(uri(basePath + "/graphql")))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** The paths ({@code user.spawners.0.state}) of the response's {@code FORBIDDEN} errors, sorted. */
    public static List<String> forbidden(JsonNode response) {
        List<String> paths = new ArrayList<>();
        response.path("errors").forEach(error -> {
            if ("FORBIDDEN".equals(error.at("/extensions/code").asText())) {
                List<String> parts = new ArrayList<>();
                error.get("path").forEach(part -> parts.add(part.asText()));
                paths.add(String.join(".", parts));
            }
        });
        paths.sort(null);
        return paths;
    }

    @Override
    public HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        return token == null ? builder : builder.header("Authorization", "token " + token);
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
