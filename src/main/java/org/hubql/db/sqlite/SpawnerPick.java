package org.hubql.db.sqlite;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One page of {@code Query.spawners} as the spawner list index picks it: the spawners {@code filter} keeps, by
 * {@code order}'s date then id (by id alone when empty), within {@code window}.
 */
public record SpawnerPick(Optional<SpawnerDate> order, SpawnerFilter filter, IndexWindow window) {

    /** The date columns of {@code spawners} the index keeps. */
    public enum SpawnerDate {
        LAST_ACTIVITY,
        STARTED
    }

    /**
     * Which spawners a page or a count keeps: every date condition, whether the server runs (its {@code servers} row
     * exists) and whether the spawner is named, each when given; and, for a viewer whose grants reach only some
     * users or spawners, the spawners of the users {@code listable} reaches, among those {@code readable} reaches.
     */
    public record SpawnerFilter(
            List<DateCondition<SpawnerDate>> dates,
            Optional<Boolean> active,
            Optional<Boolean> named,
            Optional<Set<Long>> listable,
            Optional<Reach> readable) {}

    /** The users whose spawners, and the spawners themselves, a viewer may read. */
    public record Reach(Set<Long> users, Set<Long> spawners) {}
}
