package org.hubql.db.sqlite;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * Which spawners each user has, and which users have a running server, as read from {@code spawners} in one
 * statement: what a hub without an index on {@code spawners.user_id} would otherwise scan for on every request.
 * Immutable. Each spawner is one packed {@code user_id << 32 | id} ({@link PackedIds}) and each running user another
 * {@code long}, so a hub of 100,000 users takes about 1 MB per pooled connection.
 */
final class SpawnerIndex {
    private static final String PACKED = PackedIds.packed("s.user_id", "s.id");

    /**
     * Every spawner packed in one comma-separated text, negated bitwise ({@code ~}) when it runs: a scan whose
     * single row crosses JDBC once, instead of one row per spawner (twice as slow at 100,000 spawners). Running
     * means the spawner's server row exists, not merely that {@code server_id} is set; the servers' ids are looked
     * up in a set SQLite builds once, which at 100,000 spawners is faster than a join.
     */
    static final String SELECT = "SELECT group_concat(CASE WHEN s.server_id IN (SELECT v.id FROM servers v)"
            + " THEN ~(" + PACKED + ") ELSE " + PACKED + " END) AS packed, " + PackedIds.beyond("s.user_id", "s.id")
            + " FROM spawners s WHERE s.user_id IS NOT NULL";

    private final OwnedIds userSpawners;
    private final long[] runningUsers;

    private SpawnerIndex(OwnedIds userSpawners, long[] runningUsers) {
        this.userSpawners = userSpawners;
        this.runningUsers = runningUsers;
    }

    /** Reads the one row of {@link #SELECT}. */
    static SpawnerIndex read(@Nullable String packed, long beyond) throws SQLException {
        PackedIds.checkBounds(beyond, "spawners");
        PackedIds.Builder spawners = new PackedIds.Builder(1024);
        PackedIds.Builder running = new PackedIds.Builder(256);
        PackedIds.forEach(packed, value -> {
            long spawner = value < 0 ? ~value : value;
            spawners.add(spawner);
            if (value < 0) {
                running.add(spawner >>> 32);
            }
        });
        return new SpawnerIndex(new OwnedIds(spawners.sorted()), running.sortedDistinct());
    }

    boolean running(long userId) {
        return Arrays.binarySearch(runningUsers, userId) >= 0;
    }

    long[] runningUserIds() {
        return runningUsers.clone();
    }

    /** The ids of these users' spawners, by user then spawner id. */
    long[] spawnerIds(Collection<Long> userIds) {
        return userSpawners.of(userIds);
    }

    int size() {
        return userSpawners.size();
    }
}
