package org.hubql.graph;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hubql.graph.plan.KeyedFetch;
import org.hubql.loaders.LoaderKey;
import org.hubql.loaders.Loaders;
import org.jspecify.annotations.Nullable;

/**
 * A field that is one key's value from a request loader, mapped or as loaded: its fetcher for graphql-java's
 * strategies, and a {@link KeyedFetch} for plans, which read a level's keys in one call.
 */
final class KeyedField<S, K, V> implements DataFetcher<Object>, KeyedFetch<S, K, V> {
    private final LoaderKey<K, V> loader;
    private final Function<S, @Nullable K> key;
    private final BiFunction<S, @Nullable V, @Nullable Object> value;
    private final boolean asLoaded;

    private KeyedField(
            LoaderKey<K, V> loader,
            Function<S, @Nullable K> key,
            BiFunction<S, @Nullable V, @Nullable Object> value,
            boolean asLoaded) {
        this.loader = loader;
        this.key = key;
        this.value = value;
        this.asLoaded = asLoaded;
    }

    /** The loaded value of the source's key, as it is. */
    static <S, K, V> KeyedField<S, K, V> of(LoaderKey<K, V> loader, Function<S, @Nullable K> key) {
        return new KeyedField<>(loader, key, (source, loaded) -> loaded, true);
    }

    /** The loaded value of the source's key, mapped with its source. */
    static <S, K, V> KeyedField<S, K, V> mapped(
            LoaderKey<K, V> loader, Function<S, @Nullable K> key, BiFunction<S, @Nullable V, @Nullable Object> value) {
        return new KeyedField<>(loader, key, value, false);
    }

    @Override
    public Object get(DataFetchingEnvironment env) {
        S source = env.getSource();
        CompletableFuture<V> loaded = Fetch.loadOrNull(env, loader, key.apply(source));
        return asLoaded ? loaded : loaded.thenApply(found -> value.apply(source, found));
    }

    @Override
    public String loaderName() {
        return loader.name();
    }

    @Override
    public @Nullable K key(S source) {
        return key.apply(source);
    }

    @Override
    public @Nullable Object value(S source, @Nullable V loaded) {
        return value.apply(source, loaded);
    }

    @Override
    public Map<K, V> loadAll(DataFetchingEnvironment environment, Set<K> keys) {
        RequestContext context = RequestContext.of(environment);
        return Loaders.loadAll(context.queries(), context.sql(), loader, keys);
    }
}
