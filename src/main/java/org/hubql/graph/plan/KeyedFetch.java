package org.hubql.graph.plan;

import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A field whose value for each object is one key's value from a request's DataLoader, possibly mapped. A plan reads
 * the keys a level asks of one loader in one call ({@link #loadAll}) instead of a DataLoader future per key, and
 * keeps what it read, priming the loader with it before any other fetcher asks for the loader and before a
 * hand-back, so that any later load of those keys (by the plan, or by graphql-java's strategy after a hand-back)
 * finds them; the other strategies call the field's fetcher, which loads through the DataLoader. Either way the
 * loader's own batch runs, so the statements are the same.
 *
 * @param <S> the objects the field is on
 * @param <K> the loader's keys
 * @param <V> the loader's values
 */
public interface KeyedFetch<S, K, V> {
    /** The name of the request's DataLoader the keys belong to. */
    String loaderName();

    /** The key of {@code source}; none means the value is {@code value(source, null)} without a load. */
    @Nullable
    K key(S source);

    /** The field's value for {@code source}, from the loaded value of its key (null when none was found). */
    @Nullable
    Object value(S source, @Nullable V loaded);

    /** The values of {@code keys}, read with the statements the loader's batch runs for them; keys not found are absent. */
    Map<K, V> loadAll(DataFetchingEnvironment environment, Set<K> keys);
}
