package org.hubql.db;

import java.time.Instant;
import java.util.List;
import org.hubql.model.HubStats;
import org.jspecify.annotations.Nullable;

/** Counts over the whole hub: the row counts in one statement, active users in one statement per cutoff. */
public final class HubQueries {
    private static final String ACTIVE_SINCE = "SELECT COUNT(*) AS active FROM users WHERE last_activity >= ?";
    private final String stats;

    public HubQueries(HubSchema schema) {
        this.stats = "SELECT"
                + " (SELECT COUNT(*) FROM users) AS users,"
                + " (SELECT COUNT(*) FROM users WHERE admin = TRUE) AS admins,"
                + " (SELECT COUNT(*) FROM " + schema.table("groups") + ") AS group_count,"
                + " (SELECT COUNT(*) FROM services) AS services,"
                + " (SELECT COUNT(*) FROM spawners s JOIN servers v ON v.id = s.server_id) AS active_servers,"
                + " (SELECT COUNT(*) FROM api_tokens) AS api_tokens";
    }

    public @Nullable HubStats stats(Sql sql) {
        return sql.single(
                stats,
                List.of(),
                row -> new HubStats(
                        row.intOrNull("users"),
                        row.intOrNull("admins"),
                        row.intOrNull("group_count"),
                        row.intOrNull("services"),
                        row.intOrNull("active_servers"),
                        row.intOrNull("api_tokens")));
    }

    /**
     * Users whose {@code last_activity} is at or after {@code since}: the statement of JupyterHub's
     * {@code jupyterhub_active_users} metric ({@code metrics.py}, {@code User.last_activity >= cutoff}).
     */
    public int activeUsersSince(Sql sql, Instant since) {
        Integer count = sql.single(ACTIVE_SINCE, List.of(since), row -> row.intOrNull("active"));
        return count == null ? 0 : count;
    }
}
