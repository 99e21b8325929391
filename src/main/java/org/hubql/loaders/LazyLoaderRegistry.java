package org.hubql.loaders;

import java.util.function.Function;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.jspecify.annotations.Nullable;

/**
 * A per-request registry that creates each DataLoader the first time a fetcher asks for it. A request uses two or
 * three of the two dozen relations, so building all of them up front was most of the fixed cost of a small query;
 * and the engine's dispatch now walks only the loaders in use.
 */
final class LazyLoaderRegistry extends DataLoaderRegistry {
    private final Function<String, @Nullable DataLoader<?, ?>> create;

    /** {@code create} makes the loader of a name, or answers null for a name no relation has. */
    LazyLoaderRegistry(Function<String, @Nullable DataLoader<?, ?>> create) {
        this.create = create;
    }

    @Override
    public <K, V> DataLoader<K, V> getDataLoader(String key) {
        return computeIfAbsent(key, create::apply);
    }
}
