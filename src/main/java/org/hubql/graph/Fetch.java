package org.hubql.graph;

import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.hubql.loaders.LoaderKey;

/** Small helpers the fetchers share. */
final class Fetch {
    private Fetch() {
        // non-constructable
    }

    /** Loads {@code key} through the request's loader, or completes with null when there is no key. */
    static <K, V> CompletableFuture<V> loadOrNull(DataFetchingEnvironment env, LoaderKey<K, V> loader, K key) {
        if (key == null) {
            return CompletableFuture.completedFuture(null);
        }
        return RequestContext.loader(env, loader).load(key);
    }
}
