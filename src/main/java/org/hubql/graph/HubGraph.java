package org.hubql.graph;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.ExecutionStrategy;
import graphql.introspection.Introspection;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hubql.db.Database;
import org.hubql.db.DatabaseUnavailableException;
import org.hubql.db.Queries;
import org.hubql.db.Sql;
import org.hubql.db.SqlTrace;
import org.hubql.graph.plan.PlanStrategy;
import org.hubql.graph.plan.ViewerReads;
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
    private final ExecutionLanes lanes;
    private final AccessRules rules;
    private final BreadthFirstStrategy breadthFirst;
    private final PlanStrategy plans;
    private final DocumentCache documents = new DocumentCache(8 * 1024 * 1024);

    public HubGraph(Database database, GraphOptions options) {
        this(
                database,
                options,
                new ExecutionLanes(Runtime.getRuntime().availableProcessors(), options.requestTimeout()));
    }

    /** With lanes of a test's own sizes. */
    HubGraph(Database database, GraphOptions options, ExecutionLanes lanes) {
        this.database = database;
        this.lanes = lanes;
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
        ExecutionStrategy unplanned =
                options.breadthFirst() ? breadthFirst : new AsyncExecutionStrategy(new ErrorHandler());
        this.plans = new PlanStrategy(new ErrorHandler(), unplanned);
        this.graphQL = GraphQL.newGraphQL(schema)
                .queryExecutionStrategy(options.plans() ? plans : unplanned)
                .preparsedDocumentProvider(documents)
                .instrumentation(new HubInstrumentation(
                        Limits.instrumentations(options.limits(), options.pageSize()),
                        new Authorization(),
                        new QueryCost(options.pageSize())))
                .build();
    }

    /** The executable schema, for tests that walk it. */
    GraphQLSchema schema() {
        return graphQL.getGraphQLSchema();
    }

    /** The lanes operations wait in; a test may hold their slots. */
    ExecutionLanes lanes() {
        return lanes;
    }

    /** How many operations the breadth-first strategy handed back to graphql-java's own. */
    long handedBack() {
        return breadthFirst.handedBack();
    }

    /** How many operations ran on a compiled plan. */
    long planned() {
        return plans.planned();
    }

    /** How many operations had a compiled plan but were handed back while running it. */
    long planHandedBack() {
        return plans.handedBack();
    }

    /**
     * The document of {@code query} as it was parsed and validated when it last ran, while the document cache keeps
     * it; so that what describes a request that ran (the access log, the metrics) need not parse it again.
     */
    public Optional<Document> parsedDocument(String query) {
        return documents.document(query);
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
     * Runs one operation, once its lane of the {@link ExecutionLanes} has a slot for it (checked after the limits,
     * when its cost is known). More operations at once than the machine has cores would only queue for the CPU and
     * the database while holding their partial results in memory together: past that, waiting in line is faster
     * for everyone.
     *
     * @throws Overloaded when the operation's lane is full; it did not run
     */
    public ExecutionResult execute(GraphRequest request, SqlTrace trace, Viewer viewer) {
        return execute(request, trace, viewer, Function.identity());
    }

    /**
     * Runs one operation as {@link #execute(GraphRequest, SqlTrace, Viewer)} does, and renders its result with
     * {@code render} before giving the lane's slot back: writing a heavy answer's JSON is part of its heavy work, so
     * it does not take the CPU from light queries outside its lane.
     *
     * @throws Overloaded when the operation's lane is full; it did not run
     */
    public <T> T execute(GraphRequest request, SqlTrace trace, Viewer viewer, Function<ExecutionResult, T> render) {
        long deadline = System.nanoTime() + options.requestTimeout().toNanos();
        ExecutionLanes.Admission admission = lanes.newAdmission(deadline);
        try {
            ExecutionResult result = execute(request, trace, viewer, deadline, admission);
            if (admission.refused()) {
                throw new Overloaded(ExecutionLanes.FULL);
            }
            return render.apply(result);
        } finally {
            admission.release();
        }
    }

    private ExecutionResult execute(
            GraphRequest request, SqlTrace trace, Viewer viewer, long deadline, ExecutionLanes.Admission admission) {
        Sql sql = database.newSql(trace, deadline);
        Access access = new Access(viewer, rules);
        ExecutionInput.Builder input = ExecutionInput.newExecutionInput()
                .query(request.query())
                .operationName(request.operationName())
                .variables(request.variables() == null ? Map.of() : request.variables())
                .dataLoaderRegistry(Loaders.newRegistry(queries, sql))
                .graphQLContext(Map.of(
                        RequestContext.class,
                        new RequestContext(queries, sql, access),
                        ViewerReads.class,
                        access,
                        ExecutionLanes.Admission.class,
                        admission,
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
