package org.hubql.graph;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetcherFactory;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import graphql.schema.PropertyDataFetcher;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The fetcher of every field wired to no fetcher of its own: a model record's component of the field's name, read
 * by a function made once per record class. graphql-java's {@link PropertyDataFetcher} finds the same accessor, but
 * builds a text key and looks it up on every call: on a wide query that was a visible share of a request's CPU.
 * Any other source (a map, a class without such a component) is read by {@link PropertyDataFetcher}, as before.
 */
final class RecordFetcher implements LightDataFetcher<Object> {
    /**
     * What the schema's code registry uses for fields without a fetcher. The registry asks it on every lookup of
     * such a field, so it hands out one fetcher per field name, whose accessors are made once.
     */
    static final DataFetcherFactory<Object> FACTORY = new DataFetcherFactory<>() {
        private final Map<String, RecordFetcher> byName = new ConcurrentHashMap<>();

        @Override
        @SuppressWarnings("deprecation") // still abstract in graphql-java 26; the field-definition form is used
        public DataFetcher<Object> get(graphql.schema.DataFetcherFactoryEnvironment environment) {
            return get(environment.getFieldDefinition());
        }

        @Override
        public DataFetcher<Object> get(GraphQLFieldDefinition definition) {
            return byName.computeIfAbsent(definition.getName(), RecordFetcher::new);
        }
    };

    private final PropertyDataFetcher<Object> fallback;
    private final ClassValue<Optional<Function<Object, Object>>> accessors;
    /** The last source class read and its accessor: a field's sources are nearly always of one class. */
    private Accessor last = new Accessor(Void.class, Optional.empty());

    /** Immutable, so a racing thread sees a whole pair or the previous one. */
    private record Accessor(Class<?> type, Optional<Function<Object, Object>> read) {}

    RecordFetcher(String component) {
        this.fallback = PropertyDataFetcher.fetching(component);
        this.accessors = new ClassValue<>() {
            @Override
            protected Optional<Function<Object, Object>> computeValue(Class<?> type) {
                return accessor(type, component);
            }
        };
    }

    @Override
    public Object get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment)
            throws Exception {
        if (source == null) {
            return null;
        }
        Accessor accessor = last;
        if (accessor.type() != source.getClass()) {
            accessor = new Accessor(source.getClass(), accessors.get(source.getClass()));
            last = accessor;
        }
        return accessor.read().isPresent()
                ? accessor.read().get().apply(source)
                : fallback.get(definition, source, environment);
    }

    @Override
    public Object get(DataFetchingEnvironment environment) throws Exception {
        return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
    }

    /** A function calling the public record's accessor of {@code component}, if it has one. */
    static Optional<Function<Object, Object>> accessor(Class<?> type, String component) {
        if (!type.isRecord() || !Modifier.isPublic(type.getModifiers())) {
            return Optional.empty();
        }
        for (RecordComponent each : type.getRecordComponents()) {
            if (each.getName().equals(component)) {
                return Optional.of(function(each));
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object> function(RecordComponent component) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle getter = lookup.unreflect(component.getAccessor());
            MethodType erased = MethodType.methodType(Object.class, Object.class);
            return (Function<Object, Object>) LambdaMetafactory.metafactory(
                            lookup,
                            "apply",
                            MethodType.methodType(Function.class),
                            erased,
                            getter,
                            getter.type().wrap())
                    .getTarget()
                    .invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
