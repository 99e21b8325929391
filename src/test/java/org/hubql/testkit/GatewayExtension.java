package org.hubql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.hubql.auth.AuthOptions;
import org.hubql.db.DatabaseLocation;
import org.hubql.graph.GraphOptions;
import org.hubql.http.HttpOptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Opens a hub, serves it, and is the test's running {@link Gateway}: once for a test class, or once for each
 * invocation of a {@code @ParameterizedClass} over {@link HubUnderTest}. The gateway starts before the first test
 * that needs it and stops, and its hub is dropped, when the class (or the invocation) is done.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final GatewayExtension gateway = GatewayExtension.serving(TestHub::small).withAuth();
 * }</pre>
 */
public final class GatewayExtension implements Gateway, BeforeEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(GatewayExtension.class);

    private final Function<ExtensionContext, HubUnderTest.Opened> hub;
    private final boolean trace;
    private final GraphOptions graph;
    private final AuthOptions auth;
    private final UnaryOperator<HttpOptions> http;
    private Served current;

    private GatewayExtension(
            Function<ExtensionContext, HubUnderTest.Opened> hub,
            boolean trace,
            GraphOptions graph,
            AuthOptions auth,
            UnaryOperator<HttpOptions> http) {
        this.hub = hub;
        this.trace = trace;
        this.graph = graph;
        this.auth = auth;
        this.http = http;
    }

    /** A SQLite hub that {@code file} builds in a new temporary directory. */
    public static GatewayExtension serving(Function<Path, Path> file) {
        return new GatewayExtension(
                context -> sqlite(file),
                false,
                GraphOptions.defaults(),
                AuthOptions.disabled(),
                UnaryOperator.identity());
    }

    /** The hub of the class's {@link HubUnderTest} parameter, for each invocation of a {@code @ParameterizedClass}. */
    public static GatewayExtension eachHubUnderTest() {
        return new GatewayExtension(
                context -> hubParameter(context).open(),
                false,
                GraphOptions.defaults(),
                AuthOptions.disabled(),
                UnaryOperator.identity());
    }

    /** With authentication on, as {@code hubql serve} has it; send tokens with {@link #as(String)}. */
    public GatewayExtension withAuth() {
        return new GatewayExtension(hub, trace, graph, AuthOptions.defaults(), http);
    }

    /** With every response carrying the SQL it ran, as {@code --trace} does. */
    public GatewayExtension withTrace() {
        return new GatewayExtension(hub, true, graph, auth, http);
    }

    public GatewayExtension with(GraphOptions options) {
        return new GatewayExtension(hub, trace, options, auth, http);
    }

    /** With the HTTP options changed, e.g. {@code options -> options.withDocuments(policy)}. */
    public GatewayExtension withHttp(UnaryOperator<HttpOptions> change) {
        return new GatewayExtension(hub, trace, graph, auth, options -> change.apply(http.apply(options)));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext scope = context.getParent().orElseThrow();
        current = scope.getStore(NAMESPACE).computeIfAbsent(this, key -> serve(context), Served.class);
    }

    private Served serve(ExtensionContext context) {
        HubUnderTest.Opened opened = hub.apply(context);
        try {
            return new Served(RunningGateway.serve(opened.location(), trace, graph, auth, http), opened);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private RunningGateway running() {
        if (current == null) {
            throw new IllegalStateException("the gateway is served to tests only, not to @BeforeAll methods");
        }
        return current.gateway();
    }

    /** A plain JDBC connection to the served hub (a SQLite file or a server database), for tests that read it directly. */
    public java.sql.Connection connect() throws java.sql.SQLException {
        running();
        DatabaseLocation location = current.opened().location();
        return location.file() != null
                ? java.sql.DriverManager.getConnection("jdbc:sqlite:" + location.file())
                : java.sql.DriverManager.getConnection(location.jdbcUrl());
    }

    /** The served hub's SQLite file, for tests that read it directly. */
    public Path file() {
        running();
        return current.opened().location().file();
    }

    @Override
    public URI uri(String path) {
        return running().uri(path);
    }

    @Override
    public HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        return running().authorized(builder);
    }

    @Override
    public Gateway as(String token) {
        return running().as(token);
    }

    @Override
    public HttpResponse<String> post(String body, String contentType) {
        return running().post(body, contentType);
    }

    private static HubUnderTest hubParameter(ExtensionContext context) {
        Object test = context.getRequiredTestInstance();
        List<Field> fields = ReflectionSupport.findFields(
                test.getClass(), field -> field.getType() == HubUnderTest.class, HierarchyTraversalMode.TOP_DOWN);
        if (fields.size() != 1) {
            throw new IllegalStateException(
                    test.getClass().getSimpleName() + " needs one HubUnderTest @Parameter field");
        }
        return (HubUnderTest) ReflectionSupport.tryToReadFieldValue(fields.get(0), test)
                .toOptional()
                .orElseThrow();
    }

    private static HubUnderTest.Opened sqlite(Function<Path, Path> file) {
        Path directory;
        try {
            directory = Files.createTempDirectory("hubql-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HubUnderTest.Opened(DatabaseLocation.sqlite(file.apply(directory)), () -> delete(directory));
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One served hub, closed with the class or invocation it was served for. */
    private record Served(RunningGateway gateway, HubUnderTest.Opened opened) implements AutoCloseable {
        @Override
        public void close() {
            try {
                gateway.close();
            } finally {
                opened.close();
            }
        }
    }
}
