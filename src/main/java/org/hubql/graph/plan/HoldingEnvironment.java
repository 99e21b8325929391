package org.hubql.graph.plan;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DelegatingDataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.jspecify.annotations.Nullable;

/**
 * A planned field's environment for one object of its level: the object as source, and the request's DataLoaders
 * handed out only after the values the plan holds for them are primed ({@link HeldValues}), so a fetcher that loads
 * through a loader finds everything the plan has read.
 */
final class HoldingEnvironment extends DelegatingDataFetchingEnvironment implements LoadHolder {
    private final Object source;
    private final HeldValues held;

    HoldingEnvironment(DataFetchingEnvironment field, Object source, HeldValues held) {
        super(field);
        this.source = source;
        this.held = held;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getSource() {
        return (T) source;
    }

    @Override
    public <K, V> @Nullable DataLoader<K, V> getDataLoader(String dataLoaderName) {
        held.prime(dataLoaderName);
        return super.getDataLoader(dataLoaderName);
    }

    @Override
    public void hold(String loader, Object key, @Nullable Object value) {
        held.of(loader).put(key, value);
    }

    @Override
    public DataLoaderRegistry getDataLoaderRegistry() {
        held.primeAll();
        return super.getDataLoaderRegistry();
    }
}
