package org.hubql.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.javalin.plugin.bundled.CorsPluginConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hubql.auth.TokenAuthenticator;
import org.hubql.db.Database;
import org.hubql.graph.ErrorCodes;
import org.hubql.graph.HubGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP face of hubql: every route, and how every failure becomes a JSON answer. */
public final class HttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final Javalin app;

    /**
     * Every route under {@code options.basePath()}. Without an authenticator every request is the local operator,
     * who holds every scope ({@code --no-auth}).
     */
    public HttpServer(HubGraph graph, Database database, HttpOptions options, Optional<TokenAuthenticator> authenticator) {
        ObjectMapper mapper = new ObjectMapper();
        GraphQLHandler graphQL = new GraphQLHandler(graph, mapper, options.trace());
        Optional<HubOAuth> login = options.service() instanceof ServiceMode.Service service
                && service.login() instanceof ServiceMode.Login.OAuth oauth
                ? Optional.of(new HubOAuth(oauth, options.basePath(), mapper)) : Optional.empty();
        Authentication authentication = authenticator
                .map(tokens -> Authentication.byToken(tokens, options.service(), login))
                .orElseGet(Authentication::open);
        GraphiQLPage graphiQL = new GraphiQLPage(authentication, login);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = options.maxRequestBytes();
            config.router.contextPath = options.basePath();
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(mapper)));
            // Jetty reuses header fields seen earlier on a connection, matched ignoring case; tokens are case-sensitive
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
            config.staticFiles.enableWebjars();
            if (!options.corsOrigins().isEmpty()) {
                config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> allow(rule, options.corsOrigins())));
            }
            config.routes.before("/graphql", HttpServer::readWholeBody);
            config.routes.before("/graphql", authentication::check);
            config.routes.before("/schema.graphql", authentication::check);
            config.routes.get("/", graphiQL::serve);
            config.routes.get("/graphql", graphQL::get);
            config.routes.post("/graphql", graphQL::post);
            config.routes.get("/schema.graphql", ctx -> schema(ctx, graph, mapper));
            config.routes.get("/healthz", ctx -> health(ctx, database, mapper));
            login.ifPresent(oauth -> {
                config.routes.get(oauth.callbackRoute(), oauth::callback);
                config.routes.get("/logout", oauth::logout);
            });
            config.routes.exception(HttpProblem.class, (problem, ctx) -> problem(ctx, mapper, problem.status(),
                    problem.code(), problem.getMessage()));
            config.routes.exception(HttpResponseException.class, (error, ctx) -> problem(ctx, mapper, error.getStatus(),
                    error.getStatus() == 413 ? ErrorCodes.PAYLOAD_TOO_LARGE : ErrorCodes.BAD_REQUEST, error.getMessage()));
            config.routes.exception(Exception.class, (error, ctx) -> {
                LOG.error("Unexpected error serving {} {}", ctx.method(), ctx.path(), error);
                problem(ctx, mapper, 500, ErrorCodes.INTERNAL_ERROR, "internal error");
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    problem(ctx, mapper, 404, ErrorCodes.NOT_FOUND, "no such path: " + ctx.path());
                }
            });
            config.routes.error(405, ctx -> problem(ctx, mapper, 405, ErrorCodes.BAD_REQUEST, "method not allowed"));
        });
    }

    /** The listed origins (or any, for {@code *}) may call the API from their pages, without cookies. */
    private static void allow(CorsPluginConfig.CorsRule rule, List<String> origins) {
        if (origins.contains("*")) {
            rule.anyHost();
        } else {
            rule.allowHost(origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
        }
        rule.allowCredentials = false;
        rule.maxAge = 600;
    }

    public HttpServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }

    /**
     * Reads a POST body before anything can refuse the request: a response sent over an unread body makes Jetty
     * drop the connection, and the client sees a reset instead of the answer. Bodies over the limit are a 413.
     */
    private static void readWholeBody(Context ctx) {
        if (ctx.method().name().equals("POST")) {
            ctx.bodyAsBytes();
        }
    }

    private static void schema(Context ctx, HubGraph graph, ObjectMapper mapper) {
        if (!graph.introspection()) {
            problem(ctx, mapper, 404, ErrorCodes.INTROSPECTION_DISABLED, "the schema is not served: introspection is off");
            return;
        }
        ctx.contentType("text/plain; charset=utf-8").result(graph.sdl());
    }

    private static void health(Context ctx, Database database, ObjectMapper mapper) throws IOException {
        boolean up = database.ping();
        ctx.status(up ? 200 : 503).contentType("application/json")
                .result(mapper.writeValueAsBytes(Map.of("status", up ? "ok" : "database unavailable")));
    }

    private static void problem(Context ctx, ObjectMapper mapper, int status, String code, String message) {
        try {
            ctx.status(status).contentType("application/json; charset=utf-8")
                    .result(mapper.writeValueAsBytes(GraphQLHandler.errorBody(message, code)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
