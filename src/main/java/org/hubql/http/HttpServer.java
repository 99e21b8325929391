package org.hubql.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.plugin.bundled.CorsPluginConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.hubql.auth.TokenAuthenticator;
import org.hubql.db.Database;
import org.hubql.db.DatabaseUnavailableException;
import org.hubql.db.Readiness;
import org.hubql.graph.ErrorCodes;
import org.hubql.graph.HubGraph;
import org.hubql.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP face of hubql: every route, and how every failure becomes a JSON answer. */
public final class HttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final Javalin app;

    /**
     * Every route under {@code options.basePath()}. Without an authenticator every request is the local operator,
     * who holds every scope ({@code --no-auth}). Every answered request is reported to {@code metrics} and logged
     * ({@link AccessLog}).
     */
    public HttpServer(
            HubGraph graph,
            Database database,
            HttpOptions options,
            Optional<TokenAuthenticator> authenticator,
            Metrics metrics) {
        ObjectMapper mapper = new ObjectMapper();
        GraphQLHandler graphQL = new GraphQLHandler(graph, mapper, options.trace(), options.documents());
        Optional<HubOAuth> login = options.service() instanceof ServiceMode.Service service
                        && service.login() instanceof ServiceMode.Login.OAuth oauth
                ? Optional.of(new HubOAuth(oauth, options.basePath(), mapper))
                : Optional.empty();
        Authentication authentication = authenticator
                .map(tokens -> Authentication.byToken(tokens, options.service(), login))
                .orElseGet(Authentication::open);
        GraphiQLPage graphiQL = new GraphiQLPage(authentication, login);
        MetricsEndpoint metricsEndpoint = new MetricsEndpoint(metrics, authentication, options.metricsOpen());
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = options.maxRequestBytes();
            config.http.compressionStrategy = gzipAnswersFirst();
            config.router.contextPath = options.basePath();
            config.jetty.modifyServer(server -> {
                guard(server, options.connections(), mapper);
                server.setRequestLog(new AccessLog(metrics, options.basePath(), routes(login)));
            });
            config.jetty.modifyHttpConfiguration(http -> {
                // Jetty reuses header fields seen earlier on a connection, matched ignoring case; tokens are
                // case-sensitive
                http.setHeaderCacheCaseSensitive(true);
            });
            config.staticFiles.enableWebjars();
            if (!options.corsOrigins().isEmpty()) {
                config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> allow(rule, options.corsOrigins())));
            }
            config.routes.before("/graphql", ctx -> authorizeThenRead(ctx, authentication));
            config.routes.before("/schema.graphql", authentication::check);
            config.routes.before("/metrics", metricsEndpoint::authorize);
            config.routes.get("/", graphiQL::serve);
            config.routes.get("/graphql", graphQL::get);
            config.routes.post("/graphql", graphQL::post);
            config.routes.get("/schema.graphql", ctx -> schema(ctx, graph, mapper));
            config.routes.get("/livez", ctx -> ctx.json(Map.of("status", "ok")));
            config.routes.get("/readyz", ctx -> health(ctx, database, mapper));
            config.routes.get("/healthz", ctx -> health(ctx, database, mapper));
            config.routes.get("/metrics", metricsEndpoint::serve);
            login.ifPresent(oauth -> {
                config.routes.get(oauth.callbackRoute(), oauth::callback);
                config.routes.get("/logout", oauth::logout);
            });
            config.routes.exception(HttpProblem.class, (problem, ctx) -> problem(ctx, mapper, problem));
            config.routes.exception(DatabaseUnavailableException.class, (error, ctx) -> {
                ctx.header("Retry-After", "1");
                problem(ctx, mapper, 503, ErrorCodes.DATABASE_UNAVAILABLE, error.getMessage());
            });
            config.routes.exception(
                    HttpResponseException.class,
                    (error, ctx) -> problem(
                            ctx,
                            mapper,
                            error.getStatus(),
                            error.getStatus() == 413 ? ErrorCodes.PAYLOAD_TOO_LARGE : ErrorCodes.BAD_REQUEST,
                            error.getMessage()));
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

    /**
     * Javalin's gzip (its default), with the GraphQL answers' own content types allowed first: otherwise it asks
     * whether each response's type contains any of some fifty excluded types, ignoring case (3.4 % of the CPU a
     * one-user answer costs), before it looks at the size.
     */
    private static CompressionStrategy gzipAnswersFirst() {
        CompressionStrategy gzip = new CompressionStrategy(null, new Gzip());
        gzip.setAllowedMimeTypes(List.of(MediaTypes.JSON_UTF8, MediaTypes.GRAPHQL_RESPONSE_UTF8));
        return gzip;
    }

    /** The paths of the routes above, for the metrics' {@code route} label; any other path is "unmatched". */
    private static Set<String> routes(Optional<HubOAuth> login) {
        Set<String> routes = new HashSet<>(
                List.of("/", "/graphql", "/schema.graphql", "/livez", "/readyz", "/healthz", "/metrics", "/webjars"));
        login.ifPresent(oauth -> routes.addAll(List.of(oauth.callbackRoute(), "/logout")));
        return routes;
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

    /**
     * Jetty's side of robustness: its own refusals answer JSON, connections are capped, idle ones closed, and a
     * stop lets requests in flight finish (within the shutdown timeout) before connections close, so that no
     * client gets half a body.
     */
    private static void guard(Server server, HttpOptions.Connections connections, ObjectMapper mapper) {
        server.addEventListener(new IdleTimeoutOnConnectors(connections.idleTimeout()));
        server.setErrorHandler(new JettyErrors(mapper));
        server.setStopTimeout(connections.shutdownTimeout().toMillis());
        server.setHandler(new GracefulHandler());
        server.addBean(new NetworkConnectionLimit(connections.maxConnections(), server));
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

    /** The largest body read from a request that is then refused, so that the refusal reaches the client. */
    private static final long DRAINED_WHEN_REFUSED = 64 * 1024;

    /**
     * Authorizes the request from its headers, then reads its body. A refused request's body is read only when it
     * is small: closing a connection over unread data resets it, and the client would never see the refusal; a
     * larger one (a client that trickles a large body without a valid token) gets its answer and a closed
     * connection at once, without holding a thread.
     */
    private static void authorizeThenRead(Context ctx, Authentication authentication) {
        try {
            authentication.check(ctx);
        } catch (HttpProblem refused) {
            long length = ctx.contentLength();
            if (ctx.method().name().equals("POST") && length >= 0 && length <= DRAINED_WHEN_REFUSED) {
                readWholeBody(ctx);
            } else {
                ctx.header("Connection", "close");
            }
            throw refused;
        }
        readWholeBody(ctx);
    }

    /**
     * Reads a POST body once the request is known to be authorized (a client without a valid token gets its answer
     * from the headers alone, and the connection is closed), before anything else can refuse it: a response sent
     * over an unread body makes Jetty drop the connection. Bodies over the limit are a 413; a client that goes away
     * mid-upload is one line in the log.
     */
    private static void readWholeBody(Context ctx) {
        if (!ctx.method().name().equals("POST")) {
            return;
        }
        try {
            ctx.bodyAsBytes();
        } catch (Exception e) { // Jetty's early EOF arrives unchecked through Kotlin, though it is an IOException
            if (!(e instanceof HttpResponseException) && causedByIo(e)) {
                LOG.warn("The client went away while uploading {} {}: {}", ctx.method(), ctx.path(), rootMessage(e));
                ctx.header("Connection", "close");
                throw new HttpProblem(400, ErrorCodes.BAD_REQUEST, "the request body ended early");
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private static boolean causedByIo(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static void schema(Context ctx, HubGraph graph, ObjectMapper mapper) {
        if (!graph.introspection()) {
            problem(
                    ctx,
                    mapper,
                    404,
                    ErrorCodes.INTROSPECTION_DISABLED,
                    "the schema is not served: introspection is off");
            return;
        }
        ctx.contentType("text/plain; charset=utf-8").result(graph.sdl());
    }

    /** How long {@code /readyz} waits for the database before it answers 503 itself. */
    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(1);

    private static void health(Context ctx, Database database, ObjectMapper mapper) throws IOException {
        Readiness readiness = database.readiness(READINESS_TIMEOUT);
        Map<String, String> body = readiness.ready()
                ? Map.of("status", "ok")
                : Map.of("status", "database unavailable", "reason", readiness.reason());
        ctx.status(readiness.ready() ? 200 : 503)
                .contentType("application/json")
                .result(mapper.writeValueAsBytes(body));
    }

    private static void problem(Context ctx, ObjectMapper mapper, HttpProblem problem) {
        if (problem.requiredScopes().isEmpty()) {
            problem(ctx, mapper, problem.status(), problem.code(), problem.getMessage());
            return;
        }
        Map<String, Object> extensions = Map.of("code", problem.code(), "requiredScopes", problem.requiredScopes());
        try {
            ctx.status(problem.status())
                    .contentType("application/json; charset=utf-8")
                    .result(mapper.writeValueAsBytes(Map.of(
                            "errors", List.of(Map.of("message", problem.getMessage(), "extensions", extensions)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void problem(Context ctx, ObjectMapper mapper, int status, String code, String message) {
        try {
            ctx.status(status)
                    .header("Cache-Control", HttpCaching.NO_STORE)
                    .contentType("application/json; charset=utf-8")
                    .result(mapper.writeValueAsBytes(GraphQLHandler.errorBody(message, code)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
