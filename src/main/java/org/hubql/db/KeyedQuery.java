package org.hubql.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@code SELECT … WHERE key IN (keys)} run once for a whole batch of keys: the shape behind most batch loaders, and
 * the plain path of those that SQLite's in-memory indexes answer otherwise ({@code db.sqlite.Lookup}). Keys with no
 * row are simply absent from the result, as are text keys no row of this engine can hold ({@link Dialect#canStore}),
 * which are not sent. On SQLite a long key list is read in several statements ({@link Dialect#keysPerStatement()}).
 */
public final class KeyedQuery<K, V extends @Nullable Object> {
    private final String selectFrom;
    private final String keyColumn;
    private final String tail;
    private final RowMapper<K> keyReader;
    private final RowMapper<V> mapper;

    /**
     * @param selectFrom {@code SELECT … FROM … [JOIN …] [WHERE …]}; the key condition is added with AND
     * @param keyColumn  the column matched against the keys; {@code keyReader} reads it back from each row
     * @param tail       what follows the WHERE clause ({@code ORDER BY …}, {@code GROUP BY …}), or empty
     */
    public KeyedQuery(String selectFrom, String keyColumn, String tail, RowMapper<K> keyReader, RowMapper<V> mapper) {
        this.selectFrom = selectFrom;
        this.keyColumn = keyColumn;
        this.tail = tail;
        this.keyReader = keyReader;
        this.mapper = mapper;
    }

    public Map<K, V> unique(Sql sql, Collection<K> keys) {
        Map<K, V> byKey = new HashMap<>();
        run(sql, keys, (key, value) -> byKey.put(key, value));
        return byKey;
    }

    /** Every row of each key, in the query's order; keys with no rows are absent. */
    public Map<K, List<V>> grouped(Sql sql, Collection<K> keys) {
        Map<K, List<V>> byKey = new LinkedHashMap<>();
        run(
                sql,
                keys,
                (key, value) ->
                        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(value));
        return byKey;
    }

    /** One statement per {@link Dialect#keysPerStatement()} keys; each key's rows all come from one statement. */
    private void run(Sql sql, Collection<K> keys, BiConsumer<K, V> sink) {
        List<K> storable = keys.stream()
                .filter(key -> !(key instanceof String text) || sql.dialect().canStore(text))
                .toList();
        KeyChunks.read(sql, storable, chunk -> {
            runOnce(sql, chunk, sink);
            return Map.of();
        });
    }

    private void runOnce(Sql sql, Collection<K> keys, BiConsumer<K, V> sink) {
        if (keys.isEmpty()) {
            return;
        }
        SqlFragment in = sql.dialect().in(keyColumn, keys);
        String where = selectFrom.contains(" WHERE ") ? " AND " : " WHERE ";
        sql.list(sql.dialect().sortedAfterFilter(selectFrom + where + in.text(), tail), in.params(), row -> {
            sink.accept(keyReader.map(row), mapper.map(row));
            return null;
        });
    }
}
