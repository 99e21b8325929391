package org.hubql;

import java.util.Optional;
import org.hubql.auth.TokenAuthenticator;
import org.hubql.db.Database;
import org.hubql.db.DatabaseOpenException;
import org.hubql.graph.HubGraph;
import org.hubql.http.HttpServer;
import org.hubql.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running gateway: the hub database, the graph over it and the HTTP server in front. */
public final class App implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Database database;
    private final HttpServer server;
    private final Metrics metrics;
    private boolean closed;

    private App(Database database, HttpServer server, Metrics metrics) {
        this.database = database;
        this.server = server;
        this.metrics = metrics;
    }

    /** Opens the database read-only and starts serving; port 0 picks a free port. */
    public static App start(ServeOptions options) throws DatabaseOpenException {
        LOG.info("Starting hubql...");
        Database database = Database.open(options.database());
        Metrics metrics = new Metrics();
        try {
            metrics.publish(database);
            HubGraph graph = new HubGraph(database, options.graph());
            Optional<TokenAuthenticator> authenticator = options.auth().enabled()
                    ? Optional.of(new TokenAuthenticator(database, options.auth()))
                    : Optional.empty();
            authenticator.ifPresent(metrics::publish);
            HttpServer server = new HttpServer(graph, database, options.http(), authenticator, metrics)
                    .start(options.bind(), options.port());
            String base =
                    options.http().basePath().equals("/") ? "/" : options.http().basePath() + "/";
            LOG.info(
                    "Start completed: http://{}:{}{} (GraphiQL), {}graphql",
                    hostForUrl(options.bind()),
                    server.port(),
                    base,
                    base);
            return new App(database, server, metrics);
        } catch (RuntimeException e) {
            metrics.close();
            database.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    /** Stops accepting, lets requests in flight finish (within the shutdown timeout), then closes the pool. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop();
        } catch (RuntimeException e) {
            LOG.warn("Requests or connections were still open when the shutdown timeout ran out: {}", e.toString());
        }
        database.close();
        metrics.close();
        LOG.info("Stopped");
    }

    private static String hostForUrl(String bind) {
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }
}
