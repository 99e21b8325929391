package org.hubql.db;

import java.util.List;

/** How a statement on {@code users} tells the users with a running server, as its {@code active} filter. */
final class RunningUsers {
    /** The portable subquery; on SQLite, which has no index on {@code spawners.user_id}, it scans spawners. */
    static final RunningUsers SUBQUERY = in(
            "(SELECT s.user_id FROM spawners s JOIN servers v ON v.id = s.server_id" + " WHERE s.user_id IS NOT NULL)",
            List.of());

    private final String running;
    private final String idle;
    private final List<Object> params;

    private RunningUsers(String running, String idle, List<Object> params) {
        this.running = running;
        this.idle = idle;
        this.params = params;
    }

    /**
     * A SQL function of the connection the statement runs on, asked user by user: for a page, which walks users by
     * primary key and stops at its size.
     */
    static RunningUsers calling(String function) {
        return new RunningUsers(function + "(u.id)", "NOT " + function + "(u.id)", List.of());
    }

    /** The running users' ids as one parameter: for a count, which visits every user anyway. */
    static RunningUsers listed(long[] ids) {
        return in("(SELECT value FROM json_each(?))", List.of(JsonText.array(ids)));
    }

    private static RunningUsers in(String set, List<Object> params) {
        return new RunningUsers("u.id IN " + set, "u.id NOT IN " + set, params);
    }

    /** The condition for users that run ({@code active}) or do not. */
    SqlFragment condition(boolean active) {
        return new SqlFragment(active ? running : idle, params);
    }
}
