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
            add(
                    "LOWER(u.name) LIKE ? ESCAPE '!'",
                    "%" + escapeLike(selection.nameContains().toLowerCase(Locale.ROOT)) + "%");
        }
        if (selection.admin() != null) {
            conditions.add(selection.admin() ? "u.admin = TRUE" : "(u.admin IS NULL OR u.admin = FALSE)");
        }
        if (selection.active() != null) {
            SqlFragment active = running.condition(selection.active());
            conditions.add(active.text());
            params.addAll(active.params());
        }
        if (selection.lastActivityAfter() != null) {
            add("u.last_activity > ?", selection.lastActivityAfter());
        }
        if (selection.lastActivityBefore() != null) {
            add("u.last_activity < ?", selection.lastActivityBefore());
        }
        if (selection.group() != null) {
            add(
                    "u.id IN (SELECT m.user_id FROM user_group_map m JOIN " + dialect.quote("groups")
                            + " g ON g.id = m.group_id WHERE g.name = ?)",
                    selection.group());
        }
        if (selection.onlyIds() != null) {
            SqlFragment in = dialect.in("u.id", selection.onlyIds());
            conditions.add(in.text());
            params.addAll(in.params());
        }
    }

    /** Only rows within these bounds too (a page's keyset window). */
    void and(List<SqlFragment> bounds) {
        for (SqlFragment bound : bounds) {
            conditions.add(bound.text());
            params.addAll(bound.params());
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
