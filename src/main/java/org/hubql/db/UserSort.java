package org.hubql.db;

/** The orders {@code users} can be paged in; each ends with the id, so every position is unique. */
public enum UserSort {
    ID,
    NAME,
    /** Users never active come last, ascending or descending. */
    LAST_ACTIVITY;

    KeysetOrder order(boolean descending) {
        return switch (this) {
            case ID -> KeysetOrder.byId("u.id", descending);
            case NAME -> KeysetOrder.by("u.name", "u.id", descending);
            case LAST_ACTIVITY -> KeysetOrder.byNullable("u.last_activity", "u.id", descending);
        };
    }
}
