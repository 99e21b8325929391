package org.hubql.db;

/** The orders {@code users} can be paged in; each ends with the id, so every position is unique. */
public enum UserSort {
    ID,
    NAME,
    /** Users never active come last, ascending or descending. */
    LAST_ACTIVITY;

    String orderBy(boolean descending) {
        String direction = descending ? " DESC" : " ASC";
        return switch (this) {
            case ID -> "u.id" + direction;
            case NAME -> "u.name" + direction + ", u.id" + direction;
            case LAST_ACTIVITY ->
                "CASE WHEN u.last_activity IS NULL THEN 1 ELSE 0 END, u.last_activity" + direction + ", u.id"
                        + direction;
        };
    }
}
