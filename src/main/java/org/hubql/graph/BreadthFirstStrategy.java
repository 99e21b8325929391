package org.hubql.graph;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldCollector;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.execution.ResultPath;
import graphql.execution.ValuesResolver;
import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import graphql.introspection.Introspection;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.DataFetchingFieldSelectionSetImpl;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.LightDataFetcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.dataloader.DataLoaderRegistry;
import org.hubql.graph.plan.BatchFetch;

/**
 * Executes a query level by level: each field is resolved for all the objects of its level at once (one argument
 * coercion, one field collection per type, one fetcher lookup), the level's DataLoader batches are dispatched
 * together, and the result maps are built as graphql-java builds them. For a page of a thousand users this
 * avoids most of the engine's per-object bookkeeping (futures, paths, step infos) that the profile showed as the
 * largest cost of wide queries.
 *
 * <p>It takes only the plain road: a query without introspection, where every fetch succeeds, every field is one
 * the viewer may read ({@link Access}) and no non-null field is null. Anything else — an error, a field the
 * viewer's scopes refuse, a null where the schema promises a value, a value it does not recognise — makes it hand
 * the whole operation to graphql-java's {@link AsyncExecutionStrategy}, which produces the errors and partial
 * results the spec asks for. The objects a restricted viewer may not see are left out of root fields here as
 * {@link Authorization} leaves them out there. The DataLoader caches keep what was
 * already loaded, so that second run repeats no statement it already ran.
 *
 * <p><b>Borrowed engine internals.</b> To do graphql-java's per-field work once per level, this class calls six
 * classes graphql-java marks {@code @Internal}, which may change in any release without notice:
 * {@link FieldCollector} and {@link FieldCollectorParameters} (collecting a type's fields),
 * {@link ValuesResolver#getArgumentValues} (coercing arguments), {@link DataFetchingEnvironmentImpl} and
 * {@link DataFetchingFieldSelectionSetImpl} (a fetcher's environment), and
 * {@link DataLoaderDispatchingContextKeys} (turning graphql-java's chained dispatch off while it dispatches itself);
 * it also reads {@link ExecutionContext#getNormalizedQueryTree()}. <b>Re-run {@code BreadthFirstParityTest} on every
 * graphql-java upgrade</b>: it requires byte-identical responses and the same statements from this strategy and
 * graphql-java's own. If an upgrade breaks this class, serve with {@code -Dhubql.breadthFirst=false}
 * ({@link GraphOptions#breadthFirst()}) until it is fixed: every query then runs on {@link AsyncExecutionStrategy}.
 */
final class BreadthFirstStrategy extends AsyncExecutionStrategy {
    private static final FieldCollector FIELDS = new FieldCollector();
    private final LongAdder handedBack = new LongAdder();

    BreadthFirstStrategy(DataFetcherExceptionHandler exceptionHandler) {
        super(exceptionHandler);
    }

    @Override
    public CompletableFuture<ExecutionResult> execute(
            ExecutionContext context, ExecutionStrategyParameters parameters) {
        if (!plainRoad(context)) {
            return super.execute(context, parameters);
        }
        try {
            Map<String, Object> data = new Run(context).execute(parameters.getFields());
            return CompletableFuture.completedFuture(
                    ExecutionResult.newExecutionResult().data(data).build());
        } catch (OffRoad offRoad) {
            handedBack.increment();
            return super.execute(context, parameters);
        }
    }

    long handedBack() {
        return handedBack.sum();
    }

    private static boolean plainRoad(ExecutionContext context) {
        RequestContext request = context.getGraphQLContext().get(RequestContext.class);
        return request != null
                && context.getOperationDefinition().getOperation() == OperationDefinition.Operation.QUERY;
    }

