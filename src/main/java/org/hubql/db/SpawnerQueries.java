package org.hubql.db;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hubql.model.Spawner;

/** All SQL on {@code spawners}. Never selects {@code state}. */
public final class SpawnerQueries {
    private final KeyedQuery<Long, Spawner> byId;
    private final KeyedQuery<Long, Spawner> byServerId;
    private final KeyedQuery<Long, Spawner> byUserId;
    private final String byIdsInUserOrder;

    public SpawnerQueries(HubSchema schema) {
        String select = "SELECT " + columns(schema) + " FROM spawners s";
        this.byId = new KeyedQuery<>(select, "s.id", "", row -> row.id("id"), SpawnerQueries::map);
        this.byServerId = new KeyedQuery<>(select, "s.server_id", "", row -> row.id("server_id"), SpawnerQueries::map);
        this.byUserId = new KeyedQuery<>(
                select, "s.user_id", "ORDER BY s.user_id, s.name, s.id", row -> row.id("user_id"), SpawnerQueries::map);
        this.byIdsInUserOrder =
                select + " WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY s.user_id, s.name, s.id";
    }

    static Spawner map(Row row) throws SQLException {
        String name = row.text("name");
        return new Spawner(
                row.id("id"),
                row.longOrNull("user_id"),
                row.longOrNull("server_id"),
                name == null ? "" : name,
                row.dateTime("started"),
                row.dateTime("last_activity"),
                row.json("user_options"));
    }

    public Map<Long, Spawner> byIds(Sql sql, Collection<Long> ids) {
        return byId.unique(sql, ids);
    }

    public Map<Long, Spawner> byServerIds(Sql sql, Collection<Long> serverIds) {
        return byServerId.unique(sql, serverIds);
    }

    /**
     * Each user's spawners, the default ({@code ''}) first, then by name. On SQLite, which has no index on
     * {@code spawners.user_id}, their ids come from the spawner index and the rows by primary key ({@link OwnedRows}).
     */
    public Map<Long, List<Spawner>> byUserIds(Sql sql, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return KeyChunks.read(sql, userIds, chunk -> byUserIdsAtOnce(sql, chunk));
    }

    private Map<Long, List<Spawner>> byUserIdsAtOnce(Sql sql, Collection<Long> userIds) {
        Set<Long> wanted = Set.copyOf(userIds);
        return sql.listIndexed(lookup -> lookup.spawnerIdsOf(wanted).map(this::inUserOrder), SpawnerQueries::map)
                .map(rows -> OwnedRows.byOwner(rows, Spawner::userId, wanted))
                .orElseGet(() -> byUserId.grouped(sql, userIds));
    }

    /** The spawners of these ids, in each user's order. */
    SqlFragment inUserOrder(long[] spawnerIds) {
        return new SqlFragment(byIdsInUserOrder, List.of(JsonText.array(spawnerIds)));
    }

    /** The s.… columns of a row mapped by {@link #map}, those this hub's version has. */
    static String columns(HubSchema schema) {
        return schema.select(
                "s", "spawners", "id", "user_id", "server_id", "name", "started", "last_activity", "user_options");
    }
}
