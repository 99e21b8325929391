package org.hubql.graph.plan;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ResultPath;
import graphql.execution.ValuesResolver;
import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.DataFetchingFieldSelectionSetImpl;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.LightDataFetcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.jspecify.annotations.Nullable;

/**
 * One run of a {@link Plan}: level by level, each planned field is fetched for all the objects of its level with
 * the schema's own fetchers and the request's DataLoaders, the level's loads are dispatched together (so the same
 * statements run as on the breadth-first strategy), and each object's values are kept in an array in its
 * selection's field order, ready for {@link PlanJson}.
 *
 * <p>Like {@code graph/BreadthFirstStrategy} it builds fetcher environments with graphql-java's {@code @Internal}
 * {@link DataFetchingEnvironmentImpl}, {@link DataFetchingFieldSelectionSetImpl}, {@link ValuesResolver} and
 * {@link DataLoaderDispatchingContextKeys}: re-run {@code PlanParityTest} on every graphql-java upgrade.
 */
final class PlanRun {
    private final ExecutionContext context;
    private final GraphQLSchema schema;
    private final GraphQLContext fetchContext;
    private final DataLoaderRegistry loaders;
    private final ViewerReads reads;
    /** This level's keyed loads, by loader name, read before the level's dispatch ({@link #loadKeyed}). */
    private final Map<String, KeyedLoads> keyedLoads = new LinkedHashMap<>();
    /** What the keyed loads read, primed into the loaders only when something else asks them. */
    private final HeldValues held;

    PlanRun(ExecutionContext context, ViewerReads reads) {
        this.context = context;
        this.reads = reads;
        this.schema = context.getGraphQLSchema();
        this.loaders = context.getDataLoaderRegistry();
        this.held = new HeldValues(loaders);
        // dispatching is done here, level by level, so loaders are handed out without graphql-java's level tracking
        this.fetchContext = BatchFetch.fetchContext(context);
    }

    /** The objects of one selection that one field produced, with the value arrays they fill. */
    private record Batch(Selection selection, ResultPath path, List<Object> sources, List<Object[]> rows) {}

    Object[] execute(Selection root) {
        try {
            return executeLevels(root);
        } catch (OffPlan offPlan) {
            held.primeAll(); // graphql-java's strategy takes over with the loaders as its own run would have left them
            throw offPlan;
        }
    }

    private Object[] executeLevels(Selection root) {
        Object[] data = new Object[root.fields().size()];
        List<Object> sources = new ArrayList<>(1);
        sources.add(context.getValueUnboxer().unbox(context.getRoot()));
        List<Batch> level = List.of(new Batch(root, ResultPath.rootPath(), sources, List.<Object[]>of(data)));
        List<FetchedField> waiting = List.of();
        while (!level.isEmpty() || !waiting.isEmpty()) {
            List<FetchedField> fetched = new ArrayList<>(waiting);
            for (Batch batch : level) {
                for (int i = 0; i < batch.selection().fields().size(); i++) {
                    fetched.add(fetch(batch, i));
                }
            }
            loadKeyed();
            dispatch(fetched, level.isEmpty());
            Map<PlannedField, Batch> next = new IdentityHashMap<>();
            List<Batch> nextInOrder = new ArrayList<>();
            waiting = new ArrayList<>();
            for (FetchedField field : fetched) {
                if (field.isDone()) {
                    field.complete(next, nextInOrder);
                } else {
                    waiting.add(field);
                }
            }
            level = nextInOrder;
        }
        return data;
    }

    /** Runs the level's loads ({@link BatchFetch#dispatchLevel}). */
    private void dispatch(List<FetchedField> fetched, boolean lastLevel) {
        if (!BatchFetch.dispatchLevel(loaders, () -> fetched.stream().anyMatch(field -> !field.isDone()), lastLevel)) {
            throw new OffPlan();
        }
    }

