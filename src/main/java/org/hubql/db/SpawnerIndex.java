package org.hubql.db;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Which spawners each user has, and which users have a running server, as read from {@code spawners} in one
 * statement: what a hub without an index on {@code spawners.user_id} would otherwise scan for on every request.
 * Immutable. Each spawner is one {@code long} ({@code user_id << 32 | id}, sorted) and each running user another,
 * so a hub of 100,000 users takes about 1 MB per pooled connection. Ids that do not fit (user ids from 2^31,
 * spawner ids from 2^32) fail the build with an error rather than being misread.
 */
final class SpawnerIndex {
    /**
     * Every spawner packed as above in one comma-separated text, negated bitwise ({@code ~}) when it runs: a scan
     * whose single row crosses JDBC once, instead of one row per spawner (twice as slow at 100,000 spawners).
     * Running means the spawner's server row exists, not merely that {@code server_id} is set; the servers' ids
     * are looked up in a set SQLite builds once, which at 100,000 spawners is faster than a join.
     */
    static final String SELECT = "SELECT group_concat(CASE WHEN s.server_id IN (SELECT v.id FROM servers v)"
            + " THEN ~((s.user_id << 32) | s.id) ELSE (s.user_id << 32) | s.id END) AS packed,"
            + " COALESCE(SUM(s.user_id < 0 OR s.user_id > 2147483647 OR s.id < 0 OR s.id > 4294967295), 0) AS beyond"
            + " FROM spawners s WHERE s.user_id IS NOT NULL";

    private final OwnedIds userSpawners;
    private final long[] runningUsers;

    private SpawnerIndex(OwnedIds userSpawners, long[] runningUsers) {
        this.userSpawners = userSpawners;
        this.runningUsers = runningUsers;
    }

    boolean running(long userId) {
        return Arrays.binarySearch(runningUsers, userId) >= 0;
    }

    long[] runningUserIds() {
        return runningUsers.clone();
    }

    /** The ids of these users' spawners, by user then spawner id. */
    List<Long> spawnerIds(Collection<Long> userIds) {
        return userSpawners.of(userIds);
    }

    int size() {
        return userSpawners.size();
    }

    /** Reads the one row of {@link #SELECT}. */
    static SpawnerIndex read(String packed, long beyond) throws SQLException {
        if (beyond > 0) {
            throw new SQLException(beyond + " spawners have ids beyond those hubql can index");
        }
        Builder builder = new Builder();
        int length = packed == null ? 0 : packed.length();
        int at = 0;
        while (at < length) {
            int end = packed.indexOf(',', at);
            end = end < 0 ? length : end;
            long value = Long.parseLong(packed, at, end, 10);
            long spawner = value < 0 ? ~value : value;
            builder.add(spawner & OwnedIds.LOW_32, spawner >>> 32, value < 0);
            at = end + 1;
        }
        return builder.build();
    }

    /** Collects spawners one by one. */
    static final class Builder {
        private long[] userSpawners = new long[1024];
        private long[] runningUsers = new long[256];
        private int spawners;
        private int running;

        void add(long spawnerId, long userId, boolean isRunning) throws SQLException {
            long packed = OwnedIds.pack(userId, spawnerId, "spawner");
            if (spawners == userSpawners.length) {
                userSpawners = Arrays.copyOf(userSpawners, spawners * 2);
            }
            userSpawners[spawners++] = packed;
            if (isRunning) {
                if (running == runningUsers.length) {
                    runningUsers = Arrays.copyOf(runningUsers, running * 2);
                }
                runningUsers[running++] = userId;
            }
        }

        SpawnerIndex build() {
            long[] pairs = Arrays.copyOf(userSpawners, spawners);
            Arrays.sort(pairs);
            return new SpawnerIndex(new OwnedIds(pairs), Arrays.stream(runningUsers, 0, running).sorted().distinct().toArray());
        }
    }
}
