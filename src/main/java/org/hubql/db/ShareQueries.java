package org.hubql.db;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hubql.model.Share;
import org.hubql.model.ShareCode;

/**
 * All SQL on {@code shares} and {@code share_codes} (JupyterHub 5.0 and later). Never selects a share code's
 * {@code hashed}. Older hubs have neither table: every query answers empty without touching the database.
 */
public final class ShareQueries {
    private final boolean sharesPresent;
    private final boolean codesPresent;
    private final KeyedQuery<Long, Share> byId;
    private final KeyedQuery<Long, Share> byOwnerId;
    private final KeyedQuery<Long, Share> byUserId;
    private final KeyedQuery<Long, Share> byGroupId;
    private final KeyedQuery<Long, Share> bySpawnerId;
    private final KeyedQuery<Long, ShareCode> codeById;
    private final KeyedQuery<Long, ShareCode> codeBySpawnerId;

    public ShareQueries(HubSchema schema) {
        this.sharesPresent = schema.hasTable("shares");
        this.codesPresent = schema.hasTable("share_codes");
        String select = "SELECT "
                + schema.select(
                        "h",
                        "shares",
                        "id",
                        "owner_id",
                        "spawner_id",
                        "user_id",
                        "group_id",
                        "scopes",
                        "created_at",
                        "expires_at")
                + " FROM shares h";
        this.byId = new KeyedQuery<>(select, "h.id", "", row -> row.id("id"), ShareQueries::map);
        this.byOwnerId =
                new KeyedQuery<>(select, "h.owner_id", "ORDER BY h.id", row -> row.id("owner_id"), ShareQueries::map);
        this.byUserId =
                new KeyedQuery<>(select, "h.user_id", "ORDER BY h.id", row -> row.id("user_id"), ShareQueries::map);
        this.byGroupId =
                new KeyedQuery<>(select, "h.group_id", "ORDER BY h.id", row -> row.id("group_id"), ShareQueries::map);
        this.bySpawnerId = new KeyedQuery<>(
                select, "h.spawner_id", "ORDER BY h.id", row -> row.id("spawner_id"), ShareQueries::map);
        String codeSelect = "SELECT "
                + schema.select(
                        "k",
                        "share_codes",
                        "id",
                        "prefix",
                        "owner_id",
                        "spawner_id",
                        "scopes",
                        "created_at",
                        "expires_at",
                        "exchange_count",
                        "last_exchanged_at")
                + " FROM share_codes k";
        this.codeById = new KeyedQuery<>(codeSelect, "k.id", "", row -> row.id("id"), ShareQueries::mapCode);
        this.codeBySpawnerId = new KeyedQuery<>(
                codeSelect, "k.spawner_id", "ORDER BY k.id", row -> row.id("spawner_id"), ShareQueries::mapCode);
    }

    private static Share map(Row row) throws SQLException {
        return new Share(
                row.id("id"),
                row.longOrNull("owner_id"),
                row.longOrNull("spawner_id"),
                row.longOrNull("user_id"),
                row.longOrNull("group_id"),
                orEmpty(row.stringList("scopes")),
                row.dateTime("created_at"),
                row.dateTime("expires_at"));
    }

    private static ShareCode mapCode(Row row) throws SQLException {
        return new ShareCode(
                row.id("id"),
                row.text("prefix"),
                row.longOrNull("owner_id"),
                row.longOrNull("spawner_id"),
                orEmpty(row.stringList("scopes")),
                row.dateTime("created_at"),
                row.dateTime("expires_at"),
                row.intOrNull("exchange_count"),
                row.dateTime("last_exchanged_at"));
    }

    private static List<String> orEmpty(List<String> scopes) {
        return scopes == null ? List.of() : scopes;
    }

    public Map<Long, Share> byIds(Sql sql, Collection<Long> ids) {
        return sharesPresent ? byId.unique(sql, ids) : Map.of();
    }

    /** Shares of the servers each user owns. */
    public Map<Long, List<Share>> byOwnerIds(Sql sql, Collection<Long> ids) {
        return sharesPresent ? byOwnerId.grouped(sql, ids) : Map.of();
    }

    /** Shares granted to each user directly. */
    public Map<Long, List<Share>> byUserIds(Sql sql, Collection<Long> ids) {
        return sharesPresent ? byUserId.grouped(sql, ids) : Map.of();
    }

    public Map<Long, List<Share>> byGroupIds(Sql sql, Collection<Long> ids) {
        return sharesPresent ? byGroupId.grouped(sql, ids) : Map.of();
    }

    public Map<Long, List<Share>> bySpawnerIds(Sql sql, Collection<Long> ids) {
        return sharesPresent ? bySpawnerId.grouped(sql, ids) : Map.of();
    }

    public Map<Long, ShareCode> codesByIds(Sql sql, Collection<Long> ids) {
        return codesPresent ? codeById.unique(sql, ids) : Map.of();
    }

    public Map<Long, List<ShareCode>> codesBySpawnerIds(Sql sql, Collection<Long> ids) {
        return codesPresent ? codeBySpawnerId.grouped(sql, ids) : Map.of();
    }
}