    private FetchedField fetch(Batch batch, int index) {
        PlannedField planned = batch.selection().fields().get(index);
        GraphQLObjectType type = batch.selection().type();
        Object[] values = new Object[batch.sources().size()];
        if (planned.typeName()) {
            Arrays.fill(values, type.getName());
            return new FetchedField(batch, index, values);
        }
        GraphQLFieldDefinition definition = planned.definition();
        boolean atRoot = batch.path().isRootPath();
        if (!reads.readsEverywhere(type, definition)) {
            for (Object source : batch.sources()) {
                if (!reads.allows(type, definition, source, atRoot)) {
                    throw new OffPlan(); // the field is refused with an error, which the wrapped strategy writes
                }
            }
        }
        ResultPath path = batch.path().segment(planned.field().getResultKey());
        Map<String, Object> arguments = ValuesResolver.getArgumentValues(
                schema.getCodeRegistry(),
                definition.getArguments(),
                planned.field().getArguments(),
                context.getCoercedVariables(),
                context.getGraphQLContext(),
                context.getLocale());
        Supplier<ExecutionStepInfo> stepInfo = BatchFetch.stepInfo(type, planned.field(), definition, path);
        Supplier<DataFetchingEnvironment> environment = () -> BatchFetch.environment(
                context, fetchContext, type, planned.field(), definition, arguments, path, stepInfo);
        DataFetcher<?> fetcher = planned.fetcher();
        if (fetcher instanceof KeyedFetch<?, ?, ?> keyed && !atRoot) {
            return keyedField(batch, index, values, keyed, environment);
        }
        LightDataFetcher<?> light = fetcher instanceof LightDataFetcher<?> trivial ? trivial : null;
        DataFetchingEnvironment shared = light != null ? null : environment.get();
        for (int i = 0; i < values.length; i++) {
            Object source = batch.sources().get(i);
            Object value;
            try {
                value = light != null
                        ? light.get(definition, source, () -> new HoldingEnvironment(environment.get(), source, held))
                        : fetcher.get(new HoldingEnvironment(shared, source, held));
            } catch (Exception e) {
                throw new OffPlan();
            }
            if (value instanceof DataFetcherResult<?>
                    || value instanceof CompletionStage<?> && !(value instanceof CompletableFuture<?>)) {
                throw new OffPlan();
            }
            values[i] = atRoot ? reads.visibleOnly(schema, value, false) : value;
        }
        return new FetchedField(batch, index, values);
    }

    /** A keyed field's values: from the loader's cache where it has the key, else read by {@link #loadKeyed}. */
    @SuppressWarnings("unchecked")
    private FetchedField keyedField(
            Batch batch,
            int index,
            Object[] values,
            KeyedFetch<?, ?, ?> field,
            Supplier<DataFetchingEnvironment> environment) {
        KeyedFetch<Object, Object, Object> keyed = (KeyedFetch<Object, Object, Object>) field;
        KeyedLoads loads = keyedLoads.computeIfAbsent(
                keyed.loaderName(),
                name -> new KeyedLoads(keyed, environment, loaders.getDataLoader(name), held.of(name)));
        try {
            for (int i = 0; i < values.length; i++) {
                Object source = batch.sources().get(i);
                Object key = keyed.key(source);
                if (key == null) {
                    values[i] = keyed.value(source, null);
                } else {
                    loads.want(values, i, source, key, keyed);
                }
            }
        } catch (RuntimeException e) {
            throw new OffPlan();
        }
        return new FetchedField(batch, index, values);
    }

    /** Reads each loader's keys this level asked of it through keyed fields, one call per loader. */
    private void loadKeyed() {
        for (KeyedLoads loads : keyedLoads.values()) {
            loads.run();
        }
        keyedLoads.clear();
    }

    /** A keyed value the loader already holds, or will once the level is dispatched. */
    private static @Nullable Object fromCache(
            CompletableFuture<Object> cached, Object source, KeyedFetch<Object, Object, Object> field) {
        if (!cached.isDone()) {
            return cached.thenApply(loaded -> field.value(source, loaded));
        }
        if (cached.isCompletedExceptionally()) {
            throw new OffPlan();
        }
        return field.value(source, cached.join());
    }

    /** Where one object's keyed value goes. */
    private record Slot(
            Object[] values, int index, Object source, Object key, KeyedFetch<Object, Object, Object> field) {}

    /**
     * The keys one level asks of one loader through keyed fields, read in one call. A key the loader meanwhile holds
     * (another field of the level loaded it through the DataLoader) is left to the loader, and so is every key when
     * the loader has a batch waiting; what is read is held ({@link HeldValues}), so that later loads of those keys
     * find them, as they would have found the loader's own batch.
     */
    private final class KeyedLoads {
        private final KeyedFetch<Object, Object, Object> reader;
        private final Supplier<DataFetchingEnvironment> environment;
        private final DataLoader<Object, Object> loader;
        private final Map<Object, Object> read;
        private final List<Slot> slots = new ArrayList<>();
        private final Set<Object> keys = new LinkedHashSet<>();

