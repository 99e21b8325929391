package org.hubql.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Rows of a table with no index on its owner column (SQLite), loaded by primary key with ids an index named: a row
 * may have changed hands since the index was read, so rows are grouped by the owner they name themselves, and those
 * of owners not asked for are dropped.
 */
final class OwnedRows {
    private OwnedRows() {
        // non-constructable
    }

    static <V> Map<Long, List<V>> byOwner(List<V> rows, Function<V, Long> ownerOf, Set<Long> owners) {
        Map<Long, List<V>> byOwner = new LinkedHashMap<>();
        for (V row : rows) {
            Long owner = ownerOf.apply(row);
            if (owner != null && owners.contains(owner)) {
                byOwner.computeIfAbsent(owner, id -> new ArrayList<>()).add(row);
            }
        }
        return byOwner;
    }
}
