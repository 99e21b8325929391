package org.hubql.graph;

import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.hubql.graph.plan.LoadHolder;
import org.hubql.loaders.LoaderKey;
import org.hubql.loaders.Loaders;

/** Small helpers the fetchers share. */
final class Fetch {
    private Fetch() {
        // non-constructable
    }

    /** Loads {@code key} ({@link #load}), or completes with null when there is no key. */
    static <K, V> CompletableFuture<V> loadOrNull(DataFetchingEnvironment env, LoaderKey<K, V> loader, K key) {
        if (key == null) {
            return CompletableFuture.completedFuture(null);
        }
        return load(env, loader, key);
    }

    /**
     * Loads {@code key} through the request's loader; or, when this field is the operation's only field and a root
     * field, so that no other load could share its batch, at once with the same statement ({@link Loaders#loadNow}).
     */
    static <K, V> CompletableFuture<V> load(DataFetchingEnvironment env, LoaderKey<K, V> loader, K key) {
        if (aloneAtRoot(env)) {
            RequestContext context = RequestContext.of(env);
            return Loaders.loadNow(context.queries(), context.sql(), loader, key);
        }
        return RequestContext.loader(env, loader).load(key);
    }

    /**
     * Primes the request's loader with {@code values}, each under its key, so later loads of those keys find them; a
     * plan's environment holds them instead ({@link LoadHolder}) and primes the loader only if something asks it.
     */
    static <K, V> void prime(DataFetchingEnvironment env, LoaderKey<K, V> loader, List<V> values, Function<V, K> key) {
        if (env instanceof LoadHolder holder) {
            values.forEach(value -> holder.hold(loader.name(), key.apply(value), value));
        } else {
            DataLoader<K, V> cache = RequestContext.loader(env, loader);
            values.forEach(value -> cache.prime(key.apply(value), value));
        }
    }

    private static boolean aloneAtRoot(DataFetchingEnvironment env) {
        List<?> roots = env.getOperationDefinition().getSelectionSet().getSelections();
        return roots.size() == 1
                && roots.get(0) instanceof Field
                && env.getParentType() == env.getGraphQLSchema().getQueryType();
    }
}