        KeyedLoads(
                KeyedFetch<Object, Object, Object> reader,
                Supplier<DataFetchingEnvironment> environment,
                DataLoader<Object, Object> loader,
                Map<Object, Object> read) {
            this.reader = reader;
            this.environment = environment;
            this.loader = loader;
            this.read = read;
        }

        void want(Object[] values, int index, Object source, Object key, KeyedFetch<Object, Object, Object> field) {
            if (read.containsKey(key)) {
                values[index] = field.value(source, read.get(key));
                return;
            }
            Optional<CompletableFuture<Object>> cached = loader.getIfPresent(key);
            if (cached.isPresent()) {
                values[index] = fromCache(cached.get(), source, field);
            } else {
                slots.add(new Slot(values, index, source, key, field));
                keys.add(key);
            }
        }

        void run() {
            if (loader.dispatchDepth() > 0) {
                joinQueuedBatch();
                return;
            }
            Set<Object> missing = new LinkedHashSet<>();
            for (Object key : keys) {
                if (loader.getIfPresent(key).isEmpty()) {
                    missing.add(key);
                }
            }
            Map<Object, Object> found;
            try {
                found = missing.isEmpty() ? Map.of() : reader.loadAll(environment.get(), missing);
                for (Object key : missing) {
                    read.put(key, found.get(key));
                }
                for (Slot slot : slots) {
                    slot.values()[slot.index()] = missing.contains(slot.key())
                            ? slot.field().value(slot.source(), found.get(slot.key()))
                            : fromCache(
                                    loader.getIfPresent(slot.key()).orElseThrow(OffPlan::new),
                                    slot.source(),
                                    slot.field());
                }
            } catch (RuntimeException e) {
                throw new OffPlan();
            }
        }

        /**
         * The loader already has keys waiting for this level's dispatch (loads chained from the level before, such
         * as a user's server through its spawner): these keys join that batch, so one statement reads them all.
         */
        private void joinQueuedBatch() {
            try {
                for (Slot slot : slots) {
                    slot.values()[slot.index()] = fromCache(loader.load(slot.key()), slot.source(), slot.field());
                }
            } catch (RuntimeException e) {
                throw new OffPlan();
            }
        }
    }

    /** A field's raw values for each object of a batch, completed into the batch's value arrays. */
    private final class FetchedField {
        private final Batch batch;
        private final int index;
        private final Object[] values;

        FetchedField(Batch batch, int index, Object[] values) {
            this.batch = batch;
            this.index = index;
            this.values = values;
        }

        boolean isDone() {
            for (Object value : values) {
                if (value instanceof CompletableFuture<?> future && !future.isDone()) {
                    return false;
                }
            }
            return true;
        }

        void complete(Map<PlannedField, Batch> next, List<Batch> nextInOrder) {
            PlannedField planned = batch.selection().fields().get(index);
            ResultPath path = batch.path().segment(planned.field().getResultKey());
            @Nullable Batch children = null;
            if (planned.children() != null) {
                children = next.get(planned);
                if (children == null) {
                    children = new Batch(planned.children(), path, new ArrayList<>(), new ArrayList<>());
                    next.put(planned, children);
                    nextInOrder.add(children);
                }
            }
            for (int i = 0; i < values.length; i++) {
                Object value = values[i] instanceof CompletableFuture<?> future ? joined(future) : values[i];
                batch.rows().get(i)[index] = completeValue(planned.type(), value, children);
            }
        }

        private Object joined(CompletableFuture<?> future) {
            Object value = future.isCompletedExceptionally() ? null : future.join();
            if (future.isCompletedExceptionally() || value instanceof DataFetcherResult<?>) {
                throw new OffPlan();
            }
            return value;
        }

        private @Nullable Object completeValue(
                GraphQLOutputType type, @Nullable Object value, @Nullable Batch children) {
            if (value == null) {
                if (type instanceof GraphQLNonNull) {
                    throw new OffPlan();
                }
                return null;
            }
            GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
            if (unwrapped instanceof GraphQLList list) {
                if (!(value instanceof List<?> elements)) {
                    throw new OffPlan();
                }
                Object[] completed = new Object[elements.size()];
                for (int i = 0; i < completed.length; i++) {
                    completed[i] = completeValue((GraphQLOutputType) list.getWrappedType(), elements.get(i), children);
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
                throw new OffPlan();
            }
            if (children == null) {
                throw new OffPlan();
            }
            Object[] row = new Object[children.selection().fields().size()];
            children.sources().add(value);
            children.rows().add(row);
            return row;
        }
    }
}
