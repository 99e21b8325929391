package org.hubql.graph.plan;

import graphql.GraphQLContext;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.DataFetchingFieldSelectionSetImpl;
import graphql.schema.DelegatingDataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.dataloader.DataLoaderRegistry;

/**
 * What a fetcher sees when one field is fetched for a whole level of objects at once, as the breadth-first strategy
 * and plans both do: one environment per field and level, and each object's source put in front of it.
 */
public final class BatchFetch {
    private BatchFetch() {}

    /**
     * The request's context for fetchers, with graphql-java's chained dispatch turned off: the caller dispatches the
     * DataLoaders itself, level by level.
     */
    public static GraphQLContext fetchContext(ExecutionContext context) {
        return GraphQLContext.newContext()
                .of(context.getGraphQLContext())
                .put(DataLoaderDispatchingContextKeys.ENABLE_DATA_LOADER_CHAINING, false)
                .build();
    }

    /** A step's description of a field of {@code parent} at {@code path}, built only when a fetcher asks for it. */
    public static Supplier<ExecutionStepInfo> stepInfo(
            GraphQLObjectType parent, MergedField field, GraphQLFieldDefinition definition, ResultPath path) {
        return () -> ExecutionStepInfo.newExecutionStepInfo()
                .type(definition.getType())
                .fieldDefinition(definition)
                .fieldContainer(parent)
                .field(field)
                .path(path)
                .build();
    }

    /**
     * What a fetcher sees of a field, the same for every object of the level but its source. Paths leave out list
     * indices, which no fetcher read this way reads.
     */
    public static DataFetchingEnvironment environment(
            ExecutionContext context,
            GraphQLContext fetchContext,
            GraphQLObjectType parent,
            MergedField field,
            GraphQLFieldDefinition definition,
            Map<String, Object> arguments,
            ResultPath path,
            Supplier<ExecutionStepInfo> stepInfo) {
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment(context)
                .graphQLContext(fetchContext)
                .arguments(arguments)
                .fieldDefinition(definition)
                .mergedField(field)
                .fieldType(definition.getType())
                .parentType(parent)
                .executionStepInfo(stepInfo)
                .selectionSet(DataFetchingFieldSelectionSetImpl.newCollector(
                        context.getGraphQLSchema(),
                        definition.getType(),
                        () -> context.getNormalizedQueryTree().get().getNormalizedField(field, parent, path)))
                .build();
    }

    /**
     * Runs a level's queued loads. A load that another load's result queued (a user's server, through its spawner)
     * waits for the next level's loads of the same kind, as graphql-java's chained dispatch does, so both go in one
     * statement; only when no level follows is it dispatched at once.
     *
     * @return false when the last level still has loads pending that no dispatch will complete
     */
    public static boolean dispatchLevel(DataLoaderRegistry loaders, BooleanSupplier pending, boolean lastLevel) {
        loaders.dispatchAll();
        while (lastLevel && pending.getAsBoolean()) {
            if (loaders.dispatchAllWithCount() == 0 && pending.getAsBoolean()) {
                return false;
            }
        }
        return true;
    }

    /** {@code field}'s environment for one object of the level. */
    public static DataFetchingEnvironment withSource(DataFetchingEnvironment field, Object source) {
        return new WithSource(field, source);
    }

    private static final class WithSource extends DelegatingDataFetchingEnvironment {
        private final Object source;

        WithSource(DataFetchingEnvironment field, Object source) {
            super(field);
            this.source = source;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getSource() {
            return (T) source;
        }
    }
}
