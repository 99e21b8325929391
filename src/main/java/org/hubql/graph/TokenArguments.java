package org.hubql.graph;

import java.time.Instant;
import java.util.Map;
import org.hubql.db.TokenSelection;
import org.hubql.db.TokenSort;
import org.hubql.db.Visible;

/** Turns the {@code filter} and {@code orderBy} arguments of {@code Query.apiTokens} into a {@link TokenSelection}. */
final class TokenArguments {
    /** Each filter that reads a column some JupyterHub versions lack, and that column of {@code api_tokens}. */
    private static final Map<String, String> FILTER_COLUMNS = Map.ofEntries(
            Map.entry("clientId", "client_id"),
            Map.entry("expired", "expires_at"),
            Map.entry("expires", "expires_at"),
            Map.entry("expiresBefore", "expires_at"),
            Map.entry("neverUsed", "last_activity"),
            Map.entry("lastActivityBefore", "last_activity"),
            Map.entry("createdBefore", "created"),
            Map.entry("createdAfter", "created"),
            Map.entry("scope", "scopes"),
            Map.entry("noteContains", "note"));

    private TokenArguments() {
        // non-constructable
    }

    static TokenSelection selection(
            Map<String, Object> filter, Map<String, Object> orderBy, HubColumns columns, Visible readable) {
        Map<String, Object> conditions = filter == null ? Map.of() : filter;
        TokenSort sort = orderBy == null ? TokenSort.ID : TokenSort.valueOf((String) orderBy.get("field"));
        boolean descending = orderBy != null && "DESC".equals(orderBy.get("direction"));
        if (sort != TokenSort.ID) {
            columns.require("orderBy: " + sort.name(), "api_tokens", sort.column());
        }
        FILTER_COLUMNS.forEach((argument, column) -> {
            if (conditions.get(argument) != null) {
                columns.require("filter." + argument, "api_tokens", column);
            }
        });
        String ownerKind = (String) conditions.get("ownerKind");
        return new TokenSelection(
                ownerKind == null ? null : TokenSelection.OwnerKind.valueOf(ownerKind),
                (String) conditions.get("user"),
                (String) conditions.get("service"),
                (String) conditions.get("clientId"),
                (Boolean) conditions.get("expired"),
                (Boolean) conditions.get("expires"),
                (Instant) conditions.get("expiresBefore"),
                (Boolean) conditions.get("neverUsed"),
                (Instant) conditions.get("lastActivityBefore"),
                (Instant) conditions.get("createdBefore"),
                (Instant) conditions.get("createdAfter"),
                (String) conditions.get("scope"),
                (String) conditions.get("noteContains"),
                Instant.now(),
                readable,
                sort,
                descending);
    }
}
