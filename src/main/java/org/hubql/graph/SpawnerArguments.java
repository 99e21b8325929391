package org.hubql.graph;

import java.time.Instant;
import java.util.Map;
import org.hubql.db.SpawnerSelection;
import org.hubql.db.SpawnerSort;
import org.hubql.db.Visible;

/** Turns the {@code filter} and {@code orderBy} arguments of {@code Query.spawners} into a {@link SpawnerSelection}. */
final class SpawnerArguments {
    private SpawnerArguments() {
        // non-constructable
    }

    static SpawnerSelection selection(
            Map<String, Object> filter,
            Map<String, Object> orderBy,
            HubColumns columns,
            Visible listable,
            Visible readable) {
        Map<String, Object> conditions = filter == null ? Map.of() : filter;
        SpawnerSort sort = orderBy == null ? SpawnerSort.ID : SpawnerSort.valueOf((String) orderBy.get("field"));
        boolean descending = orderBy != null && "DESC".equals(orderBy.get("direction"));
        if (sort == SpawnerSort.STARTED) {
            columns.require("orderBy: STARTED", "spawners", "started");
        }
        for (String started : new String[] {"startedBefore", "startedAfter"}) {
            if (conditions.get(started) != null) {
                columns.require("filter." + started, "spawners", "started");
            }
        }
        return new SpawnerSelection(
                (Boolean) conditions.get("active"),
                (Boolean) conditions.get("named"),
                (String) conditions.get("name"),
                (String) conditions.get("user"),
                (String) conditions.get("group"),
                (Instant) conditions.get("lastActivityBefore"),
                (Instant) conditions.get("lastActivityAfter"),
                (Instant) conditions.get("startedBefore"),
                (Instant) conditions.get("startedAfter"),
                listable,
                readable,
                sort,
                descending);
    }
}
