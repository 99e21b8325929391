package org.hubql.graph.plan;

import java.util.HashMap;
import java.util.Map;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;

/**
 * The keyed values a plan run has read and not yet primed into the request's DataLoaders, by loader. The plan's own
 * keyed fields read them here; they are primed into a loader only when something else may ask that loader for them
 * (a fetcher asks the environment for it) or when the plan hands the operation back, so the statements stay those of
 * the loader's own batches without filling a loader's cache that no later field reads.
 */
final class HeldValues {
    private final DataLoaderRegistry loaders;
    private final Map<String, Map<Object, Object>> byLoader = new HashMap<>();

    HeldValues(DataLoaderRegistry loaders) {
        this.loaders = loaders;
    }

    /** The values held for {@code loader}, by key; a key read and not found is held with a null value. */
    Map<Object, Object> of(String loader) {
        return byLoader.computeIfAbsent(loader, name -> new HashMap<>());
    }

    /** Primes {@code name}'s held values into the loader and lets them go; what is read later is held again. */
    void prime(String name) {
        Map<Object, Object> held = byLoader.get(name);
        if (held != null && !held.isEmpty()) {
            DataLoader<Object, Object> loader = loaders.getDataLoader(name);
            held.forEach(loader::prime);
            held.clear();
        }
    }

    /** Primes every loader's held values, before the operation leaves the plan. */
    void primeAll() {
        for (String name : byLoader.keySet()) {
            prime(name);
        }
    }
}
