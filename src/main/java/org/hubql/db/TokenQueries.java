package org.hubql.db;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hubql.model.ApiToken;

/** All SQL on {@code api_tokens}. Never selects {@code hashed}. */
public final class TokenQueries {
    private final KeyedQuery<Long, ApiToken> byId;
    private final KeyedQuery<Long, ApiToken> byUserId;
    private final KeyedQuery<Long, ApiToken> byServiceId;
    private final String byIdsInUserOrder;

    public TokenQueries(HubSchema schema) {
        String select = "SELECT " + columns(schema) + " FROM api_tokens t";
        this.byId = new KeyedQuery<>(select, "t.id", "", row -> row.id("id"), TokenQueries::map);
        this.byUserId =
                new KeyedQuery<>(select, "t.user_id", "ORDER BY t.id", row -> row.id("user_id"), TokenQueries::map);
        this.byServiceId = new KeyedQuery<>(
                select, "t.service_id", "ORDER BY t.id", row -> row.id("service_id"), TokenQueries::map);
        this.byIdsInUserOrder = select + " WHERE t.id IN (SELECT value FROM json_each(?)) ORDER BY t.id";
    }

    static ApiToken map(Row row) throws SQLException {
        return new ApiToken(
                row.id("id"),
                row.text("prefix"),
                row.longOrNull("user_id"),
                row.longOrNull("service_id"),
                row.dateTime("created"),
                row.dateTime("last_activity"),
                row.dateTime("expires_at"),
                row.text("note"),
                row.stringList("scopes"),
                row.text("client_id"));
    }

    public Map<Long, ApiToken> byIds(Sql sql, Collection<Long> ids) {
        return byId.unique(sql, ids);
    }

    /**
     * Each user's tokens, by id. On SQLite, which has no index on {@code api_tokens.user_id}, their ids come from the
     * token index and the rows by primary key ({@link OwnedRows}).
     */
    public Map<Long, List<ApiToken>> byUserIds(Sql sql, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return KeyChunks.read(sql, userIds, chunk -> byUserIdsAtOnce(sql, chunk));
    }

    private Map<Long, List<ApiToken>> byUserIdsAtOnce(Sql sql, Collection<Long> userIds) {
        Set<Long> wanted = Set.copyOf(userIds);
        return sql.listIndexed(
                        lookup -> lookup.tokenIdsOf(wanted)
                                .map(ids -> new SqlFragment(byIdsInUserOrder, List.of(JsonText.array(ids)))),
                        TokenQueries::map)
                .map(rows -> OwnedRows.byOwner(rows, ApiToken::userId, wanted))
                .orElseGet(() -> byUserId.grouped(sql, userIds));
    }

    public Map<Long, List<ApiToken>> byServiceIds(Sql sql, Collection<Long> serviceIds) {
        return byServiceId.grouped(sql, serviceIds);
    }

    /** The t.… columns of a row mapped by {@link #map}, those this hub's version has. */
    static String columns(HubSchema schema) {
        return schema.select(
                "t",
                "api_tokens",
                "id",
                "prefix",
                "user_id",
                "service_id",
                "created",
                "last_activity",
                "expires_at",
                "note",
                "scopes",
                "client_id");
    }
}
