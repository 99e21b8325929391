package org.hubql.loaders;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.MappedBatchLoader;

/**
 * A per-request registry that creates each DataLoader the first time a fetcher asks for it. A request uses two or
 * three of the two dozen relations, so building all of them up front was most of the fixed cost of a small query;
 * and the engine's dispatch now walks only the loaders in use. Each batch's size goes to {@code batches}, for the
 * metrics.
 */
final class LazyLoaderRegistry extends DataLoaderRegistry {
    private final Map<String, Supplier<DataLoader<?, ?>>> factories = new HashMap<>();
    private final ObjIntConsumer<String> batches;

    LazyLoaderRegistry(ObjIntConsumer<String> batches) {
        this.batches = batches;
    }

    /** {@code loader}, telling {@code batches} the size of each batch it loads. */
    <K, V> MappedBatchLoader<K, V> counted(String name, MappedBatchLoader<K, V> loader) {
        return keys -> {
            batches.accept(name, keys.size());
            return loader.load(keys);
        };
    }

    /** Registers how to create a loader; call before the request executes. */
    void lazily(String name, Supplier<DataLoader<?, ?>> factory) {
        factories.put(name, factory);
    }

    @Override
    public <K, V> DataLoader<K, V> getDataLoader(String key) {
        return computeIfAbsent(key, name -> {
            Supplier<DataLoader<?, ?>> factory = factories.get(name);
            return factory == null ? null : factory.get();
        });
    }
}
