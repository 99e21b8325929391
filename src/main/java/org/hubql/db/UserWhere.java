package org.hubql.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the WHERE clause of a {@link UserSelection}, with its parameters in order. */
final class UserWhere {
    /** Stands for the running users' ids until a fresh {@link SpawnerIndex} supplies them. */
    private static final Object RUNNING_USER_IDS = new Object();

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();
    private final UserSelection selection;
    private final boolean usesIndex;

    /**
     * @param counting for a count, which reads every user anyway, rather than for a page that stops early
     * @param indexed  on SQLite, whether the spawner index answers the {@code active} filter (see {@link #withRunningUsers})
     */
    UserWhere(Dialect dialect, UserSelection selection, boolean counting, boolean indexed) {
        this.selection = selection;
        this.usesIndex = indexed && dialect == Dialect.SQLITE && selection.active() != null;
        if (selection.nameContains() != null) {
            add("LOWER(u.name) LIKE ? ESCAPE '!'", "%" + escapeLike(selection.nameContains().toLowerCase(Locale.ROOT)) + "%");
        }
        if (selection.admin() != null) {
            conditions.add(selection.admin() ? "u.admin = TRUE" : "(u.admin IS NULL OR u.admin = FALSE)");
        }
        if (selection.active() != null) {
            if (!usesIndex) {
                conditions.add(runningSubquery(selection.active()));
            } else if (counting) {
                add("u.id " + (selection.active() ? "IN" : "NOT IN") + " (SELECT value FROM json_each(?))", RUNNING_USER_IDS);
            } else {
                conditions.add((selection.active() ? "" : "NOT ") + ConnectionIndexes.RUNNING_USER + "(u.id)");
            }
        }
        if (selection.lastActivityAfter() != null) {
            add("u.last_activity > ?", selection.lastActivityAfter());
        }
        if (selection.lastActivityBefore() != null) {
            add("u.last_activity < ?", selection.lastActivityBefore());
        }
        if (selection.group() != null) {
            add("u.id IN (SELECT m.user_id FROM user_group_map m JOIN " + dialect.quote("groups")
                    + " g ON g.id = m.group_id WHERE g.name = ?)",
                    selection.group());
        }
        if (selection.onlyIds() != null) {
            SqlFragment in = dialect.in("u.id", selection.onlyIds());
            conditions.add(in.text());
            params.addAll(in.params());
        }
    }

    /**
     * On SQLite, spawners has no index on user_id or server_id, so the subquery would scan it for every statement.
     * The connection's {@link SpawnerIndex} answers instead: a page asks {@code hubql_running_user(u.id)} user by
     * user, walks users in order and stops at its size; a count, which visits every user, gets the running users'
     * ids as one parameter rather than calling back into Java for each user.
     */
    static List<Object> withRunningUsers(List<Object> params, SpawnerIndex index) {
        List<Object> bound = new ArrayList<>(params);
        bound.replaceAll(param -> param == RUNNING_USER_IDS ? JsonText.array(index.runningUserIds()) : param);
        return bound;
    }

    private static String runningSubquery(boolean active) {
        String running = "SELECT s.user_id FROM spawners s JOIN servers v ON v.id = s.server_id WHERE s.user_id IS NOT NULL";
        return "u.id " + (active ? "IN" : "NOT IN") + " (" + running + ")";
    }

    /** True when the statement must run with a fresh {@link SpawnerIndex} on its connection. */
    boolean needsSpawnerIndex() {
        return usesIndex;
    }

    /** Only rows after the keyset position in the selection's order. */
    void after(UserKeyset position) {
        String op = selection.descending() ? "<" : ">";
        switch (selection.sort()) {
            case ID -> add("u.id " + op + " ?", position.id());
            case NAME -> add("(u.name " + op + " ? OR (u.name = ? AND u.id " + op + " ?))",
                    position.sortValue(), position.sortValue(), position.id());
            case LAST_ACTIVITY -> afterLastActivity(position, op);
        }
    }

    private void afterLastActivity(UserKeyset position, String op) {
        if (position.sortValue() == null) {
            add("(u.last_activity IS NULL AND u.id " + op + " ?)", position.id());
        } else {
            add("(u.last_activity IS NULL OR u.last_activity " + op + " ? OR (u.last_activity = ? AND u.id " + op + " ?))",
                    position.sortValue(), position.sortValue(), position.id());
        }
    }

    private void add(String condition, Object... values) {
        conditions.add(condition);
        params.addAll(List.of(values));
    }

    String text() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    List<Object> params() {
        return params;
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
