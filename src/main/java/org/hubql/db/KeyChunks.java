package org.hubql.db;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A batch of keys read in chunks of {@link Dialect#keysPerStatement()}, each chunk answered on its own (its own
 * statements): on SQLite no statement of a batch reads for long, however many keys the batch has.
 */
final class KeyChunks {
    private KeyChunks() {
        // non-constructable
    }

    /** The answers of every chunk, merged; each key is in exactly one chunk. */
    static <K, V> Map<K, V> read(Sql sql, Collection<K> keys, Function<List<K>, Map<K, V>> chunkReader) {
        List<K> all = List.copyOf(keys);
        int chunk = sql.dialect().keysPerStatement();
        if (all.size() <= chunk) {
            return chunkReader.apply(all);
        }
        Map<K, V> merged = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += chunk) {
            merged.putAll(chunkReader.apply(all.subList(from, Math.min(all.size(), from + chunk))));
        }
        return merged;
    }
}
