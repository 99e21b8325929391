package org.hubql.db;

/** The orders {@code Query.spawners} can be paged in; each ends with the spawner id. */
public enum SpawnerSort {
    /** Servers never active come last, ascending or descending. */
    LAST_ACTIVITY("last_activity"),
    /** Stopped servers (no start time) come last. */
    STARTED("started"),
    /** By the owner's name, then by id. */
    USER_NAME("name"),
    ID("id");

    private final String column;

    SpawnerSort(String column) {
        this.column = column;
    }

    /** The {@code spawners} column the order needs ({@code users.name} for {@link #USER_NAME}). */
    public String column() {
        return column;
    }

    KeysetOrder order(boolean descending) {
        return switch (this) {
            case LAST_ACTIVITY -> KeysetOrder.byNullable("s.last_activity", "s.id", descending);
            case STARTED -> KeysetOrder.byNullable("s.started", "s.id", descending);
            case USER_NAME -> KeysetOrder.by("u.name", "s.id", descending);
            case ID -> KeysetOrder.byId("s.id", descending);
        };
    }
}
