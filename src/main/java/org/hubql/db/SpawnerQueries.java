package org.hubql.db;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hubql.model.Spawner;

/** All SQL on {@code spawners}. Never selects {@code state}. */
public final class SpawnerQueries {
    private final KeyedQuery<Long, Spawner> byId;
    private final KeyedQuery<Long, Spawner> byServerId;
    private final KeyedQuery<Long, Spawner> byUserId;
    private final String byIdsInUserOrder;

    public SpawnerQueries(HubSchema schema) {
        String select = "SELECT " + schema.select("s", "spawners", "id", "user_id", "server_id", "name", "started",
                "last_activity", "user_options") + " FROM spawners s";
        this.byId = new KeyedQuery<>(select, "s.id", "", row -> row.id("id"), SpawnerQueries::map);
        this.byServerId = new KeyedQuery<>(select, "s.server_id", "", row -> row.id("server_id"), SpawnerQueries::map);
        this.byUserId = new KeyedQuery<>(select, "s.user_id", "ORDER BY s.user_id, s.name, s.id", row -> row.id("user_id"),
                SpawnerQueries::map);
        this.byIdsInUserOrder = select + " WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY s.user_id, s.name, s.id";
    }

    static Spawner map(Row row) throws SQLException {
        String name = row.text("name");
        return new Spawner(row.id("id"), row.longOrNull("user_id"), row.longOrNull("server_id"), name == null ? "" : name,
                row.dateTime("started"), row.dateTime("last_activity"), row.json("user_options"));
    }

    public Map<Long, Spawner> byIds(Sql sql, Collection<Long> ids) {
        return byId.unique(sql, ids);
    }

    public Map<Long, Spawner> byServerIds(Sql sql, Collection<Long> serverIds) {
        return byServerId.unique(sql, serverIds);
    }

    /** Each user's spawners, the default ({@code ''}) first, then by name. */
    public Map<Long, List<Spawner>> byUserIds(Sql sql, Collection<Long> userIds) {
        if (sql.dialect() != Dialect.SQLITE) {
            return byUserId.grouped(sql, userIds);
        }
        Set<Long> wanted = Set.copyOf(userIds);
        return byIdsForUsers(sql, wanted, index -> index.spawnerIds(wanted));
    }

    /** On SQLite, which has no index on {@code spawners.user_id}: the spawners {@code spawnerIds} names (see {@link OwnedRows}). */
    Map<Long, List<Spawner>> byIdsForUsers(Sql sql, Set<Long> userIds, Function<SpawnerIndex, List<Long>> spawnerIds) {
        return OwnedRows.load(sql, IndexKind.SPAWNERS, byIdsInUserOrder, userIds, spawnerIds, SpawnerQueries::map, Spawner::userId,
                () -> byUserId.grouped(sql, userIds));
    }
}
