package org.hubql.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hubql.App;
import org.hubql.ServeOptions;
import org.hubql.auth.AuthOptions;
import org.hubql.db.DatabaseLocation;
import org.hubql.db.DatabaseOpenException;
import org.hubql.demo.DemoHub;
import org.hubql.demo.DemoHubException;
import org.hubql.demo.DemoHubSummary;
import org.hubql.graph.GraphOptions;
import org.hubql.graph.PageSize;
import org.hubql.graph.QueryLimits;
import org.hubql.http.DocumentPolicy;
import org.hubql.http.HttpOptions;
import org.hubql.http.TrustedDocuments;
import org.hubql.http.TrustedDocumentsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hubql serve}: opens a hub database read-only and serves it over HTTP. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve a JupyterHub database as GraphQL (a generated demo hub when --db is not given).")
final class ServeCommand implements Callable<Integer> {
    private static final int DEMO_USERS = 300;
    private static final int AUTH_CACHE_SIZE = 1024;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ServiceOptions service = new ServiceOptions();

    private final Map<String, String> environment;

    ServeCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @CommandLine.Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(
            names = ConfigFile.OPTION,
            paramLabel = "FILE",
            description = "Read option values from a .properties file: one name=value line per option, named "
                    + "without the dashes (port=8080, db=/srv/jupyterhub/jupyterhub.sqlite, trace=true, "
                    + "cors-origin=https://a.example,https://b.example). Flags and environment variables win over it.")
    Path config;

    @Option(
            names = "--db-connect-timeout",
            defaultValue = "2",
            paramLabel = "SECONDS",
            description =
                    "How long a request waits for a connection to a "
                            + "PostgreSQL or MariaDB server before it fails with 503 DATABASE_UNAVAILABLE (default: ${DEFAULT-VALUE}).")
    int dbConnectTimeoutSeconds;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--trace", description = "Add the SQL each request ran to extensions.sql of its response.")
    boolean trace;

    @Option(
            names = "--no-auth",
            description =
                    "Serve without authentication: everything visible to anyone who can connect. Refused unless --bind is a loopback address.")
    boolean noAuth;

    @Option(
            names = "--auth-cache-seconds",
            defaultValue = "10",
            paramLabel = "SECONDS",
            description =
                    "How long a verified token is remembered; 0 verifies every request (default: ${DEFAULT-VALUE}).")
    int authCacheSeconds;

    @Option(
            names = "--default-page-size",
            defaultValue = "100",
            description = "Rows per page when `first` is not given (default: ${DEFAULT-VALUE}).")
    int defaultPageSize;

    @Option(
            names = "--max-page-size",
            defaultValue = "1000",
            description = "Largest `first` accepted (default: ${DEFAULT-VALUE}).")
    int maxPageSize;

    @Option(
            names = "--request-timeout",
            defaultValue = "30",
            paramLabel = "SECONDS",
            description = "Time limit of one request; running SQL is cancelled past it (default: ${DEFAULT-VALUE}).")
    int requestTimeoutSeconds;

