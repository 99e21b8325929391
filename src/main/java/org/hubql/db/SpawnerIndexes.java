package org.hubql.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.sqlite.Function;

/**
 * The {@link SpawnerIndex} of each physical SQLite connection, and the SQL function {@value #RUNNING_USER}
 * ({@code user id → 1 if the user has a running server}) that answers from it.
 *
 * <p>Freshness: before every statement that uses the index, {@code PRAGMA data_version} runs on the same
 * connection. SQLite changes that value whenever another connection or process has committed since the last
 * call on this connection (hubql itself never writes), so the index is rebuilt exactly when the hub has written.
 * The version is read before the rebuild, so it can only understate how fresh the index is: a statement never
 * uses an index older than the last commit before its check.
 *
 * <p>Trace: the check runs before every such statement, reads only the database header and is not recorded.
 * A rebuild is a scan of {@code spawners}, recorded as upkeep (listed when the trace keeps statements, never
 * counted), so that {@link SqlTrace#count()} stays a function of the query alone, whatever the pool's state.
 *
 * <p>As in {@link StatementCache}, only the thread that has borrowed a connection touches its slot, and the
 * function runs on that thread, inside the statement. Slots do not refer to their connection: the key stays weak.
 */
final class SpawnerIndexes {
    static final String RUNNING_USER = "hubql_running_user";
    private static final String DATA_VERSION = "PRAGMA data_version";
    private static final Map<Connection, Slot> BY_CONNECTION = Collections.synchronizedMap(new WeakHashMap<>());

    private SpawnerIndexes() {
        // non-constructable
    }

    /** The index of the physical connection behind {@code pooled}, rebuilt first if the hub has changed. */
    static SpawnerIndex fresh(Sql sql, Connection pooled) throws SQLException {
        Connection physical = pooled.isWrapperFor(Connection.class) ? pooled.unwrap(Connection.class) : pooled;
        Slot slot = BY_CONNECTION.get(physical);
        if (slot == null) {
            slot = new Slot();
            Function.create(physical, RUNNING_USER, new RunningUser(slot), 1, 0);
            BY_CONNECTION.put(physical, slot);
        }
        long[] version = new long[1];
        sql.forEachRow(pooled, DATA_VERSION, List.of(), row -> version[0] = row.id("data_version"));
        if (slot.index == null || slot.dataVersion != version[0]) {
            slot.index = null;
            long started = System.nanoTime();
            List<SpawnerIndex> read = new ArrayList<>(1);
            sql.forEachRow(pooled, SpawnerIndex.SELECT, List.of(),
                    row -> read.add(SpawnerIndex.read(row.text("packed"), row.id("beyond"))));
            slot.index = read.get(0);
            slot.dataVersion = version[0];
            sql.trace().recordUpkeep(SpawnerIndex.SELECT, slot.index.size(), System.nanoTime() - started);
        }
        return slot.index;
    }

    private static final class Slot {
        SpawnerIndex index;
        long dataVersion;
    }

    private static final class RunningUser extends Function {
        private final Slot slot;

        RunningUser(Slot slot) {
            this.slot = slot;
        }

        @Override
        protected void xFunc() throws SQLException {
            if (slot.index == null) {
                error(RUNNING_USER + " used without a fresh spawner index");
                return;
            }
            result(slot.index.running(value_long(0)) ? 1 : 0);
        }
    }
}
