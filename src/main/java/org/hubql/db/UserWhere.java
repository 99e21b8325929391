package org.hubql.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the WHERE clause of a {@link UserSelection}, with its parameters in order. */
final class UserWhere {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** @param running how the {@code active} filter, if the selection has one, tells the running users */
    UserWhere(Dialect dialect, UserSelection selection, RunningUsers running) {
        if (selection.nameContains() != null) {
            add(dialect.contains("LOWER(u.name)", lowerCase(selection.nameContains())));
        }
        if (selection.nameStartsWith() != null) {
            add(dialect.startsWith("LOWER(u.name)", lowerCase(selection.nameStartsWith())));
        }
        if (selection.admin() != null) {
            conditions.add(selection.admin() ? "u.admin = TRUE" : "(u.admin IS NULL OR u.admin = FALSE)");
        }
        if (selection.active() != null) {
            add(running.condition(selection.active()));
        }
        if (selection.lastActivityAfter() != null) {
            add("u.last_activity > ?", selection.lastActivityAfter());
        }
        if (selection.lastActivityBefore() != null) {
            add("u.last_activity < ?", selection.lastActivityBefore());
        }
        if (selection.neverActive() != null) {
            conditions.add(selection.neverActive() ? "u.last_activity IS NULL" : "u.last_activity IS NOT NULL");
        }
        if (selection.createdAfter() != null) {
            add("u.created > ?", selection.createdAfter());
        }
        if (selection.createdBefore() != null) {
            add("u.created < ?", selection.createdBefore());
        }
        if (selection.group() != null) {
            addGroup(dialect, selection.group());
        }
        if (selection.hasNamedServers() != null) {
            conditions.add((selection.hasNamedServers() ? "u.id IN " : "u.id NOT IN ")
                    + "(SELECT s.user_id FROM spawners s WHERE s.name <> '' AND s.user_id IS NOT NULL)");
        }
        if (selection.onlyIds() != null) {
            add(dialect.in("u.id", selection.onlyIds()));
        }
    }

    private void addGroup(Dialect dialect, String name) {
        if (!dialect.canStore(name)) {
            conditions.add("1 = 0");
            return;
        }
        add(
                "u.id IN (SELECT m.user_id FROM user_group_map m JOIN " + dialect.quote("groups")
                        + " g ON g.id = m.group_id WHERE g.name = ?)",
                name);
    }

    /** Only rows within these bounds too (a page's keyset window). */
    void and(List<SqlFragment> bounds) {
        for (SqlFragment bound : bounds) {
            conditions.add(bound.text());
            params.addAll(bound.params());
        }
    }

    private void add(SqlFragment condition) {
        conditions.add(condition.text());
        params.addAll(condition.params());
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

    private static String lowerCase(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