    @Option(
            names = "--max-request-bytes",
            defaultValue = "262144",
            description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
    long maxRequestBytes;

    @Option(
            names = "--idle-timeout",
            defaultValue = "10",
            paramLabel = "SECONDS",
            description = "Fail a request whose body stalls for this long, or whose client stops reading the answer,"
                    + " and close a connection idle for this long (default: ${DEFAULT-VALUE}).")
    int idleTimeoutSeconds;

    @Option(
            names = "--max-connections",
            defaultValue = "1024",
            description =
                    "Open connections accepted at once; more " + "wait to be accepted (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(
            names = "--shutdown-timeout",
            defaultValue = "10",
            paramLabel = "SECONDS",
            description = "On SIGTERM, stop "
                    + "accepting and let requests in flight finish for at most this long (default: ${DEFAULT-VALUE}).")
    int shutdownTimeoutSeconds;

    @Option(
            names = "--max-depth",
            defaultValue = "15",
            description = "Deepest selection nesting accepted (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(
            names = "--max-cost",
            defaultValue = "200000",
            description =
                    "Largest estimated number of objects one query may return; `first` multiplies (default: ${DEFAULT-VALUE}).")
    int maxCost;

    @Option(
            names = "--max-aliases",
            defaultValue = "30",
            description = "Most aliased fields in one query (default: ${DEFAULT-VALUE}).")
    int maxAliases;

    @Option(
            names = "--max-root-fields",
            defaultValue = "20",
            description = "Most root fields in one query (default: ${DEFAULT-VALUE}).")
    int maxRootFields;

    @Option(
            names = "--max-fields",
            defaultValue = "2000",
            description = "Most field selections in one document, "
                    + "fragments counted each time they are spread (default: ${DEFAULT-VALUE}).")
    int maxFields;

    @Option(
            names = "--no-breadth-first",
            description =
                    "Run every query on graphql-java's own execution strategy instead "
                            + "of the breadth-first one, which relies on graphql-java internals (a switch for operators; same answers).")
    boolean noBreadthFirst;

    @Option(
            names = "--no-plans",
            description = "Run no query on a compiled plan, only on the execution strategies (a switch for operators; "
                    + "same answers).")
    boolean noPlans;

    @Option(
            names = "--trusted-documents",
            paramLabel = "FILE",
            description = "Run only the documents in FILE, a JSON object of hash → document as graphql-codegen's"
                    + " client preset (persisted-documents.json) or Relay writes it; clients name them by documentId or"
                    + " extensions.persistedQuery.sha256Hash. Every hash is checked on start.")
    Path trustedDocuments;

    @Option(
            names = "--allow-arbitrary-documents-for-admins",
            description = "With --trusted-documents: a token holding admin:users unfiltered (an admin's) may still"
                    + " send any document, e.g. from GraphiQL.")
    boolean arbitraryDocumentsForAdmins;

    @Option(
            names = "--no-introspection",
            description = "Refuse __schema and __type queries (GraphiQL then has no schema docs).")
    boolean noIntrospection;

    @Option(
            names = "--metrics-open",
            description = "Serve /metrics to anyone who can connect, without a token; else it needs a token whose"
                    + " scopes include read:metrics.")
    boolean metricsOpen;

    @Option(
            names = "--log-format",
            defaultValue = "text",
            paramLabel = "text|json",
            converter = LogFormat.Converter.class,
            description = "How log lines are written to stderr: text, or one JSON object per line for log shippers"
                    + " (default: ${DEFAULT-VALUE}).")
    LogFormat logFormat;

    @Override
    public Integer call() {
        logFormat.apply();
        boolean loopback = validate();
        if (noAuth && !loopback) {
            spec.commandLine()
                    .getErr()
                    .println("hubql: --no-auth is allowed only with a loopback --bind (127.0.0.1 or ::1); got " + bind);
            return HubqlCommand.EXIT_USAGE;
        }
        DocumentPolicy documents;
        try {
            documents = documents();
        } catch (TrustedDocumentsException e) {
            spec.commandLine().getErr().println("hubql: --trusted-documents " + e.getMessage());
            return HubqlCommand.EXIT_USAGE;
        }
        HttpOptions http = http().withDocuments(documents);
        DatabaseLocation hub = location().orElseGet(() -> DatabaseLocation.sqlite(demoHub()));
        try {
            QueryLimits limits =
                    new QueryLimits(maxDepth, maxCost, maxAliases, maxRootFields, !noIntrospection, maxFields);
            GraphOptions graph = new GraphOptions(
                    new PageSize(defaultPageSize, maxPageSize), Duration.ofSeconds(requestTimeoutSeconds), limits);
            if (noBreadthFirst) {
                graph = graph.withBreadthFirst(false);
            }
            if (noPlans) {
                graph = graph.withPlans(false);
            }
            AuthOptions auth = noAuth
                    ? AuthOptions.disabled()
                    : new AuthOptions(true, Duration.ofSeconds(authCacheSeconds), AUTH_CACHE_SIZE);
            App app = App.start(new ServeOptions(hub, bind, port, graph, http, auth));
            Shutdown.onSignals(app);
            return HubqlCommand.KEEP_RUNNING;
        } catch (DatabaseOpenException e) {
            spec.commandLine().getErr().println("hubql: " + e.getMessage());
            return HubqlCommand.EXIT_USAGE;
        }
    }

    /** Validates the flags; true when the bind address is a loopback address. */
    private boolean validate() {
        EnvironmentDefaults.problems(environment).ifPresent(problem -> {
            throw usage(problem);
        });
        if (config != null) {
            ConfigFile.read(config, spec); // picocli reads it only for options the command line and environment leave
        }
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
        if (maxDepth < 2 || maxCost < 1 || maxAliases < 0 || maxRootFields < 1 || maxFields < 1) {
            throw usage("--max-depth must be at least 2, --max-cost, --max-root-fields and --max-fields at least 1,"
                    + " --max-aliases at least 0");
        }
        if (idleTimeoutSeconds < 1 || shutdownTimeoutSeconds < 0 || maxConnections < 1) {
            throw usage("--idle-timeout and --max-connections must be at least 1, --shutdown-timeout at least 0");
        }
        if (dbConnectTimeoutSeconds < 1 || dbConnectTimeoutSeconds > 60) {
            throw usage("--db-connect-timeout must be between 1 and 60 seconds");
        }
        if (authCacheSeconds < 0 || authCacheSeconds > 300) {
            throw usage("--auth-cache-seconds must be between 0 and 300");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw usage("--bind is not an address of this machine: " + bind);
        }
        return address.isLoopbackAddress();
    }

    private DocumentPolicy documents() throws TrustedDocumentsException {
        if (trustedDocuments == null) {
            if (arbitraryDocumentsForAdmins) {
                throw usage("--allow-arbitrary-documents-for-admins needs --trusted-documents");
            }
            return DocumentPolicy.anyDocument();
        }
        return new DocumentPolicy.TrustedOnly(TrustedDocuments.load(trustedDocuments), arbitraryDocumentsForAdmins);
    }

    private HttpOptions http() {
        try {
            return service.http(
                            trace,
                            maxRequestBytes,
                            new HttpOptions.Connections(
                                    Duration.ofSeconds(idleTimeoutSeconds),
                                    maxConnections,
                                    Duration.ofSeconds(shutdownTimeoutSeconds)),
                            environment)
                    .withMetricsOpen(metricsOpen);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private Optional<DatabaseLocation> location() {
        try {
            return database.location(environment).map(location -> location.withTimeouts(databaseTimeouts()));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /**
     * A statement still waiting for its server this long after the request's time limit (which cancels it) is on a
     * server that stopped answering: the driver's socket timeout ends it.
     */
    private DatabaseLocation.Timeouts databaseTimeouts() {
        return new DatabaseLocation.Timeouts(
                Duration.ofSeconds(dbConnectTimeoutSeconds), Duration.ofSeconds(requestTimeoutSeconds + 5L));
    }

    private Path demoHub() {
        try {
            Path directory = Files.createTempDirectory("hubql-demo-");
            DemoHubSummary demo = DemoHub.write(directory.resolve("jupyterhub.sqlite"), DEMO_USERS, 42);
            directory.toFile().deleteOnExit();
            demo.file().toFile().deleteOnExit();
            spec.commandLine()
                    .getOut()
                    .printf("Serving a generated demo hub with %d users: %s%n", demo.users(), demo.file());
            if (!noAuth) {
                spec.commandLine()
                        .getOut()
                        .printf(
                                "Demo admin token; paste into GraphiQL's Headers tab:"
                                        + " {\"Authorization\": \"token %s\"}%n",
                                demo.adminToken());
            }
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
