package org.hubql.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.hubql.App;
import org.hubql.ServeOptions;
import org.hubql.db.DatabaseLocation;
import org.hubql.db.DatabaseOpenException;
import org.hubql.demo.DemoHub;
import org.hubql.demo.DemoHubException;
import org.hubql.demo.DemoHubSummary;
import org.hubql.graph.GraphOptions;
import org.hubql.graph.PageSize;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hubql serve}: opens a hub database read-only and serves it over HTTP. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a JupyterHub database as GraphQL (a generated demo hub when --db is not given).")
final class ServeCommand implements Callable<Integer> {
    private static final int DEMO_USERS = 300;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", paramLabel = "PATH|URL", description = "The hub database, opened read-only: a jupyterhub.sqlite "
            + "path, a JDBC URL (jdbc:postgresql://…, jdbc:mariadb://…, jdbc:mysql://…) or the SQLAlchemy URL of "
            + "jupyterhub_config.py (postgresql://user@host/db, mysql+pymysql://…).")
    String database;

    @Option(names = "--db-password-file", paramLabel = "FILE", description = "Read the database password from the first "
            + "line of FILE (else from the environment variable HUBQL_DB_PASSWORD, else from the URL).")
    Path passwordFile;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--trace", description = "Add the SQL each request ran to extensions.sql of its response.")
    boolean trace;

    @Option(names = "--no-auth", description = "Serve without authentication (local use only).")
    boolean noAuth;

    @Option(names = "--default-page-size", defaultValue = "100", description = "Rows per page when `first` is not given (default: ${DEFAULT-VALUE}).")
    int defaultPageSize;

    @Option(names = "--max-page-size", defaultValue = "1000", description = "Largest `first` accepted (default: ${DEFAULT-VALUE}).")
    int maxPageSize;

    @Option(names = "--request-timeout", defaultValue = "30", paramLabel = "SECONDS", description = "Time limit of one request; running SQL is cancelled past it (default: ${DEFAULT-VALUE}).")
    int requestTimeoutSeconds;

    @Option(names = "--max-request-bytes", defaultValue = "262144", description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
    long maxRequestBytes;

    @Override
    public Integer call() {
        validate();
        DatabaseLocation hub = database == null ? DatabaseLocation.sqlite(demoHub()) : location();
        try {
            GraphOptions graph = new GraphOptions(new PageSize(defaultPageSize, maxPageSize), Duration.ofSeconds(requestTimeoutSeconds));
            App app = App.start(new ServeOptions(hub, bind, port, trace, graph, maxRequestBytes));
            Runtime.getRuntime().addShutdownHook(new Thread(app::close, "hubql-shutdown"));
            return HubqlCommand.KEEP_RUNNING;
        } catch (DatabaseOpenException e) {
            spec.commandLine().getErr().println("hubql: " + e.getMessage());
            return HubqlCommand.EXIT_USAGE;
        }
    }

    private void validate() {
        if (port < 0 || port > 65535) {
            throw usage("--port must be between 0 and 65535; got " + port);
        }
        if (maxPageSize < 1 || defaultPageSize < 1 || defaultPageSize > maxPageSize) {
            throw usage("page sizes must satisfy 1 <= --default-page-size <= --max-page-size");
        }
        if (requestTimeoutSeconds < 1) {
            throw usage("--request-timeout must be at least 1 second");
        }
        if (maxRequestBytes < 1024) {
            throw usage("--max-request-bytes must be at least 1024");
        }
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw usage("--bind is not an address of this machine: " + bind);
        }
    }

    private DatabaseLocation location() {
        try {
            return DatabaseLocation.parse(database).withPasswordFrom(passwordFile, System.getenv());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        } catch (IOException e) {
            throw usage("cannot read --db-password-file " + passwordFile + ": " + e.getMessage());
        }
    }

    private Path demoHub() {
        try {
            Path directory = Files.createTempDirectory("hubql-demo-");
            DemoHubSummary demo = DemoHub.write(directory.resolve("jupyterhub.sqlite"), DEMO_USERS, 42);
            directory.toFile().deleteOnExit();
            demo.file().toFile().deleteOnExit();
            spec.commandLine().getOut().printf("Serving a generated demo hub with %d users: %s%n", demo.users(), demo.file());
            return demo.file();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DemoHubException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
