package org.hubql.graph.plan;

import org.jspecify.annotations.Nullable;

/**
 * A fetcher environment that takes values for one of the request's DataLoaders to hold, in place of priming the
 * loader at once: a plan's environments do ({@link HoldingEnvironment}), and prime the loader only when something
 * asks it for them.
 */
public interface LoadHolder {
    /** Holds {@code key}'s {@code value} for the loader named {@code loader}. */
    void hold(String loader, Object key, @Nullable Object value);
}
