package org.hubql.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Each owner's rows of a table with no index on its owner column (SQLite): the row ids come from a connection
 * index, the rows by primary key in one statement. A row may have changed hands since the index was read, so rows
 * are grouped by the owner they name themselves, and those of owners not asked for are dropped.
 */
final class OwnedRows {
    private OwnedRows() {
        // non-constructable
    }

    /**
     * @param byIds  {@code SELECT … WHERE id IN (SELECT value FROM json_each(?)) ORDER BY …}, in each owner's order
     * @param ids    the ids of the owners' rows, from the fresh index
     * @param plain  the owners' rows by plain SQL, when the hub writes too often for the index to pay
     */
    static <I, V> Map<Long, List<V>> load(Sql sql, IndexKind<I> kind, String byIds, Set<Long> owners, Function<I, List<Long>> ids,
                                         RowMapper<V> mapper, Function<V, Long> ownerOf, Supplier<Map<Long, List<V>>> plain) {
        Map<Long, List<V>> byOwner = new LinkedHashMap<>();
        if (owners.isEmpty()) {
            return byOwner;
        }
        sql.listWithIndex(kind, byIds, index -> List.of(JsonText.array(ids.apply(index))), row -> {
            V value = mapper.map(row);
            Long owner = ownerOf.apply(value);
            if (owner != null && owners.contains(owner)) {
                byOwner.computeIfAbsent(owner, id -> new ArrayList<>()).add(value);
            }
            return null;
        }, () -> {
            byOwner.putAll(plain.get());
            return List.of();
        });
        return byOwner;
    }
}