    /** The operation needs more than the plain road: graphql-java's own strategy runs it instead. */
    private static final class OffRoad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OffRoad() {
            super(null, null, false, false);
        }
    }

    /** The objects of one type that one field produced, with the result maps they fill. */
    private record Batch(
            GraphQLObjectType type,
            MergedSelectionSet fields,
            ResultPath path,
            List<Object> sources,
            List<Map<String, Object>> results) {}

    /** One execution of one operation. */
    private static final class Run {
        private final ExecutionContext context;
        private final GraphQLSchema schema;
        private final GraphQLContext fetchContext;
        private final DataLoaderRegistry loaders;
        private final Access access;

        Run(ExecutionContext context) {
            this.context = context;
            this.access = context.getGraphQLContext()
                    .<RequestContext>get(RequestContext.class)
                    .access();
            this.schema = context.getGraphQLSchema();
            this.loaders = context.getDataLoaderRegistry();
            // dispatching is done here, level by level, so loaders are handed out without graphql-java's level tracking
            this.fetchContext = BatchFetch.fetchContext(context);
        }

        Map<String, Object> execute(MergedSelectionSet rootFields) {
            Map<String, Object> data = new LinkedHashMap<>();
            List<Batch> level = List.of(new Batch(
                    schema.getQueryType(),
                    rootFields,
                    ResultPath.rootPath(),
                    listOf(context.getValueUnboxer().unbox(context.getRoot())),
                    List.of(data)));
            List<FetchedField> waiting = List.of();
            while (!level.isEmpty() || !waiting.isEmpty()) {
                List<FetchedField> fetched = new ArrayList<>(waiting);
                for (Batch batch : level) {
                    for (MergedField field : batch.fields().getSubFieldsList()) {
                        fetched.add(fetch(batch, field));
                    }
                }
                dispatch(fetched, level.isEmpty());
                Map<Object, Batch> next = new LinkedHashMap<>();
                waiting = new ArrayList<>();
                for (FetchedField field : fetched) {
                    if (field.isDone()) {
                        field.complete(next);
                    } else {
                        waiting.add(field);
                    }
                }
                level = new ArrayList<>(next.values());
            }
            return data;
        }

        /** Runs the level's loads ({@link BatchFetch#dispatchLevel}). */
        private void dispatch(List<FetchedField> fetched, boolean lastLevel) {
            if (!BatchFetch.dispatchLevel(
                    loaders, () -> fetched.stream().anyMatch(field -> !field.isDone()), lastLevel)) {
                throw new OffRoad();
            }
        }

        private FetchedField fetch(Batch batch, MergedField field) {
            String name = field.getName();
            Object[] values = new Object[batch.sources().size()];
            if (name.equals(Introspection.TypeNameMetaFieldDef.getName())) {
                Arrays.fill(values, batch.type().getName());
                return new FetchedField(batch, field, Introspection.TypeNameMetaFieldDef, values);
            }
            GraphQLFieldDefinition definition = batch.type().getFieldDefinition(name);
            if (definition == null) {
                throw new OffRoad(); // __schema and __type
            }
            boolean atRoot = batch.type() == schema.getQueryType();
            if (access.restricted()) {
                Rule rule = access.rules().field(definition);
                for (Object source : batch.sources()) {
                    if (!access.allows(rule, source, atRoot)) {
                        throw new OffRoad(); // the field is refused with an error, which graphql-java's strategy writes
                    }
                }
            }
            DataFetcher<?> fetcher = schema.getCodeRegistry().getDataFetcher(batch.type(), definition);
            ResultPath path = batch.path().segment(field.getResultKey());
            Map<String, Object> arguments = ValuesResolver.getArgumentValues(
                    schema.getCodeRegistry(),
                    definition.getArguments(),
                    field.getArguments(),
                    context.getCoercedVariables(),
                    context.getGraphQLContext(),
                    context.getLocale());
            Supplier<ExecutionStepInfo> stepInfo = BatchFetch.stepInfo(batch.type(), field, definition, path);
            LightDataFetcher<?> light = fetcher instanceof LightDataFetcher<?> trivial ? trivial : null;
            DataFetchingEnvironment shared = light != null
                    ? null
                    : BatchFetch.environment(
                            context, fetchContext, batch.type(), field, definition, arguments, path, stepInfo);
            for (int i = 0; i < values.length; i++) {
                Object source = batch.sources().get(i);
                Object value;
                try {
                    value = light != null
                            ? light.get(
                                    definition,
                                    source,
                                    () -> BatchFetch.withSource(
                                            BatchFetch.environment(
                                                    context,
                                                    fetchContext,
                                                    batch.type(),
                                                    field,
                                                    definition,
                                                    arguments,
                                                    path,
                                                    stepInfo),
                                            source))
                            : fetcher.get(BatchFetch.withSource(shared, source));
                } catch (Exception e) {
                    throw new OffRoad();
                }
                if (value instanceof DataFetcherResult<?>
                        || value instanceof CompletionStage<?> && !(value instanceof CompletableFuture<?>)) {
                    throw new OffRoad();
                }
                values[i] = atRoot ? access.visibleOnly(schema, value, name.equals("nodes")) : value;
            }
            return new FetchedField(batch, field, definition, values);
        }

        /** A field's raw values for each object of a batch, completed into the batch's result maps. */
        private final class FetchedField {
            private final Batch batch;
            private final MergedField field;
            private final GraphQLFieldDefinition definition;
            private final Object[] values;

            FetchedField(Batch batch, MergedField field, GraphQLFieldDefinition definition, Object[] values) {
                this.batch = batch;
                this.field = field;
                this.definition = definition;
                this.values = values;
                for (Map<String, Object> result : batch.results()) {
                    result.put(field.getResultKey(), null); // holds the field's place in the result's order
                }
            }

            boolean isDone() {
                for (Object value : values) {
                    if (value instanceof CompletableFuture<?> future && !future.isDone()) {
                        return false;
                    }
                }
                return true;
            }

            void complete(Map<Object, Batch> next) {
                ResultPath path = batch.path().segment(field.getResultKey());
                for (int i = 0; i < values.length; i++) {
                    Object value = values[i] instanceof CompletableFuture<?> future ? joined(future) : values[i];
                    batch.results()
                            .get(i)
                            .put(field.getResultKey(), completeValue(definition.getType(), value, path, next));
                }
            }

            private Object joined(CompletableFuture<?> future) {
                Object value = future.isCompletedExceptionally() ? null : future.join();
                if (future.isCompletedExceptionally() || value instanceof DataFetcherResult<?>) {
                    throw new OffRoad();
                }
                return value;
            }

            private Object completeValue(
                    GraphQLOutputType type, Object value, ResultPath path, Map<Object, Batch> next) {
                if (value == null) {
                    if (type instanceof GraphQLNonNull) {
                        throw new OffRoad();
                    }
                    return null;
                }
                GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
                if (unwrapped instanceof GraphQLList list) {
                    if (!(value instanceof List<?> elements)) {
                        throw new OffRoad();
                    }
                    List<Object> completed = new ArrayList<>(elements.size());
                    for (Object element : elements) {
                        completed.add(completeValue((GraphQLOutputType) list.getWrappedType(), element, path, next));
                    }
                    return completed;
                }
                try {
                    if (unwrapped instanceof GraphQLScalarType scalar) {
                        return scalar.getCoercing().serialize(value, context.getGraphQLContext(), context.getLocale());
                    }
                    if (unwrapped instanceof GraphQLEnumType enumType) {
                        return enumType.serialize(value, context.getGraphQLContext(), context.getLocale());
                    }
                } catch (RuntimeException e) {
                    throw new OffRoad();
                }
                return completeObject(unwrapped, value, path, next);
            }

            private Object completeObject(
                    GraphQLType declared, Object value, ResultPath path, Map<Object, Batch> next) {
                GraphQLObjectType type =
                        declared instanceof GraphQLObjectType object ? object : Wiring.objectTypeOf(schema, value);
                if (type == null
                        || !(declared instanceof GraphQLObjectType)
                                && !schema.isPossibleType((GraphQLNamedType) declared, type)) {
                    throw new OffRoad();
                }
                Batch batch = next.computeIfAbsent(
                        List.of(field, type),
                        key -> new Batch(type, collectFields(type), path, new ArrayList<>(), new ArrayList<>()));
                Map<String, Object> result = new LinkedHashMap<>();
                batch.sources().add(value);
                batch.results().add(result);
                return result;
            }

            private MergedSelectionSet collectFields(GraphQLObjectType type) {
                FieldCollectorParameters parameters = FieldCollectorParameters.newParameters()
                        .schema(schema)
                        .objectType(type)
                        .fragments(context.getFragmentsByName())
                        .variables(context.getCoercedVariables().toMap())
                        .graphQLContext(context.getGraphQLContext())
                        .build();
                return FIELDS.collectFields(parameters, field);
            }
        }

        private static List<Object> listOf(Object root) {
            List<Object> sources = new ArrayList<>(1);
            sources.add(root);
            return sources;
        }
    }
}
