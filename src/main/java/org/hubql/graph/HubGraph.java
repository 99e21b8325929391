package org.hubql.graph;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AsyncExecutionStrategy;
import graphql.introspection.Introspection;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.hubql.db.Database;
import org.hubql.db.DatabaseUnavailableException;
import org.hubql.db.Queries;
import org.hubql.db.Sql;
import org.hubql.db.SqlTrace;
import org.hubql.loaders.Loaders;
import org.hubql.scopes.Viewer;

/**
 * The hub database as a GraphQL schema: built once from {@code schema.graphqls} and {@link Wiring}, then executes
 * each request with its own loaders, statement runner and deadline.
 */
public final class HubGraph {
    private final Database database;
    private final Queries queries;
    private final GraphOptions options;
    private final GraphQL graphQL;
    private final String sdl;
    private final Semaphore running = new Semaphore(2 * Runtime.getRuntime().availableProcessors(), true);
    private final AccessRules rules;
    private final BreadthFirstStrategy breadthFirst;

    public HubGraph(Database database, GraphOptions options) {
        this.database = database;
        this.queries = database.queries();
        this.options = options;
        GraphQLSchema schema = newSchema(
                readSdl(),
                Wiring.newWiring(
                        options.pageSize(),
                        database.schema(),
                        database.dialect().engineName(),
                        options.clock()));
        this.sdl = SchemaSdl.print(schema);
        this.rules = new AccessRules(schema);
        this.breadthFirst = new BreadthFirstStrategy(new ErrorHandler());
        this.graphQL = GraphQL.newGraphQL(schema)
                .queryExecutionStrategy(
                        options.breadthFirst() ? breadthFirst : new AsyncExecutionStrategy(new ErrorHandler()))
                .preparsedDocumentProvider(new DocumentCache(8 * 1024 * 1024))
                .instrumentation(new HubInstrumentation(
                        Limits.instrumentations(options.limits(), options.pageSize()), new Authorization()))
                .build();
    }

    /** The executable schema, for tests that walk it. */
    GraphQLSchema schema() {
        return graphQL.getGraphQLSchema();
    }

    /** The slots operations execute in; a test may hold them. */
    Semaphore executionSlots() {
        return running;
    }

    /** How many operations the breadth-first strategy handed back to graphql-java's own. */
    long handedBack() {
        return breadthFirst.handedBack();
    }

    /** Whether the schema may be read: introspection queries and {@code /schema.graphql}. */
    public boolean introspection() {
        return options.limits().introspection();
    }

    /** The executable schema as SDL, as introspection describes it ({@link SchemaSdl}). */
    public String sdl() {
        return sdl;
    }

    /**
     * Runs one operation, after waiting for one of the {@link #running} slots within the request's time limit. More
     * operations at once than the machine has cores would only queue for the CPU and the connection pool while
     * holding their partial results in memory together: past that, waiting in line is faster for everyone.
     */
    public ExecutionResult execute(GraphRequest request, SqlTrace trace, Viewer viewer) {
        long deadline = System.nanoTime() + options.requestTimeout().toNanos();
        try {
            if (!running.tryAcquire(options.requestTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                return timedOut();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return timedOut();
        }
        try {
            return execute(request, trace, viewer, deadline);
        } finally {
            running.release();
        }
    }

    private ExecutionResult execute(GraphRequest request, SqlTrace trace, Viewer viewer, long deadline) {
        Sql sql = database.newSql(trace, deadline);
        ExecutionInput.Builder input = ExecutionInput.newExecutionInput()
                .query(request.query())
                .operationName(request.operationName())
                .variables(request.variables() == null ? Map.of() : request.variables())
                .dataLoaderRegistry(Loaders.newRegistry(queries, sql))
                .graphQLContext(Map.of(
                        RequestContext.class,
                        new RequestContext(queries, sql, new Access(viewer, rules)),
                        Introspection.INTROSPECTION_DISABLED,
                        !options.limits().introspection()));
        GraphQL.unusualConfiguration(input).dataloaderConfig().enableDataLoaderChaining(true);
        // every loader completes on this thread (Loaders), so execution has finished when this returns; the time limit
        // is kept by Sql, which cancels a statement at the deadline and fails the request with code TIMEOUT
        return failedIfUnavailable(graphQL.execute(input.build()));
    }

    /**
     * A field that met a database outage fails the whole request ({@code 503}): the other fields were read from a
     * database going away, and a retry soon reads them all.
     */
    private static ExecutionResult failedIfUnavailable(ExecutionResult result) {
        for (GraphQLError error : result.getErrors()) {
            Map<String, Object> extensions = error.getExtensions();
            if (extensions != null && ErrorCodes.DATABASE_UNAVAILABLE.equals(extensions.get("code"))) {
                throw new DatabaseUnavailableException(error.getMessage(), null);
            }
        }
        return result;
    }

    private ExecutionResult timedOut() {
        GraphQLError error = GraphqlErrorBuilder.newError()
                .message(
                        "the request's time limit of %d s was reached",
                        options.requestTimeout().toSeconds())
                .extensions(Map.of("code", ErrorCodes.TIMEOUT))
                .build();
        return ExecutionResult.newExecutionResult().addError(error).build();
    }

    private static GraphQLSchema newSchema(String sdl, graphql.schema.idl.RuntimeWiring wiring) {
        TypeDefinitionRegistry types = new SchemaParser().parse(sdl);
        return new SchemaGenerator().makeExecutableSchema(types, wiring);
    }

    private static String readSdl() {
        try (InputStream in = HubGraph.class.getResourceAsStream("/schema.graphqls")) {
            if (in == null) {
                throw new IllegalStateException("schema.graphqls is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
